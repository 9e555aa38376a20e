package org.anxin.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anxin.platform.HttpApi;
import org.anxin.platform.OrderFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The catalogue over real HTTP: what everyone reads, what only an admin changes, and prices in either shape. */
class CatalogIT extends OrderFixtures {

    @Test
    void catalogueListsTheSeededCategoriesAndOnlyAnAdminEditsIt() {
        long senior = createSenior("目录老人");
        HttpApi family = family(senior);
        JsonNode catalog = family.get("/api/catalog").expect(200).json();

        assertThat(catalog.valueStream().map(c -> c.get("code").asString()))
                .containsExactly(
                        "DAILY_LIVING",
                        "BASIC_CARE",
                        "HEALTH",
                        "VISITING",
                        "COMPANIONSHIP",
                        "ERRANDS",
                        "HOME_ADAPTATION");
        assertThat(catalog.get(0).get("name").asString()).isEqualTo("生活照料");
        JsonNode meal = catalog.get(0)
                .get("items")
                .valueStream()
                .filter(i -> i.get("name").asString().equals("助餐"))
                .findFirst()
                .orElseThrow();
        assertThat(meal.get("priceYuan").decimalValue()).isEqualByComparingTo("15");
        assertThat(meal.get("durationMinutes").asInt()).isEqualTo(30);
        assertThat(meal.get("skill").asString()).isEqualTo("MEAL");

        Map<String, Object> item = new HashMap<>(Map.of(
                "category", "VISITING", "name", "探访", "priceYuan", 25.5, "durationMinutes", 45, "skill", "NURSING"));
        JsonNode created = admin().post("/api/catalog/items", item).expect(201).json();
        long id = created.get("id").asLong();
        assertThat(created.get("priceYuan").decimalValue()).isEqualByComparingTo("25.50");
        assertThat(family.post("/api/catalog/items", item).status()).isEqualTo(403);
        assertThat(problem(admin().post("/api/catalog/items", with(item, "skill", "JUGGLING")), 400))
                .contains("skill must be one of");
        assertThat(problem(admin().post("/api/catalog/items", with(item, "category", "SPA")), 400))
                .contains("category must be one of");
        assertThat(problem(admin().post("/api/catalog/items", with(item, "priceYuan", 1.005)), 400))
                .contains("two decimals");
        assertThat(problem(admin().post("/api/catalog/items", with(item, "durationMinutes", 2)), 400))
                .contains("durationMinutes");
        assertThat(problem(admin().post("/api/catalog/items", with(item, "priceYuan", -1)), 400))
                .contains("priceYuan");

        long provider = provider("目录测试站", List.of());
        admin().put("/api/providers/" + provider + "/items", Map.of("itemIds", List.of(id)))
                .expect(200);
        JsonNode listed = findItem(family.get("/api/catalog").json(), id);
        assertThat(listed.get("providers").valueStream().map(p -> p.get("id").asLong()))
                .containsExactly(provider);
        assertThat(admin().put("/api/providers/" + provider + "/items", Map.of("itemIds", List.of(999_999)))
                        .status())
                .isEqualTo(400);
        assertThat(admin().put("/api/providers/999999/items", Map.of("itemIds", List.of(id)))
                        .status())
                .isEqualTo(404);

        admin().put("/api/catalog/items/" + id, with(item, "active", false)).expect(200);
        assertThat(findItem(family.get("/api/catalog").json(), id)).isNull();
        // the admin's editing page still sees it, to switch it back on; nobody else may ask for it
        assertThat(findItem(admin().get("/api/catalog?includeInactive=true").json(), id)
                        .get("active")
                        .asBoolean())
                .isFalse();
        assertThat(problem(family.get("/api/catalog?includeInactive=true"), 403))
                .contains("only an admin");
        assertThat(admin().put("/api/catalog/items/999999", item).status()).isEqualTo(404);
    }

    @Test
    void anItemsPriceIsTakenAsMoneyOrAsYuanAndShownInBothShapes() {
        Map<String, Object> item =
                new HashMap<>(Map.of("category", "VISITING", "name", "陪诊", "durationMinutes", 60, "skill", "NURSING"));
        JsonNode byYuan = admin().post("/api/catalog/items", with(item, "price", Map.of("yuan", "80.00")))
                .expect(201)
                .json();
        assertThat(byYuan.get("price").get("fen").asLong()).isEqualTo(8000);
        assertThat(byYuan.get("price").get("yuan").asString()).isEqualTo("80.00");
        assertThat(byYuan.get("priceYuan").decimalValue()).isEqualByComparingTo("80");

        long id = byYuan.get("id").asLong();
        JsonNode byFen = admin().put("/api/catalog/items/" + id, with(item, "price", Map.of("fen", 8050)))
                .expect(200)
                .json();
        assertThat(byFen.get("price").get("yuan").asString()).isEqualTo("80.50");
        assertThat(byFen.get("priceYuan").decimalValue()).isEqualByComparingTo("80.50");

        Map<String, Object> both = with(item, "price", Map.of("fen", 100));
        both.put("priceYuan", 2);
        assertThat(problem(admin().post("/api/catalog/items", both), 400)).contains("disagree");
        assertThat(problem(admin().post("/api/catalog/items", item), 400)).contains("price is required");
        assertThat(problem(admin().post("/api/catalog/items", with(item, "price", Map.of("fen", -1))), 400))
                .contains("between 0 and");
        assertThat(admin().post("/api/catalog/items", with(item, "price", Map.of("fen", 1_000_001)))
                        .status())
                .isEqualTo(400);
        assertThat(findItem(admin().get("/api/catalog").json(), id)
                        .get("price")
                        .get("fen")
                        .asLong())
                .isEqualTo(8050);
    }

    // --- helpers

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static JsonNode findItem(JsonNode catalog, long id) {
        return catalog.valueStream()
                .flatMap(c -> c.get("items").valueStream())
                .filter(i -> i.get("id").asLong() == id)
                .findFirst()
                .orElse(null);
    }
}
