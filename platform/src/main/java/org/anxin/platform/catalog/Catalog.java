package org.anxin.platform.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.anxin.platform.dispatch.Responders;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service catalogue after GB/T 43153-2023: categories (seeded by the migration), items with a
 * price ({@link org.anxin.platform.system.Money}), a standard duration and the skill a worker needs, and which providers
 * offer each item. The module's public face: orders look up an item and what each provider offers.
 */
@Service
public class Catalog {
    private final JdbcClient db;
    private final Responders responders;

    Catalog(JdbcClient db, Responders responders) {
        this.db = db;
        this.responders = responders;
    }

    /** A catalogue item as it is now; an order keeps its own snapshot of name and price. */
    public record Item(
            long id,
            String category,
            String name,
            String nameEn,
            Money price,
            int durationMinutes,
            String skill,
            boolean active) {}

    record ItemChange(
            String category,
            String name,
            String nameEn,
            Money price,
            int durationMinutes,
            String skill,
            boolean active) {}

    public Optional<Item> find(long id) {
        return db.sql("select * from service_items where id = ?")
                .param(id)
                .query((rs, n) -> item(rs))
                .optional();
    }

    private static Item item(ResultSet rs) throws SQLException {
        return new Item(
                rs.getLong("id"),
                rs.getString("category"),
                rs.getString("name"),
                rs.getString("name_en"),
                Money.ofFen(rs.getLong("price_cents")),
                rs.getInt("duration_minutes"),
                rs.getString("skill"),
                rs.getBoolean("active"));
    }

    /** Every category in order, each with its active (or all) items and the providers offering each. */
    List<CatalogViews.CatalogCategory> view(boolean includeInactive) {
        Map<Long, String> providerNames = responders.providers().stream()
                .collect(Collectors.toMap(Responders.Provider::id, Responders.Provider::name));
        Map<Long, List<CatalogViews.CatalogProvider>> offeredBy = new HashMap<>();
        db.sql("select provider_id, item_id from provider_items order by provider_id")
                .query(rs -> {
                    long provider = rs.getLong("provider_id");
                    offeredBy
                            .computeIfAbsent(rs.getLong("item_id"), k -> new ArrayList<>())
                            .add(new CatalogViews.CatalogProvider(provider, providerNames.get(provider)));
                });
        Map<String, List<CatalogViews.CatalogItem>> byCategory = new LinkedHashMap<>();
        db.sql("select * from service_items where active or ? order by id")
                .param(includeInactive)
                .query((rs, n) -> item(rs))
                .list()
                .forEach(item -> byCategory
                        .computeIfAbsent(item.category(), k -> new ArrayList<>())
                        .add(CatalogViews.CatalogItem.of(item, offeredBy.getOrDefault(item.id(), List.of()))));
        return db.sql("select code, name from service_categories order by position")
                .query((rs, n) -> new CatalogViews.CatalogCategory(
                        rs.getString("code"),
                        rs.getString("name"),
                        byCategory.getOrDefault(rs.getString("code"), List.of())))
                .list();
    }

    /** The item with the providers offering it. */
    CatalogViews.CatalogItem view(Item item) {
        Map<Long, String> names = responders.providers().stream()
                .collect(Collectors.toMap(Responders.Provider::id, Responders.Provider::name));
        List<CatalogViews.CatalogProvider> providers = db
                .sql("select provider_id from provider_items where item_id = ? order by provider_id")
                .param(item.id())
                .query(Long.class)
                .list()
                .stream()
                .map(id -> new CatalogViews.CatalogProvider(id, names.get(id)))
                .toList();
        return CatalogViews.CatalogItem.of(item, providers);
    }

    @Transactional
    Item create(ItemChange change) {
        check(change);
        long id = db.sql("insert into service_items (category, name, name_en, price_cents, duration_minutes, skill,"
                        + " active) values (?, ?, ?, ?, ?, ?, ?) returning id")
                .params(
                        change.category(),
                        change.name(),
                        change.nameEn(),
                        change.price().fen(),
                        change.durationMinutes(),
                        change.skill(),
                        change.active())
                .query(Long.class)
                .single();
        return find(id).orElseThrow();
    }

    /** Changes an item; orders already booked keep the price they were booked at. */
    @Transactional
    Item update(long id, ItemChange change) {
        find(id).orElseThrow(() -> ApiProblem.notFound("no catalogue item " + id));
        check(change);
        db.sql("update service_items set category = ?, name = ?, name_en = ?, price_cents = ?, duration_minutes = ?,"
                        + " skill = ?, active = ? where id = ?")
                .params(
                        change.category(),
                        change.name(),
                        change.nameEn(),
                        change.price().fen(),
                        change.durationMinutes(),
                        change.skill(),
                        change.active(),
                        id)
                .update();
        return find(id).orElseThrow();
    }

    private void check(ItemChange change) {
        List<String> categories = db.sql("select code from service_categories order by position")
                .query(String.class)
                .list();
        if (!categories.contains(change.category())) {
            throw ApiProblem.badRequest("category must be one of " + categories);
        }
        if (!Responders.SKILLS.contains(change.skill())) {
            throw ApiProblem.badRequest("skill must be one of "
                    + Responders.SKILLS.stream().sorted().toList());
        }
    }

    /** Sets exactly which items a provider offers. */
    @Transactional
    List<Long> setProviderItems(long providerId, List<Long> itemIds) {
        responders.provider(providerId).orElseThrow(() -> ApiProblem.notFound("no provider " + providerId));
        List<Long> distinct = itemIds.stream().distinct().sorted().toList();
        Set<Long> known = new HashSet<>(db.sql("select id from service_items where id = any(?)")
                .param(distinct.toArray(Long[]::new))
                .query(Long.class)
                .list());
        for (long itemId : distinct) {
            if (!known.contains(itemId)) {
                throw ApiProblem.badRequest("no catalogue item " + itemId);
            }
        }
        db.sql("delete from provider_items where provider_id = ?")
                .param(providerId)
                .update();
        for (long itemId : distinct) {
            db.sql("insert into provider_items (provider_id, item_id) values (?, ?)")
                    .params(providerId, itemId)
                    .update();
        }
        return distinct;
    }

    /** Items offered by each provider that offers any. */
    public Map<Long, Set<Long>> offeredByProvider() {
        Map<Long, Set<Long>> offered = new LinkedHashMap<>();
        db.sql("select provider_id, item_id from provider_items").query(rs -> {
            offered.computeIfAbsent(rs.getLong("provider_id"), k -> new HashSet<>())
                    .add(rs.getLong("item_id"));
        });
        return offered;
    }

    /** Whether the provider offers the item. */
    public boolean offers(long providerId, long itemId) {
        return db.sql("select count(*) from provider_items where provider_id = ? and item_id = ?")
                        .params(providerId, itemId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** A service category (助餐, 助洁 …) by code and name. */
    public record Category(String code, String name, int position) {}

    /** The category of each of the items, in one query. */
    public Map<Long, Category> categoriesOf(java.util.Collection<Long> itemIds) {
        Map<Long, Category> found = new LinkedHashMap<>();
        db.sql("select i.id, c.code, c.name, c.position from service_items i join service_categories c"
                        + " on c.code = i.category where i.id = any(?)")
                .param(itemIds.toArray(Long[]::new))
                .query(rs -> {
                    found.put(
                            rs.getLong("id"),
                            new Category(rs.getString("code"), rs.getString("name"), rs.getInt("position")));
                });
        return found;
    }
}
