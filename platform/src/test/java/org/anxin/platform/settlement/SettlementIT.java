package org.anxin.platform.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anxin.platform.HttpApi;
import org.anxin.platform.OrderFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The monthly settlement on the embedded stack, with visits made through the public API: only
 * verified visits are paid; a far check-in (2 km away, with a reason), a visit too short, two
 * overlapping visits of one worker and a missing check-out are each held back with their kind;
 * the CSV; clearing an anomaly; closing a month freezes its statement, and a visit cleared later
 * is paid in the next month. Each test works in a city of its own.
 */
class SettlementIT extends OrderFixtures {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcClient db;

    /** A booked visit: the home and the worker the batch gave it to. */
    record Home(long orderId, String worker, double lat, double lon) {
        String path() {
            return "/api/responder/orders/" + orderId;
        }
    }

    @Test
    void apiDocsDescribeStatementsWithMoneyAndMarkTheOldYuanNumbersDeprecated() {
        JsonNode schemas =
                admin().get("/v3/api-docs").expect(200).json().get("components").get("schemas");
        JsonNode money = schemas.get("Money").get("properties");
        assertThat(money.has("fen") && money.has("yuan")).isTrue();
        assertThat(money.has("zero") || money.has("negative")).isFalse();
        JsonNode line = schemas.get("StatementLine").get("properties");
        assertThat(line.get("price").get("$ref").asString()).endsWith("/Money");
        assertThat(line.get("seniorPays").get("$ref").asString()).endsWith("/Money");
        assertThat(line.get("priceYuan").get("deprecated").asBoolean()).isTrue();
        JsonNode summary = schemas.get("StatementSummary").get("properties");
        assertThat(summary.get("subsidy").get("$ref").asString()).endsWith("/Money");
        assertThat(summary.get("status").get("enum").valueStream().map(JsonNode::asString))
                .containsExactly("OPEN", "CLOSED");
        assertThat(schemas.get("WalletView")
                        .get("properties")
                        .get("remaining")
                        .get("$ref")
                        .asString())
                .endsWith("/Money");
    }

    @Test
    void paysExactlyTheVerifiedVisitsAndHoldsBackEachAnomalyWithItsKind() {
        double lat = 25.0389;
        double lon = 102.7183; // Kunming
        Batch batch = new Batch("盘龙居家服务中心");
        long provider = batch.provider;
        Home door = batch.home("=王\"大\",伯", lat, lon);
        Home far = batch.home("远签", north(lat, 3000), lon);
        Home brief = batch.home("短时", north(lat, 6000), lon);
        List<Home> twice = batch.homes("重叠", north(lat, 9000), lon, 2);
        Home open = batch.home("未签退", north(lat, 12000), lon);
        batch.assign();
        // the subsidy wallets set the split at booking (SubsidyIT); set here on the row, this test is about settling it
        db.sql("update service_orders set subsidy_cents = 5000, senior_pays_cents = 3000 where id = ?")
                .param(door.orderId())
                .update();

        checkIn(door);
        setOff(far);
        HttpApi.Response refused =
                worker(far).post(far.path() + "/arrive", Map.of("lat", north(far.lat(), 2000), "lon", far.lon()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString())
                .matches("you are 20\\d\\d m from the senior's home; check-in is accepted within 200 m\\..*")
                .contains("\"farReason\"")
                .contains("flagged FAR_CHECK_IN and not paid until the desk clears it");
        assertThat(status(far.orderId())).isEqualTo("EN_ROUTE");
        JsonNode farIn = worker(far)
                .post(
                        far.path() + "/arrive",
                        Map.of(
                                "lat",
                                north(far.lat(), 2000),
                                "lon",
                                far.lon(),
                                "farReason",
                                "met the senior at the clinic"))
                .expect(200)
                .json();
        assertThat(farIn.get("status").asString()).isEqualTo("ARRIVED");
        assertThat(farIn.get("farReason").asString()).isEqualTo("met the senior at the clinic");
        worker(far).post(far.path() + "/start").expect(200);
        checkIn(brief);
        checkIn(twice.get(0));
        checkIn(twice.get(1)); // the same worker, still on site at the first
        checkIn(open);
        Instant checkedIn = Instant.parse(order(door.orderId()).get("arrivedAt").asString());

        clock.advance(Duration.ofMinutes(20));
        checkOut(brief);
        clock.advance(Duration.ofMinutes(30));
        assertThat(checkOut(door).get("serviceMinutes").asInt()).isEqualTo(50);
        checkOut(far);
        checkOut(twice.get(0));
        checkOut(twice.get(1));

        YearMonth month = YearMonth.from(checkedIn.atZone(CITY));
        String url = "/api/settlements/" + month + "/providers/" + provider;
        JsonNode statement = admin().get(url).expect(200).json();

        assertThat(statement.get("status").asString()).isEqualTo("OPEN");
        assertThat(ids(statement.get("payable"))).containsExactly(door.orderId());
        assertThat(kinds(statement.get("heldBack")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        far.orderId(), List.of("FAR_CHECK_IN"),
                        brief.orderId(), List.of("TOO_SHORT"),
                        twice.get(0).orderId(), List.of("OVERLAP"),
                        twice.get(1).orderId(), List.of("OVERLAP"),
                        open.orderId(), List.of("MISSING_CHECK_OUT")));
        JsonNode paid = statement.get("payable").get(0);
        assertThat(paid.get("seniorName").asString()).isEqualTo("=王\"大\",伯");
        assertThat(paid.get("itemName").asString()).isEqualTo("助浴");
        assertThat(paid.get("workerName").asString()).isEqualTo(door.worker());
        assertThat(paid.get("minutes").asInt()).isEqualTo(50);
        assertThat(paid.get("priceYuan").decimalValue()).isEqualByComparingTo("80");
        assertThat(paid.get("subsidyYuan").decimalValue()).isEqualByComparingTo("50");
        assertThat(paid.get("seniorPaysYuan").decimalValue()).isEqualByComparingTo("30");
        assertThat(paid.get("price").get("yuan").asString()).isEqualTo("80.00");
        assertThat(paid.get("subsidy").get("fen").asLong()).isEqualTo(5000);
        assertThat(paid.get("seniorPays").get("fen").asLong()).isEqualTo(3000);
        assertThat(statement.get("payableVisits").asInt()).isEqualTo(1);
        assertThat(statement.get("heldBackVisits").asInt()).isEqualTo(5);
        assertThat(statement.get("priceYuan").decimalValue()).isEqualByComparingTo("80");
        assertThat(statement.get("subsidyYuan").decimalValue()).isEqualByComparingTo("50");
        assertThat(statement.get("seniorPaysYuan").decimalValue()).isEqualByComparingTo("30");
        assertThat(statement.get("price").get("fen").asLong()).isEqualTo(8000);
        assertThat(statement.get("subsidy").get("yuan").asString()).isEqualTo("50.00");
        assertThat(statement.get("seniorPays").get("yuan").asString()).isEqualTo("30.00");
        assertThat(reason(statement, far.orderId()))
                .matches("checked in 20\\d\\d m from the senior's home \\(accepted within 200 m\\):"
                        + " met the senior at the clinic");
        assertThat(reason(statement, brief.orderId()))
                .isEqualTo("20.0 min on site; a verified visit needs at least 48.0 min (80 % of the standard 60 min)");
        assertThat(reason(statement, twice.get(1).orderId()))
                .startsWith(
                        "the worker was still on site at order " + twice.get(0).orderId());

        JsonNode summary = admin().get("/api/settlements/" + month).expect(200).json();
        JsonNode row = summary.get("providers")
                .valueStream()
                .filter(p -> p.get("providerId").asLong() == provider)
                .findFirst()
                .orElseThrow();
        assertThat(row.get("payableVisits").asInt()).isEqualTo(1);
        assertThat(row.get("heldBackVisits").asInt()).isEqualTo(5);
        assertThat(row.get("subsidyYuan").decimalValue()).isEqualByComparingTo("50");
        assertThat(row.get("subsidy").get("yuan").asString()).isEqualTo("50.00");

        HttpApi.Response csv = admin().get(url + ".csv").expect(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] rows = csv.body().split("\r\n", -1);
        assertThat(rows[0]).startsWith("\uFEFF结算 settlement,订单号 order,老人 senior,服务项目 item,服务人员 worker,签到 check-in,");
        assertThat(rows[1])
                .startsWith("应付 payable," + door.orderId() + ",\"'=王\"\"大\"\",伯\",助浴,\"'"
                        + door.worker().replace("\"", "\"\"") + "\",")
                .endsWith(",50,80.00,50.00,30.00,,");
        assertThat(rows[2]).isEqualTo("合计 total,1 单 visits,,,,,,,80.00,50.00,30.00,,");
        assertThat(rows).filteredOn(r -> r.startsWith("暂缓 held back,")).hasSize(5);
        assertThat(rows)
                .anyMatch(r -> r.startsWith("暂缓 held back," + far.orderId() + ",")
                        && r.endsWith(",FAR_CHECK_IN: " + reason(statement, far.orderId())));
        assertThat(rows[rows.length - 1]).isEmpty();

        // the desk clears the far check-in: the visit is paid in this (open) month
        JsonNode farOrder = order(far.orderId());
        assertThat(farOrder.get("anomalies").get(0).get("flaggedBy").asString())
                .isEqualTo(farOrder.get("timeline").get(2).get("actor").asString());
        assertThat(worker(far)
                        .post("/api/orders/" + far.orderId() + "/anomalies/FAR_CHECK_IN/clear", Map.of("reason", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(admin().post("/api/orders/" + far.orderId() + "/anomalies/LATE/clear", Map.of("reason", "x"))
                        .status())
                .isEqualTo(400);
        assertThat(admin().post("/api/orders/" + far.orderId() + "/anomalies/FAR_CHECK_IN/clear", Map.of())
                        .status())
                .isEqualTo(400);
        assertThat(admin().post("/api/orders/" + door.orderId() + "/anomalies/TOO_SHORT/clear", Map.of("reason", "x"))
                        .status())
                .isEqualTo(404);
        JsonNode cleared = admin().post(
                        "/api/orders/" + far.orderId() + "/anomalies/far_check_in/clear",
                        Map.of("reason", "诊所确认老人当时在场"))
                .expect(200)
                .json();
        assertThat(cleared.get("anomalies").get(0).get("clearedBy").asString()).isEqualTo("admin");
        assertThat(admin().post(
                                "/api/orders/" + far.orderId() + "/anomalies/FAR_CHECK_IN/clear",
                                Map.of("reason", "again"))
                        .status())
                .isEqualTo(409);
        assertThat(actions(far.orderId())).contains("FLAGGED", "ANOMALY_CLEARED");
        assertThat(ids(admin().get(url).json().get("payable"))).containsExactly(door.orderId(), far.orderId());
    }

    @Test
    void onlyAdminsAndSupervisorsSeeSettlementsAndBadMonthsOrProvidersAreRefused() {
        long provider = provider("权限测试站" + unique(), List.of("助浴"));
        createUser("settle-sup-" + provider, "supervisor-pass", "SUPERVISOR");
        createUser("settle-op-" + provider, "operator-pass", "OPERATOR");
        HttpApi supervisor = as("settle-sup-" + provider, "supervisor-pass");
        HttpApi operator = as("settle-op-" + provider, "operator-pass");
        HttpApi family = family(createSenior("结算家属老人"));

        assertThat(supervisor
                        .get("/api/settlements/2026-12/providers/" + provider)
                        .status())
                .isEqualTo(200);
        for (String path : List.of(
                "/api/settlements/2026-12",
                "/api/settlements/2026-12/providers/" + provider,
                "/api/settlements/2026-12/providers/" + provider + ".csv")) {
            assertThat(operator.get(path).status()).as(path).isEqualTo(403);
            assertThat(family.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(operator.post("/api/settlements/2026-11/providers/" + provider + "/close")
                        .status())
                .isEqualTo(403);
        assertThat(problem(admin().get("/api/settlements/2026-13"), 400))
                .isEqualTo("there is no month 2026-13; months run from 01 to 12");
        assertThat(problem(admin().get("/api/settlements/2026-1/providers/" + provider), 400))
                .isEqualTo("a month is written YYYY-MM, e.g. 2026-12; not 2026-1");
        assertThat(problem(admin().get("/api/settlements/2026-12/providers/999999"), 404))
                .isEqualTo("no provider 999999");
        assertThat(problem(admin().get("/api/settlements/2026-12/providers/999999.csv"), 404))
                .isEqualTo("no provider 999999");
        assertThat(admin().get("/api/settlements/2026-12/providers/" + provider)
                        .json()
                        .get("payable")
                        .size())
                .isZero();
    }

    @Test
    void aClosedMonthIsFrozenAndAVisitClearedLaterIsPaidInTheMonthItWasCleared() {
        double lat = 45.8038;
        double lon = 126.5350; // Harbin
        Batch batch = new Batch("道里居家服务中心");
        long provider = batch.provider;
        Home good = batch.home("合格", lat, lon);
        Home brief = batch.home("过短", north(lat, 3000), lon);
        Home open = batch.home("忘签退", north(lat, 6000), lon);
        batch.assign();
        checkIn(good);
        checkIn(brief);
        checkIn(open);
        clock.advance(Duration.ofMinutes(10));
        checkOut(brief);
        clock.advance(Duration.ofMinutes(50));
        checkOut(good);
        YearMonth month = YearMonth.from(
                Instant.parse(order(good.orderId()).get("arrivedAt").asString()).atZone(CITY));
        String close = "/api/settlements/" + month + "/providers/" + provider + "/close";
        assertThat(problem(admin().post(close), 409)).contains("once the month has ended");

        clock.set(month.plusMonths(1).atDay(1).atTime(1, 0).atZone(CITY).toInstant());
        createUser("settle-closer-" + provider, "supervisor-pass", "SUPERVISOR");
        JsonNode closed = as("settle-closer-" + provider, "supervisor-pass")
                .post(close)
                .expect(200)
                .json();

        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("closedBy").asString()).isEqualTo("settle-closer-" + provider);
        assertThat(ids(closed.get("payable"))).containsExactly(good.orderId());
        assertThat(kinds(closed.get("heldBack")))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(brief.orderId(), List.of("TOO_SHORT"), open.orderId(), List.of("MISSING_CHECK_OUT")));
        assertThat(problem(admin().post(close), 409)).contains("already closed");
        // the close is in the audit log, once, by whoever closed it
        JsonNode audited = admin().get(
                        "/api/audit?action=SETTLEMENT_CLOSED&objectId=" + month + "/provider/" + provider)
                .expect(200)
                .json();
        assertThat(audited.valueStream().map(e -> e.get("actor").asString()))
                .containsExactly("settle-closer-" + provider);

        // a late check-out does not lift the missing check-out stored at closing
        checkOut(open);
        assertThat(order(open.orderId()).get("anomalies").valueStream().map(a -> a.get("kind")
                        .asString()))
                .containsExactly("MISSING_CHECK_OUT");
        admin().post("/api/orders/" + brief.orderId() + "/anomalies/TOO_SHORT/clear", Map.of("reason", "家属确认服务完整"))
                .expect(200);

        String url = "/api/settlements/" + month + "/providers/" + provider;
        JsonNode frozen = admin().get(url).expect(200).json();
        assertThat(ids(frozen.get("payable"))).containsExactly(good.orderId());
        assertThat(ids(frozen.get("heldBack"))).containsExactlyInAnyOrder(brief.orderId(), open.orderId());
        assertThat(admin().get(url + ".csv").body()).contains("暂缓 held back," + brief.orderId() + ",");
        String next = "/api/settlements/" + month.plusMonths(1) + "/providers/" + provider;
        JsonNode following = admin().get(next).expect(200).json();
        assertThat(following.get("status").asString()).isEqualTo("OPEN");
        assertThat(ids(following.get("payable"))).containsExactly(brief.orderId());
        assertThat(following.get("payable").get(0).get("carriedFrom").asString())
                .isEqualTo(month.toString());
        assertThat(following.get("heldBack").size()).isZero();

        admin().post(
                        "/api/orders/" + open.orderId() + "/anomalies/MISSING_CHECK_OUT/clear",
                        Map.of("reason", "回访确认已服务"))
                .expect(200);
        assertThat(ids(admin().get(next).json().get("payable")))
                .containsExactlyInAnyOrder(brief.orderId(), open.orderId());
        assertThat(ids(admin().get(url).json().get("payable"))).containsExactly(good.orderId());
    }

    // --- helpers

    /** A provider of bathing and its visits, booked for one batch and assigned together. */
    final class Batch {
        final long provider;
        private final Instant start = freshBatchStart();
        private final List<Home> homes = new ArrayList<>();

        Batch(String name) {
            provider = provider(name + unique(), List.of("助浴"));
        }

        Home home(String place, double lat, double lon) {
            return homes(place, lat, lon, 1).get(0);
        }

        /** {@code count} seniors at the place (10 m apart), one worker 100 m away who can take them all. */
        List<Home> homes(String place, double lat, double lon, int count) {
            int n = unique();
            String worker = place + "护工" + n;
            responder(worker, provider, List.of("BATHING"), count, north(lat, 100), lon);
            List<Home> added = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                double homeLat = north(lat, 10 * i);
                long senior = senior(
                        i == 0 ? place : place + i, homeLat, lon, String.format(Locale.ROOT, "+86137%05d%03d", n, i));
                long order = book(
                        admin(),
                        senior,
                        itemId("助浴"),
                        start.plus(Duration.ofMinutes(10)),
                        start.plus(Duration.ofMinutes(100)));
                added.add(new Home(order, worker, homeLat, lon));
            }
            homes.addAll(added);
            return added;
        }

        /** One batch assigns each place's orders to the worker there, the only one near. */
        void assign() {
            JsonNode plan = SettlementIT.this.assign(start, start.plus(Duration.ofHours(1)), null);
            assertThat(plan.get("assigned").valueStream().map(p -> p.get("orderId")
                            .asLong()))
                    .as(plan.toString())
                    .containsExactlyInAnyOrderElementsOf(
                            homes.stream().map(Home::orderId).toList());
            for (Home h : homes) {
                assertThat(order(h.orderId()).get("responderName").asString()).isEqualTo(h.worker());
            }
        }
    }

    private HttpApi worker(Home h) {
        return responderApi(h.worker());
    }

    private void setOff(Home h) {
        worker(h).post(h.path() + "/accept").expect(200);
        worker(h).post(h.path() + "/en-route").expect(200);
    }

    /** Accept, set off, check in at the door and start. */
    private void checkIn(Home h) {
        startService(worker(h), h.orderId(), h.lat(), h.lon(), 15);
    }

    private JsonNode checkOut(Home h) {
        return worker(h)
                .post(h.path() + "/check-out", Map.of("lat", north(h.lat(), 15), "lon", h.lon()))
                .expect(200)
                .json();
    }

    private static List<Long> ids(JsonNode lines) {
        return lines.valueStream().map(l -> l.get("orderId").asLong()).toList();
    }

    private static Map<Long, List<String>> kinds(JsonNode lines) {
        Map<Long, List<String>> kinds = new LinkedHashMap<>();
        lines.valueStream()
                .forEach(l -> kinds.put(
                        l.get("orderId").asLong(),
                        l.get("anomalies")
                                .valueStream()
                                .map(a -> a.get("kind").asString())
                                .toList()));
        return kinds;
    }

    private static String reason(JsonNode statement, long orderId) {
        return statement
                .get("heldBack")
                .valueStream()
                .filter(l -> l.get("orderId").asLong() == orderId)
                .findFirst()
                .orElseThrow()
                .get("anomalies")
                .get(0)
                .get("reason")
                .asString();
    }
}
