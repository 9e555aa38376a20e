package org.anxin.platform.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anxin.platform.HttpApi;
import org.anxin.platform.OrderFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Three providers' visits made through the API (check-ins on time and late, a far check-in, a
 * visit too short, one never checked out), ratings, complaints and follow-up answers; then moved
 * as a whole into the previous calendar quarter (every timestamp of the test's orders and work
 * orders shifted by the same amount: the shared context's clock only goes forward). Each figure
 * and grade is compared with what the test works out itself from what it did; the weights change
 * a grade, bad weights are refused, other roles and another street's officer get 403, and the
 * provider graded D comes after the others in the home-service ranking and the batch, not in
 * the emergency ranking.
 */
class ProviderGradingIT extends OrderFixtures {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final Map<String, Object> DEFAULTS = weights(25, 25, 10, 20, 10, 10, 90, 75, 60);

    @Autowired
    JdbcClient db;

    /** What the test did on one visit. */
    private record Done(long order, long provider, boolean onTime, boolean completed, int flags, Integer stars) {}

    private final List<Done> done = new ArrayList<>();
    private final List<Long> tickets = new ArrayList<>();
    private final Map<Long, List<Integer>> followUps = new HashMap<>();
    private final Map<Long, Integer> complaints = new HashMap<>();

    private static Map<String, Object> weights(double... v) {
        Map<String, Object> w = new LinkedHashMap<>();
        String[] names = {
            "onTime", "verified", "anomalyFree", "rating", "complaints", "followUp", "gradeA", "gradeB", "gradeC"
        };
        for (int i = 0; i < names.length; i++) {
            w.put(names[i], v[i]);
        }
        return w;
    }

    private void area(String code, String name, String level, String parent) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name, "level", level));
        if (parent != null) {
            body.put("parent", parent);
        }
        admin().post("/api/areas", body).expect(201);
    }

    private HttpApi officerOf(String role, String area) {
        String username = role.toLowerCase(java.util.Locale.ROOT) + "-grade-" + unique();
        String password = "grade-pass-" + username;
        admin().post("/api/users", Map.of("username", username, "password", password, "role", role, "area", area))
                .expect(201);
        return as(username, password);
    }

    private long seniorIn(String community, double lat, double lon) {
        int n = unique();
        return createSenior(Map.of(
                "name",
                "评级老人" + n,
                "phone",
                "13800000000",
                "address",
                community + n + "号",
                "lat",
                lat,
                "lon",
                lon,
                "community",
                community));
    }

    private void complaint(long provider, long senior) {
        long id = admin().post(
                        "/api/tickets",
                        Map.of(
                                "kind", "CONSULTATION",
                                "category", "COMPLAINT",
                                "summary", "服务人员迟到",
                                "seniorId", senior,
                                "providerId", provider))
                .expect(201)
                .json()
                .get("ticket")
                .get("id")
                .asLong();
        tickets.add(id);
        complaints.merge(provider, 1, Integer::sum);
    }

    /** A follow-up call on the order: queued as the sampler would (its share is 0 here), answered through the API. */
    private void followUp(long provider, long order, int satisfied) {
        long id = db.sql(
                        "insert into follow_ups (order_id, status, queued_at) values (?, 'PENDING', now()) returning id")
                .param(order)
                .query(Long.class)
                .single();
        admin().post("/api/follow-ups/" + id + "/result", Map.of("reached", true, "satisfied", satisfied, "note", "ok"))
                .expect(200);
        followUps.computeIfAbsent(provider, k -> new ArrayList<>()).add(satisfied);
    }

    @Test
    void gradesEachProvidersQuarterFromItsVisitsRatingsComplaintsAndFollowUps() {
        int n = unique();
        String street = "GS1-" + n;
        String other = "GS2-" + n;
        String east = "评级东社区" + n;
        String west = "评级西社区" + n;
        area("GD" + n, "评级区" + n, "DISTRICT", null);
        area(street, "评级东街道" + n, "STREET", "GD" + n);
        area(other, "评级西街道" + n, "STREET", "GD" + n);
        area("GC1-" + n, east, "COMMUNITY", street);
        area("GC2-" + n, west, "COMMUNITY", other);

        double lat = 43.80 + (n % 40) * 0.02; // Changchun, places of this test's own, 11 km apart
        double lon = 125.30;
        long good = provider("优质服务" + n, List.of("助餐"));
        long poor = provider("待改进服务" + n, List.of("助餐"));
        long fair = provider("一般服务" + n, List.of("助餐"));
        String goodWorker = "优" + n;
        String poorWorker = "差" + n;
        String fairWorker = "中" + n;
        long goodResponder = responder(goodWorker, good, List.of("MEAL", "FIRST_AID"), 5, north(lat, 100), lon);
        responder(poorWorker, poor, List.of("MEAL", "FIRST_AID"), 5, north(lat + 0.1, 100), lon);
        responder(fairWorker, fair, List.of("MEAL", "FIRST_AID"), 5, north(lat + 0.2, 100), lon);
        long s1 = seniorIn(east, lat, lon);
        long s2 = seniorIn(east, lat + 0.1, lon);
        long s3 = seniorIn(west, lat + 0.2, lon);
        HttpApi family1 = family(s1);
        HttpApi family2 = family(s2);
        HttpApi family3 = family(s3);

        Instant from = freshBatchStart();
        Instant windowFrom = from.plus(Duration.ofMinutes(10));
        Instant windowTo = from.plus(Duration.ofHours(2));
        long meal = itemId("助餐");
        long g1 = book(family1, s1, meal, windowFrom, windowTo);
        long g2 = book(family1, s1, meal, windowFrom, windowTo);
        long g3 = book(family1, s1, meal, windowFrom, windowTo);
        long p1 = book(family2, s2, meal, windowFrom, windowTo);
        long p2 = book(family2, s2, meal, windowFrom, windowTo);
        long p3 = book(family2, s2, meal, windowFrom, windowTo);
        long f1 = book(family3, s3, meal, windowFrom, windowTo);
        long f2 = book(family3, s3, meal, windowFrom, windowTo);
        assertThat(assign(from, from.plus(Duration.ofHours(1)), null)
                        .get("assigned")
                        .size())
                .isEqualTo(8);
        HttpApi gw = responderApi(goodWorker);
        HttpApi pw = responderApi(poorWorker);
        HttpApi fw = responderApi(fairWorker);
        for (long o : List.of(g1, g2, g3)) {
            gw.post("/api/responder/orders/" + o + "/accept").expect(200);
        }
        for (long o : List.of(p1, p2, p3)) {
            pw.post("/api/responder/orders/" + o + "/accept").expect(200);
        }
        for (long o : List.of(f1, f2)) {
            fw.post("/api/responder/orders/" + o + "/accept").expect(200);
        }

        // inside the window: the good provider's three visits, the poor one's far check-in, the fair one's first
        clock.set(from.plus(Duration.ofMinutes(15)));
        arrive(gw, g1, lat, lon, null);
        arrive(pw, p2, lat + 0.1, lon, "老人在社区食堂");
        arrive(fw, f1, lat + 0.2, lon, null);
        clock.advance(Duration.ofMinutes(25));
        checkOut(gw, g1, lat, lon);
        checkOut(pw, p2, lat + 0.1, lon);
        checkOut(fw, f1, lat + 0.2, lon);
        arrive(gw, g2, lat, lon, null);
        clock.advance(Duration.ofMinutes(25));
        checkOut(gw, g2, lat, lon);
        arrive(gw, g3, lat, lon, null);
        clock.advance(Duration.ofMinutes(25));
        checkOut(gw, g3, lat, lon);
        // after the window: the poor provider's visit too short, then one never checked out; the fair one's late visit
        clock.set(windowTo.plus(Duration.ofMinutes(5)));
        arrive(pw, p1, lat + 0.1, lon, null);
        arrive(fw, f2, lat + 0.2, lon, null);
        clock.advance(Duration.ofMinutes(10));
        checkOut(pw, p1, lat + 0.1, lon);
        arrive(pw, p3, lat + 0.1, lon, null);
        clock.advance(Duration.ofMinutes(15));
        checkOut(fw, f2, lat + 0.2, lon);

        rate(family1, g1, 5);
        rate(family1, g2, 5);
        rate(family1, g3, 4);
        rate(family2, p1, 1);
        rate(family2, p2, 2);
        rate(family3, f1, 3);
        done.add(new Done(g1, good, true, true, 0, 5));
        done.add(new Done(g2, good, true, true, 0, 5));
        done.add(new Done(g3, good, true, true, 0, 4));
        done.add(new Done(p1, poor, false, true, 1, 1)); // TOO_SHORT
        done.add(new Done(p2, poor, true, true, 1, 2)); // FAR_CHECK_IN
        done.add(new Done(p3, poor, false, false, 1, null)); // no check-out
        done.add(new Done(f1, fair, true, true, 0, 3));
        done.add(new Done(f2, fair, false, true, 0, null));
        for (Done d : done) {
            if (d.completed()) {
                assertThat(order(d.order()).get("anomalies").size())
                        .as("order " + d.order())
                        .isEqualTo(d.flags());
            }
        }
        complaint(poor, s2);
        complaint(poor, s2);
        complaint(fair, s3);
        followUp(good, g1, 5);
        followUp(poor, p2, 1);

        Quarter current = Quarter.of(clock.instant(), CITY);
        Quarter previous = current.previous();
        Duration back = Duration.between(previous.start(CITY).plus(Duration.ofDays(20)), clock.instant());
        moveBack(back);

        HttpApi bureau = bureau();
        JsonNode quarter = bureau.get("/api/provider-grades?quarter=" + previous)
                .expect(200)
                .json();
        assertThat(quarter.get("quarter").asString()).isEqualTo(previous.toString());
        assertThat(quarter.get("provisional").asBoolean()).isFalse();
        Map<Long, JsonNode> byProvider = byProvider(quarter.get("grades"));
        for (long p : List.of(good, poor, fair)) {
            assertFigures(byProvider.get(p), p, DEFAULTS);
        }
        assertThat(byProvider.get(good).get("grade").asString()).isEqualTo("A");
        assertThat(byProvider.get(poor).get("grade").asString()).isEqualTo("D");
        assertThat(byProvider.get(poor).get("flagged").asBoolean()).isTrue();
        assertThat(byProvider.get(fair).get("grade").asString()).isEqualTo("C");
        // the default quarter is the latest completed one
        assertThat(bureau.get("/api/provider-grades")
                        .expect(200)
                        .json()
                        .get("quarter")
                        .asString())
                .isEqualTo(previous.toString());

        // the trend: eight quarters, oldest first, the last provisional and empty for these providers
        JsonNode trend =
                bureau.get("/api/providers/" + poor + "/grades").expect(200).json();
        assertThat(trend.get("quarters").size()).isEqualTo(8);
        JsonNode last = trend.get("quarters").get(7);
        assertThat(last.get("quarter").asString()).isEqualTo(current.toString());
        assertThat(last.get("provisional").asBoolean()).isTrue();
        assertThat(last.get("visits").asLong()).isZero();
        assertThat(last.get("grade").isNull()).isTrue();
        assertThat(trend.get("quarters").get(6).get("grade").asString()).isEqualTo("D");
        assertThat(bureau.get("/api/providers/" + poor + "/grades?quarters=4")
                        .expect(200)
                        .json()
                        .get("quarters")
                        .size())
                .isEqualTo(4);
        assertThat(problem(bureau.get("/api/providers/" + poor + "/grades?quarters=9"), 400))
                .contains("4–8");
        assertThat(problem(bureau.get("/api/provider-grades?quarter=2026-10"), 400))
                .contains("2026Q4");

        // a street officer sees the providers that served their street, and gets 403 on another's
        HttpApi streetOfficer = officerOf("STREET", street);
        assertThat(byProvider(streetOfficer
                                .get("/api/provider-grades?quarter=" + previous)
                                .expect(200)
                                .json()
                                .get("grades"))
                        .keySet())
                .containsExactlyInAnyOrder(good, poor);
        streetOfficer.get("/api/providers/" + good + "/grades").expect(200);
        assertThat(problem(streetOfficer.get("/api/providers/" + fair + "/grades"), 403))
                .contains("served no senior");
        officerOf("STREET", other).get("/api/providers/" + fair + "/grades").expect(200);
        assertThat(family1.get("/api/provider-grades").status()).isEqualTo(403);
        assertThat(gw.get("/api/provider-grades").status()).isEqualTo(403);
        assertThat(gw.get("/api/providers/" + good + "/grades").status()).isEqualTo(403);
        assertThat(admin().get("/api/provider-grades").status()).isEqualTo(403);

        try {
            // weights: only the city-wide bureau, and only weights that hold together
            Map<String, Object> heavyOnVisits = weights(10, 40, 40, 0, 0, 10, 90, 75, 60);
            assertThat(streetOfficer
                            .put("/api/provider-grading/weights", heavyOnVisits)
                            .status())
                    .isEqualTo(403);
            assertThat(officerOf("BUREAU", "GD" + n)
                            .put("/api/provider-grading/weights", heavyOnVisits)
                            .status())
                    .isEqualTo(403);
            assertThat(family1.put("/api/provider-grading/weights", heavyOnVisits)
                            .status())
                    .isEqualTo(403);
            assertThat(problem(
                            bureau.put("/api/provider-grading/weights", weights(-1, 40, 40, 0, 0, 10, 90, 75, 60)),
                            400))
                    .contains("at least 0");
            assertThat(problem(bureau.put("/api/provider-grading/weights", weights(0, 0, 0, 0, 0, 0, 90, 75, 60)), 400))
                    .contains("above 0");
            assertThat(problem(
                            bureau.put("/api/provider-grading/weights", weights(10, 40, 40, 0, 0, 10, 70, 75, 60)),
                            400))
                    .contains("ordered");
            Map<String, Object> missing = new LinkedHashMap<>(heavyOnVisits);
            missing.remove("gradeC");
            assertThat(bureau.put("/api/provider-grading/weights", missing).status())
                    .isEqualTo(400);
            assertThat(bureau.get("/api/provider-grading/weights")
                            .expect(200)
                            .json()
                            .get("onTime")
                            .asDouble())
                    .isEqualTo(25.0);

            bureau.put("/api/provider-grading/weights", heavyOnVisits).expect(200);
            Map<Long, JsonNode> reweighed = byProvider(bureau.get("/api/provider-grades?quarter=" + previous)
                    .expect(200)
                    .json()
                    .get("grades"));
            for (long p : List.of(good, poor, fair)) {
                assertFigures(reweighed.get(p), p, heavyOnVisits);
            }
            assertThat(reweighed.get(fair).get("grade").asString()).isEqualTo("A");
        } finally {
            bureau.put("/api/provider-grading/weights", DEFAULTS).expect(200);
        }

        dispatchRanksTheDProviderLast(lat, lon, poor, goodResponder, n);
    }

    /**
     * Near the poor provider's seniors: a fresh worker of the poor provider 100 m away, the good
     * provider's worker moved 400 m away. The home-service ranking and the batch put the good one
     * first; the emergency ranking keeps the nearest first.
     */
    private void dispatchRanksTheDProviderLast(double lat, double lon, long poor, long goodId, int n) {
        double here = lat + 0.1;
        String poorFresh = "差二" + n;
        long poorId = responder(poorFresh, poor, List.of("MEAL", "FIRST_AID"), 5, north(here, 100), lon);
        String goodName = "优" + n;
        responderApi(goodName)
                .put("/api/responder/position", Map.of("lat", north(here, 400), "lon", lon))
                .expect(200);

        JsonNode service = admin().get(
                        "/api/dispatch/candidates?lat=" + here + "&lon=" + lon + "&kind=service&skill=MEAL")
                .expect(200)
                .json();
        List<Long> serviceOrder = ids(service);
        assertThat(serviceOrder).containsSubsequence(goodId, poorId);
        assertThat(service.valueStream()
                        .filter(c -> c.get("responderId").asLong() == poorId)
                        .findFirst()
                        .orElseThrow()
                        .get("demoted")
                        .asBoolean())
                .isTrue();
        JsonNode emergency = admin().get(
                        "/api/dispatch/candidates?lat=" + here + "&lon=" + lon + "&kind=emergency&skill=FIRST_AID")
                .expect(200)
                .json();
        assertThat(ids(emergency)).containsSubsequence(poorId, goodId);
        assertThat(emergency.valueStream().noneMatch(c -> c.get("demoted").asBoolean()))
                .isTrue();

        // a batch of one order there: the good provider's worker gets it, though farther
        long senior = seniorIn("评级东社区" + n, here, lon);
        Instant from = freshBatchStart();
        long order = book(
                family(senior),
                senior,
                itemId("助餐"),
                from.plus(Duration.ofMinutes(10)),
                from.plus(Duration.ofHours(2)));
        JsonNode plan = assign(from, from.plus(Duration.ofHours(1)), null);
        assertThat(plan.get("assigned").size()).isEqualTo(1);
        assertThat(order(order).get("responderId").asLong()).isEqualTo(goodId);
    }

    private static List<Long> ids(JsonNode candidates) {
        return candidates.valueStream().map(c -> c.get("responderId").asLong()).toList();
    }

    /** Every figure, the score and the grade of the provider, worked out from what the test did. */
    private void assertFigures(JsonNode g, long provider, Map<String, Object> w) {
        List<Done> visits = done.stream().filter(d -> d.provider() == provider).toList();
        long count = visits.size();
        long onTime = visits.stream().filter(Done::onTime).count();
        long verified =
                visits.stream().filter(d -> d.completed() && d.flags() == 0).count();
        long flagged = visits.stream().filter(d -> d.flags() > 0).count();
        List<Integer> stars =
                visits.stream().map(Done::stars).filter(s -> s != null).toList();
        double meanStars = stars.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
        int complained = complaints.getOrDefault(provider, 0);
        List<Integer> answers = followUps.getOrDefault(provider, List.of());
        double satisfaction =
                answers.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);

        assertThat(g.get("visits").asLong()).isEqualTo(count);
        assertThat(g.get("onTime").asLong()).isEqualTo(onTime);
        assertThat(g.get("verified").asLong()).isEqualTo(verified);
        assertThat(g.get("anomalies").asLong()).isEqualTo(flagged);
        assertThat(g.get("flaggedVisits").asLong()).isEqualTo(flagged);
        assertThat(g.get("ratings").asLong()).isEqualTo(stars.size());
        assertThat(g.get("meanRating").asDouble()).isCloseTo(meanStars, org.assertj.core.data.Offset.offset(0.005));
        assertThat(g.get("complaints").asLong()).isEqualTo(complained);
        assertThat(g.get("followUps").asLong()).isEqualTo(answers.size());
        if (answers.isEmpty()) {
            assertThat(g.get("meanSatisfaction").isNull()).isTrue();
        } else {
            assertThat(g.get("meanSatisfaction").asDouble()).isEqualTo(satisfaction);
        }

        double[] parts = {
            (double) onTime / count,
            (double) verified / count,
            (double) (count - flagged) / count,
            (meanStars - 1) / 4,
            Math.max(0, 1 - complained / (count * 0.1)),
            answers.isEmpty() ? Double.NaN : (satisfaction - 1) / 4
        };
        String[] names = {"onTime", "verified", "anomalyFree", "rating", "complaints", "followUp"};
        double sum = 0;
        double weights = 0;
        for (int i = 0; i < parts.length; i++) {
            if (!Double.isNaN(parts[i])) {
                double weight = ((Number) w.get(names[i])).doubleValue();
                sum += parts[i] * weight;
                weights += weight;
            }
        }
        double score = Math.round(1000 * sum / weights) / 10.0;
        String grade = score >= ((Number) w.get("gradeA")).doubleValue()
                ? "A"
                : score >= ((Number) w.get("gradeB")).doubleValue()
                        ? "B"
                        : score >= ((Number) w.get("gradeC")).doubleValue() ? "C" : "D";
        assertThat(g.get("score").asDouble()).as("score of " + provider).isEqualTo(score);
        assertThat(g.get("grade").asString()).as("grade of " + provider).isEqualTo(grade);
        assertThat(g.get("flagged").asBoolean()).isEqualTo("D".equals(grade));
    }

    private static Map<Long, JsonNode> byProvider(JsonNode grades) {
        Map<Long, JsonNode> map = new HashMap<>();
        grades.valueStream().forEach(g -> map.put(g.get("providerId").asLong(), g));
        return map;
    }

    private void arrive(HttpApi worker, long order, double lat, double lon, String farReason) {
        String path = "/api/responder/orders/" + order;
        worker.post(path + "/en-route").expect(200);
        Map<String, Object> at = new HashMap<>(Map.of("lat", north(lat, farReason == null ? 10 : 1500), "lon", lon));
        if (farReason != null) {
            at.put("farReason", farReason);
        }
        worker.post(path + "/arrive", at).expect(200);
        worker.post(path + "/start").expect(200);
    }

    private void checkOut(HttpApi worker, long order, double lat, double lon) {
        worker.post("/api/responder/orders/" + order + "/check-out", Map.of("lat", lat, "lon", lon))
                .expect(200);
    }

    private void rate(HttpApi family, long order, int stars) {
        family.post("/api/orders/" + order + "/rating", Map.of("stars", stars)).expect(200);
    }

    /** Moves every timestamp of the test's orders and complaints back by the same amount. */
    private void moveBack(Duration back) {
        String by = back.toSeconds() + " seconds";
        List<Long> orders = done.stream().map(Done::order).toList();
        db.sql("update service_orders set window_from = window_from - ?::interval, window_to = window_to - ?::interval,"
                        + " created_at = created_at - ?::interval, updated_at = updated_at - ?::interval,"
                        + " arrived_at = arrived_at - ?::interval, started_at = started_at - ?::interval,"
                        + " completed_at = completed_at - ?::interval, rated_at = rated_at - ?::interval"
                        + " where id = any(?)")
                .params(by, by, by, by, by, by, by, by, orders.toArray(Long[]::new))
                .update();
        db.sql("update tickets set created_at = created_at - ?::interval, updated_at = updated_at - ?::interval"
                        + " where id = any(?)")
                .params(by, by, tickets.toArray(Long[]::new))
                .update();
        LocalDate day = LocalDate.ofInstant(clock.instant().minus(back), CITY);
        assertThat(Quarter.of(day)).isEqualTo(Quarter.of(clock.instant(), CITY).previous());
    }
}
