package org.anxin.platform.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.anxin.platform.OrderFixtures;
import org.anxin.platform.system.Geo;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Batch assignment of booked visits on the embedded stack: the constraints it respects, and a
 * case built so that nearest-first greedy is provably worse than solving the batch.
 */
class BatchAssignmentIT extends OrderFixtures {
    /** Walking: 1.2 m/s over 1.3 × the straight line (the defaults). */
    private static int walkEta(double meters) {
        return (int) Math.ceil(meters * 1.3 / 1.2);
    }

    /**
     * A and B lie 800 m apart on a line; X stands 700 m from A and 100 m from B, Y 500 m beyond B.
     * A walker covers about 830 m in the 15-minute circle, so only X can reach A. Greedy takes
     * the nearest pair first (B–X, 109 s) and leaves A with nobody; the batch sends X to A and Y
     * to B.
     */
    @Test
    void theBatchServesBothOrdersWhereNearestFirstGreedyStrandsOne() {
        double lat = 28.2282;
        double lon = 112.9388; // Changsha
        double aLat = lat;
        double xLat = north(lat, 700);
        double bLat = north(lat, 800);
        double yLat = north(lat, 1300);
        long provider = provider("岳麓居家服务中心", List.of("助洁"));
        long x = responder("甲-X", provider, List.of("CLEANING"), 1, xLat, lon);
        long y = responder("乙-Y", provider, List.of("CLEANING"), 1, yLat, lon);
        long seniorA = senior("老人A", aLat, lon, "+8613900990001");
        long seniorB = senior("老人B", bLat, lon, "+8613900990002");
        Instant from = freshBatchStart();
        long a =
                book(admin(), seniorA, itemId("助洁"), from.plus(Duration.ofMinutes(30)), from.plus(Duration.ofHours(2)));
        long b =
                book(admin(), seniorB, itemId("助洁"), from.plus(Duration.ofMinutes(40)), from.plus(Duration.ofHours(2)));
        int xa = walkEta(Geo.meters(xLat, lon, aLat, lon));
        int xb = walkEta(Geo.meters(xLat, lon, bLat, lon));
        int yb = walkEta(Geo.meters(yLat, lon, bLat, lon));
        assertThat(xa).isLessThanOrEqualTo(900);
        assertThat(walkEta(Geo.meters(yLat, lon, aLat, lon))).isGreaterThan(900);
        Instant to = from.plus(Duration.ofHours(1));

        JsonNode compare = admin().get("/api/orders/assign/compare?from=" + from + "&to=" + to)
                .expect(200)
                .json();

        JsonNode greedy = compare.get("greedy");
        assertThat(pairs(greedy)).containsExactly(List.of(b, x, (long) xb));
        assertThat(greedy.get("unassigned").valueStream().map(u -> u.get("orderId")
                        .asLong()))
                .containsExactly(a);
        assertThat(greedy.get("unassigned").get(0).get("reason").asString()).contains("taken by other orders");
        assertThat(greedy.get("meanEtaSeconds").asDouble()).isEqualTo(xb);
        JsonNode batch = compare.get("batch");
        assertThat(pairs(batch)).containsExactly(List.of(a, x, (long) xa), List.of(b, y, (long) yb));
        assertThat(batch.get("unassigned").size()).isZero();
        assertThat(batch.get("meanEtaSeconds").asDouble()).isEqualTo((xa + yb) / 2.0);
        assertThat(status(a)).isEqualTo("REQUESTED"); // comparing applies nothing
        assertThat(status(b)).isEqualTo("REQUESTED");

        JsonNode applied = assign(from, to, null);

        assertThat(pairs(applied)).containsExactly(List.of(a, x, (long) xa), List.of(b, y, (long) yb));
        assertThat(order(a).get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(order(a).get("responderId").asLong()).isEqualTo(x);
        assertThat(order(a).get("etaSeconds").asInt()).isEqualTo(xa);
        assertThat(order(b).get("responderId").asLong()).isEqualTo(y);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TWILIO.to(phone("甲-X")).stream()
                .anyMatch(r -> r.form().get("Body").contains("新的上门服务单 " + a)));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TWILIO.to(phone("乙-Y")).stream()
                .anyMatch(r -> r.form().get("Body").contains("新的上门服务单 " + b)));
        // nothing is left for a second batch over the same hour
        assertThat(assign(from, to, null).get("assigned").size()).isZero();
    }

    @Test
    void greedyStrategyIsAppliedOnRequestForComparison() {
        double lat = 22.8170;
        double lon = 108.3665; // Nanning
        long provider = provider("青秀居家服务中心", List.of("助洁"));
        long x = responder("丙-X", provider, List.of("CLEANING"), 1, north(lat, 700), lon);
        responder("丁-Y", provider, List.of("CLEANING"), 1, north(lat, 1300), lon);
        long a = senior("老人C", lat, lon, "+8613900990003");
        long b = senior("老人D", north(lat, 800), lon, "+8613900990004");
        Instant from = freshBatchStart();
        long orderA = book(admin(), a, itemId("助洁"), from.plus(Duration.ofMinutes(5)), from.plus(Duration.ofHours(1)));
        long orderB = book(admin(), b, itemId("助洁"), from.plus(Duration.ofMinutes(6)), from.plus(Duration.ofHours(1)));

        JsonNode applied = assign(from, from.plus(Duration.ofHours(1)), "greedy");

        assertThat(applied.get("strategy").asString()).isEqualTo("greedy");
        assertThat(status(orderA)).isEqualTo("REQUESTED");
        assertThat(order(orderB).get("responderId").asLong()).isEqualTo(x);
        assertThat(actions(orderB)).containsExactly("REQUESTED", "ASSIGNED");
        assertThat(admin().post(
                                "/api/orders/assign?strategy=random",
                                Map.of(
                                        "from",
                                        from.toString(),
                                        "to",
                                        from.plus(Duration.ofHours(1)).toString()))
                        .status())
                .isEqualTo(400);
    }

    /**
     * Three cleaning orders and a bath at one home. C (capacity 2) is near; D has the skill but is
     * 2 km away on foot; E bathes but the home is outside E's provider's area; F cleans but F's
     * provider does not offer cleaning; G is nearest but has neither skill.
     */
    @Test
    void theBatchRespectsSkillCircleServiceAreaOfferAndCapacity() {
        // SettlementIT works in Kunming; its responders there would join this batch
        double lat = 26.6470;
        double lon = 106.6302; // Guiyang
        long main = provider("五华居家服务中心", List.of("助洁", "助浴"));
        long elsewhere = providerServing("远郊助浴队", List.of("助浴"), north(lat, 5000), lon, 1000);
        long other = provider("只送餐的站", List.of("助餐"));
        long c = responder("C-容量2", main, List.of("CLEANING"), 2, north(lat, 100), lon);
        responder("D-太远", main, List.of("CLEANING"), 1, north(lat, 2000), lon);
        responder("E-区外", elsewhere, List.of("BATHING"), 1, north(lat, -100), lon);
        responder("F-不提供", other, List.of("CLEANING"), 1, north(lat, 150), lon);
        responder("G-无技能", main, List.of("ESCORT"), 1, north(lat, 50), lon);
        long senior = senior("老人E", lat, lon, "+8613900990005");
        Instant from = freshBatchStart();
        long clean1 =
                book(admin(), senior, itemId("助洁"), from.plus(Duration.ofMinutes(1)), from.plus(Duration.ofHours(2)));
        long clean2 =
                book(admin(), senior, itemId("助洁"), from.plus(Duration.ofMinutes(2)), from.plus(Duration.ofHours(2)));
        long clean3 =
                book(admin(), senior, itemId("助洁"), from.plus(Duration.ofMinutes(3)), from.plus(Duration.ofHours(2)));
        long bath =
                book(admin(), senior, itemId("助浴"), from.plus(Duration.ofMinutes(4)), from.plus(Duration.ofHours(2)));
        Instant to = from.plus(Duration.ofHours(1));

        JsonNode plan = assign(from, to, null);

        assertThat(plan.get("assigned").valueStream().map(p -> p.get("responderId")
                        .asLong()))
                .containsExactly(c, c);
        List<Long> cleaned = plan.get("assigned")
                .valueStream()
                .map(p -> p.get("orderId").asLong())
                .toList();
        assertThat(cleaned).hasSize(2).isSubsetOf(clean1, clean2, clean3);
        long left = List.of(clean1, clean2, clean3).stream()
                .filter(o -> !cleaned.contains(o))
                .findFirst()
                .orElseThrow();
        assertThat(reasons(plan))
                .containsEntry(left, "every responder able to go is taken by other orders of this batch")
                .containsEntry(
                        bath,
                        "no free responder with skill BATHING whose provider offers the item and serves the home can"
                                + " get there within 15 min");
        // C is full for this hour: a second batch places nothing
        assertThat(assign(from, to, null).get("assigned").size()).isZero();

        // C declines one: it goes back to the batch, never to C again; C's free slot takes the other
        long declined = cleaned.get(0);
        responderApi("C-容量2")
                .post("/api/responder/orders/" + declined + "/decline", Map.of("reason", "时间冲突"))
                .expect(200);
        assertThat(status(declined)).isEqualTo("REQUESTED");
        JsonNode again = assign(from, to, null);
        assertThat(pairs(again))
                .containsExactly(List.of(
                        left, c, again.get("assigned").get(0).get("etaSeconds").asLong()));
        assertThat(reasons(again)).containsKeys(declined, bath);
        assertThat(actions(declined)).containsExactly("REQUESTED", "ASSIGNED", "DECLINED");
    }

    private static List<List<Long>> pairs(JsonNode plan) {
        return plan.get("assigned")
                .valueStream()
                .map(p -> List.of(
                        p.get("orderId").asLong(),
                        p.get("responderId").asLong(),
                        p.get("etaSeconds").asLong()))
                .toList();
    }

    private static Map<Long, String> reasons(JsonNode plan) {
        return plan.get("unassigned")
                .valueStream()
                .collect(java.util.stream.Collectors.toMap(
                        u -> u.get("orderId").asLong(), u -> u.get("reason").asString()));
    }
}
