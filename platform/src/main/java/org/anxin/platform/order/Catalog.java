package org.anxin.platform.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.anxin.platform.dispatch.Responders;
import org.anxin.platform.system.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service catalogue after GB/T 43153-2023: categories (seeded by the migration), items with a
 * price (kept in cents), a standard duration and the skill a worker needs, and which providers
 * offer each item.
 */
@Component
class Catalog {
    private final JdbcClient db;
    private final Responders responders;

    Catalog(JdbcClient db, Responders responders) {
        this.db = db;
        this.responders = responders;
    }

    record Item(
            long id,
            String category,
            String name,
            String nameEn,
            BigDecimal priceYuan,
            int durationMinutes,
            String skill,
            boolean active) {
        int priceCents() {
            return priceYuan.movePointRight(2).intValueExact();
        }
    }

    record ItemChange(
            String category,
            String name,
            String nameEn,
            BigDecimal priceYuan,
            int durationMinutes,
            String skill,
            boolean active) {}

    static BigDecimal yuan(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    Optional<Item> find(long id) {
        return db.sql("select * from service_items where id = ?")
                .param(id)
                .query((rs, n) -> new Item(
                        rs.getLong("id"),
                        rs.getString("category"),
                        rs.getString("name"),
                        rs.getString("name_en"),
                        yuan(rs.getInt("price_cents")),
                        rs.getInt("duration_minutes"),
                        rs.getString("skill"),
                        rs.getBoolean("active")))
                .optional();
    }

    /** Every category in order, each with its active (or all) items and the providers offering each. */
    List<Map<String, Object>> view(boolean includeInactive) {
        List<Map<String, Object>> categories = new ArrayList<>();
        db.sql("select code, name from service_categories order by position")
                .query((rs, n) -> {
                    Map<String, Object> category = new LinkedHashMap<>();
                    category.put("code", rs.getString("code"));
                    category.put("name", rs.getString("name"));
                    category.put("items", new ArrayList<Map<String, Object>>());
                    return category;
                })
                .list()
                .forEach(categories::add);
        List<Long> ids = db.sql("select id from service_items where active or ? order by id")
                .param(includeInactive)
                .query(Long.class)
                .list();
        for (long id : ids) {
            Item item = find(id).orElseThrow();
            Map<String, Object> json = json(item);
            json.put(
                    "providers",
                    db.sql("select p.id, p.name from provider_items pi join providers p on p.id = pi.provider_id"
                                    + " where pi.item_id = ? order by p.id")
                            .param(id)
                            .query((rs, n) -> Map.of("id", rs.getLong("id"), "name", rs.getString("name")))
                            .list());
            categories.stream()
                    .filter(c -> c.get("code").equals(item.category()))
                    .findFirst()
                    .ifPresent(c -> items(c).add(json));
        }
        return categories;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> category) {
        return (List<Map<String, Object>>) category.get("items");
    }

    static Map<String, Object> json(Item item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.id());
        json.put("category", item.category());
        json.put("name", item.name());
        json.put("nameEn", item.nameEn());
        json.put("priceYuan", item.priceYuan());
        json.put("durationMinutes", item.durationMinutes());
        json.put("skill", item.skill());
        json.put("active", item.active());
        return json;
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
                        change.priceYuan().movePointRight(2).intValueExact(),
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
                        change.priceYuan().movePointRight(2).intValueExact(),
                        change.durationMinutes(),
                        change.skill(),
                        change.active(),
                        id)
                .update();
        return find(id).orElseThrow();
    }

    private void check(ItemChange change) {
        if (db.sql("select count(*) from service_categories where code = ?")
                        .param(change.category())
                        .query(Long.class)
                        .single()
                == 0) {
            throw ApiProblem.badRequest("category must be one of "
                    + db.sql("select code from service_categories order by position")
                            .query(String.class)
                            .list());
        }
        if (!Responders.SKILLS.contains(change.skill())) {
            throw ApiProblem.badRequest("skill must be one of "
                    + Responders.SKILLS.stream().sorted().toList());
        }
        if (change.priceYuan().stripTrailingZeros().scale() > 2) {
            throw ApiProblem.badRequest("priceYuan has at most two decimals (fen)");
        }
    }

    /** Sets exactly which items a provider offers. */
    @Transactional
    List<Long> setProviderItems(long providerId, List<Long> itemIds) {
        responders.provider(providerId).orElseThrow(() -> ApiProblem.notFound("no provider " + providerId));
        List<Long> distinct = itemIds.stream().distinct().sorted().toList();
        for (long itemId : distinct) {
            if (find(itemId).isEmpty()) {
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
    Map<Long, Set<Long>> offeredByProvider() {
        Map<Long, Set<Long>> offered = new LinkedHashMap<>();
        db.sql("select provider_id, item_id from provider_items").query(rs -> {
            offered.computeIfAbsent(rs.getLong("provider_id"), k -> new HashSet<>())
                    .add(rs.getLong("item_id"));
        });
        return offered;
    }
}
