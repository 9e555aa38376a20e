package org.anxin.platform.catalog;

import java.math.BigDecimal;
import java.util.List;
import org.anxin.platform.system.Money;

/** The catalogue as the API shows it. */
final class CatalogViews {
    private CatalogViews() {}

    record Category(String code, String name, List<ItemView> items) {}

    record ProviderRef(long id, String name) {}

    /**
     * An item; {@code price} is the one money shape, {@code priceYuan} the same amount kept for the
     * pages that still read it.
     */
    record ItemView(
            long id,
            String category,
            String name,
            String nameEn,
            Money price,
            BigDecimal priceYuan,
            int durationMinutes,
            String skill,
            boolean active,
            List<ProviderRef> providers) {
        static ItemView of(Catalog.Item item, List<ProviderRef> providers) {
            return new ItemView(
                    item.id(),
                    item.category(),
                    item.name(),
                    item.nameEn(),
                    item.price(),
                    item.price().decimal(),
                    item.durationMinutes(),
                    item.skill(),
                    item.active(),
                    providers);
        }
    }

    record ProviderItems(long providerId, List<Long> itemIds) {}
}
