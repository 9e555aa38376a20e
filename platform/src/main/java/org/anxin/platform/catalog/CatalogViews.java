package org.anxin.platform.catalog;

import java.math.BigDecimal;
import java.util.List;
import org.anxin.platform.system.Money;

/** The catalogue as the API shows it. */
final class CatalogViews {
    private CatalogViews() {}

    record CatalogCategory(String code, String name, List<CatalogItem> items) {}

    record CatalogProvider(long id, String name) {}

    /**
     * An item; {@code price} is the one money shape, {@code priceYuan} the same amount kept for the
     * pages that still read it.
     */
    record CatalogItem(
            long id,
            String category,
            String name,
            String nameEn,
            Money price,
            BigDecimal priceYuan,
            int durationMinutes,
            String skill,
            boolean active,
            List<CatalogProvider> providers) {
        static CatalogItem of(Catalog.Item item, List<CatalogProvider> providers) {
            return new CatalogItem(
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
