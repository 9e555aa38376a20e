package org.anxin.platform.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.anxin.platform.HttpApi;
import org.anxin.platform.OrderFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7's acceptance, end to end through the public API: a family books bathing for tomorrow
 * morning, sees the subsidy share first, the batch assigns it, the worker checks in at the door and
 * out 50 minutes later, the family rates it, and next month the bureau reads the provider's
 * settlement with that visit and its subsidy share; a visit checked in 2 km away is an anomaly and
 * not paid.
 */
class ServiceMonthIT extends OrderFixtures {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Test
    void aBookedBathIsAssignedVerifiedRatedAndSettledWithItsSubsidyWhileAFarCheckInIsHeldBack() {
        double lat = 29.8683;
        double lon = 121.5440; // Ningbo
        int n = unique();
        String community = "月湖社区" + n;
        long provider = provider("海曙居家服务中心" + n, List.of("助浴"));
        String worker = "海曙护理员" + n;
        responder(worker, provider, List.of("BATHING"), 2, north(lat, 300), lon);
        long senior = seniorAt("海曙老人" + n, community, lat, lon);
        long neighbour = seniorAt("海曙邻居" + n, community, north(lat, 500), lon);
        HttpApi family = family(senior);
        allowance("FAMILY_PLANNING", "yuan", 50);
        holds(senior, community, "FAMILY_PLANNING");

        // the evening before: the family asks for a bath tomorrow 09:00-11:00 and sees the split first
        LocalDate tomorrow = LocalDate.ofInstant(freshDay(), CITY);
        clock.set(tomorrow.minusDays(1).atTime(20, 0).atZone(CITY).toInstant());
        Instant from = tomorrow.atTime(LocalTime.of(9, 0)).atZone(CITY).toInstant();
        Instant to = from.plus(Duration.ofHours(2));
        long bath = itemId("助浴");
        JsonNode quote = family.post("/api/orders/quote", booking(senior, bath, from, to))
                .expect(200)
                .json();
        assertThat(quote.get("priceYuan").decimalValue()).isEqualByComparingTo("80");
        assertThat(quote.get("subsidyYuan").decimalValue()).isEqualByComparingTo("50");
        assertThat(quote.get("seniorPaysYuan").decimalValue()).isEqualByComparingTo("30");
        long order = book(family, senior, bath, from, to);
        assertThat(order(order).get("subsidyYuan").decimalValue()).isEqualByComparingTo("50");
        // another bath in the same window, for the neighbour, booked by the desk
        long farOrder = book(admin(), neighbour, bath, from, to);

        // the batch for the morning gives both to the one bathing worker of the provider
        JsonNode plan = assign(from, from.plus(Duration.ofMinutes(1)), "batch");
        assertThat(plan.get("assigned").valueStream().map(p -> p.get("orderId").asLong()))
                .containsExactlyInAnyOrder(order, farOrder);
        assertThat(status(order)).isEqualTo("ASSIGNED");

        // at the door at 09:05, out 50 minutes later
        HttpApi w = responderApi(worker);
        String path = "/api/responder/orders/" + order;
        clock.set(from.plus(Duration.ofMinutes(5)));
        startService(w, order, lat, lon, 15);
        clock.advance(Duration.ofMinutes(50));
        JsonNode done = w.post(path + "/check-out", Map.of("lat", lat, "lon", lon))
                .expect(200)
                .json();
        assertThat(done.get("serviceMinutes").asInt()).isEqualTo(50);
        family.post("/api/orders/" + order + "/rating", Map.of("stars", 5, "comment", "洗得很仔细"))
                .expect(200);
        assertThat(status(order)).isEqualTo("RATED");

        // the neighbour's visit: checked in 2 km away (with a reason), a full hour
        String farPath = "/api/responder/orders/" + farOrder;
        w.post(farPath + "/accept").expect(200);
        w.post(farPath + "/en-route").expect(200);
        assertThat(w.post(farPath + "/arrive", Map.of("lat", north(lat, 2500), "lon", lon))
                        .status())
                .isEqualTo(409);
        w.post(farPath + "/arrive", Map.of("lat", north(lat, 2500), "lon", lon, "farReason", "老人不在家，在公园见面"))
                .expect(200);
        w.post(farPath + "/start").expect(200);
        clock.advance(Duration.ofMinutes(60));
        w.post(farPath + "/check-out", Map.of("lat", north(lat, 2500), "lon", lon))
                .expect(200);

        // next month, the bureau reads the provider's statement for the month of the visits
        YearMonth month = YearMonth.from(from.atZone(CITY));
        clock.set(month.plusMonths(1).atDay(3).atTime(10, 0).atZone(CITY).toInstant());
        HttpApi bureau = bureau();
        JsonNode statement = bureau.get("/api/settlements/" + month + "/providers/" + provider)
                .expect(200)
                .json();
        assertThat(statement.get("payable").valueStream().map(l -> l.get("orderId")
                        .asLong()))
                .containsExactly(order);
        JsonNode line = statement.get("payable").get(0);
        assertThat(line.get("minutes").asInt()).isEqualTo(50);
        assertThat(line.get("priceYuan").decimalValue()).isEqualByComparingTo("80");
        assertThat(line.get("subsidyYuan").decimalValue()).isEqualByComparingTo("50");
        assertThat(line.get("seniorPaysYuan").decimalValue()).isEqualByComparingTo("30");
        assertThat(statement.get("subsidyYuan").decimalValue()).isEqualByComparingTo("50");
        JsonNode held = statement.get("heldBack");
        assertThat(held.size()).isEqualTo(1);
        assertThat(held.get(0).get("orderId").asLong()).isEqualTo(farOrder);
        assertThat(held.get(0).get("anomalies").valueStream().map(a -> a.get("kind")
                        .asString()))
                .containsExactly("FAR_CHECK_IN");
        String csv = bureau.get("/api/settlements/" + month + "/providers/" + provider + ".csv")
                .expect(200)
                .body();
        assertThat(csv).contains(String.valueOf(order)).contains("80.00").contains("50.00");

        // the bureau reads; the service centre issues
        assertThat(bureau.post("/api/settlements/" + month + "/providers/" + provider + "/close")
                        .status())
                .isEqualTo(403);
        assertThat(family.get("/api/settlements/" + month).status()).isEqualTo(403);
    }

    private long seniorAt(String name, String community, double lat, double lon) {
        return createSenior(Map.of(
                "name",
                name,
                "address",
                name + "家",
                "lat",
                lat,
                "lon",
                lon,
                "community",
                community,
                "contacts",
                List.of(Map.of("name", name + "的儿子", "relation", "儿子", "phone", "+8613911112222"))));
    }
}
