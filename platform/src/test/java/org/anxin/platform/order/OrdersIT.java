package org.anxin.platform.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anxin.platform.HttpApi;
import org.anxin.platform.OrderFixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Home-service orders on the embedded stack over real HTTP: the catalogue, booking and its
 * rules, the visit's lifecycle with GPS check-in, cancellation, ratings and the auto-close.
 * Each test works at a place of its own.
 */
class OrdersIT extends OrderFixtures {

    @Autowired
    Ratings ratings;

    @Test
    void apiDocsDescribeOrderAnswersAsTypedSchemasWithMoney() {
        // springdoc builds the document on the first call, which can outlast one request's timeout on a busy machine
        JsonNode schemas = Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .ignoreExceptions()
                .until(() -> anonymous().get("/v3/api-docs").expect(200).json(), doc -> doc != null)
                .get("components")
                .get("schemas");
        JsonNode order = schemas.get("OrderView").get("properties");
        assertThat(order.get("price").get("$ref").asString()).endsWith("/Money");
        assertThat(order.get("seniorPays").get("$ref").asString()).endsWith("/Money");
        assertThat(order.has("priceYuan")).isTrue();
        assertThat(schemas.get("Money").get("properties").has("fen")).isTrue();
        // the booking answer is the order's fields plus the wallet's sentence, not a nested object
        JsonNode booked = schemas.get("OrderBooked").get("properties");
        assertThat(booked.has("subsidy")).isTrue();
        assertThat(booked.has("id") || schemas.get("OrderBooked").has("allOf")).isTrue();
        assertThat(schemas.get("OrderQuote").get("properties").has("subsidyPays"))
                .isTrue();
        assertThat(schemas.get("CatalogItem").get("properties").has("price")).isTrue();
        assertThat(schemas.get("FollowUpView").get("properties").has("order")).isTrue();
    }

    @Test
    void quoteAndBookingKeepThePriceSnapshotAndRefuseBadWindows() {
        long senior = createSenior("报价老人");
        long item = admin().post(
                        "/api/catalog/items",
                        Map.of(
                                "category",
                                "DAILY_LIVING",
                                "name",
                                "助洁-快洁" + unique(),
                                "priceYuan",
                                33.5,
                                "durationMinutes",
                                60,
                                "skill",
                                "CLEANING"))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        Instant from = clock.instant().plus(Duration.ofDays(1));
        Instant to = from.plus(Duration.ofHours(2));

        JsonNode quote = admin().post("/api/orders/quote", booking(senior, item, from, to))
                .expect(200)
                .json();
        assertThat(quote.get("priceYuan").decimalValue()).isEqualByComparingTo("33.50");
        assertThat(quote.get("subsidyYuan").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(quote.get("seniorPaysYuan").decimalValue()).isEqualByComparingTo("33.50");
        assertThat(quote.get("subsidy").asString()).isEqualTo("no subsidy: senior holds no approved category");
        assertThat(quote.get("price").get("fen").asLong()).isEqualTo(3350);
        assertThat(quote.get("subsidyPays").get("yuan").asString()).isEqualTo("0.00");
        assertThat(quote.get("seniorPays").get("yuan").asString()).isEqualTo("33.50");

        JsonNode booked = admin().post("/api/orders", booking(senior, item, from, to))
                .expect(201)
                .json();
        assertThat(booked.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(booked.get("price").get("yuan").asString()).isEqualTo("33.50");
        assertThat(booked.get("priceCents").asLong()).isEqualTo(3350);
        assertThat(booked.get("subsidy").asString()).isNotBlank();
        admin().put(
                        "/api/catalog/items/" + item,
                        Map.of(
                                "category", "DAILY_LIVING",
                                "name", "助洁-快洁",
                                "priceYuan", 40,
                                "durationMinutes", 60,
                                "skill", "CLEANING"))
                .expect(200);
        JsonNode later = order(booked.get("id").asLong());
        assertThat(later.get("priceYuan").decimalValue()).isEqualByComparingTo("33.50");
        assertThat(later.get("seniorPaysYuan").decimalValue()).isEqualByComparingTo("33.50");
        assertThat(later.get("seniorPays").get("fen").asLong()).isEqualTo(3350);
        assertThat(later.get("timeline").isArray()).isTrue();
        assertThat(admin().post("/api/orders/quote", booking(senior, item, from, to))
                        .json()
                        .get("priceYuan")
                        .decimalValue())
                .isEqualByComparingTo("40");

        Instant now = clock.instant();
        assertThat(problem(admin().post("/api/orders", booking(senior, item, to, from)), 400))
                .contains("window.from must be before window.to");
        assertThat(problem(
                        admin().post("/api/orders", booking(senior, item, from, from.plus(Duration.ofMinutes(241)))),
                        400))
                .contains("at most 4 h");
        assertThat(problem(
                        admin().post(
                                        "/api/orders",
                                        booking(
                                                senior,
                                                item,
                                                now.minus(Duration.ofHours(1)),
                                                now.plus(Duration.ofHours(1)))),
                        400))
                .contains("in the past");
        Instant far = now.plus(Duration.ofDays(31));
        assertThat(problem(admin().post("/api/orders", booking(senior, item, far, far.plus(Duration.ofHours(1)))), 400))
                .contains("30 days");
        assertThat(problem(admin().post("/api/orders/quote", booking(senior, item, to, from)), 400))
                .contains("window.from");
        assertThat(problem(admin().post("/api/orders", Map.of("seniorId", senior, "itemId", item)), 400))
                .contains("window");
        assertThat(problem(admin().post("/api/orders", booking(senior, 999_999, from, to)), 400))
                .contains("not in the catalogue");
        long homeless = admin().post("/api/seniors", Map.of("name", "无住址老人"))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        assertThat(problem(admin().post("/api/orders", booking(homeless, item, from, to)), 400))
                .contains("no home position");
    }

    @Test
    void aFamilyBooksSeesAndRatesOnlyForTheirOwnSenior() {
        long mine = createSenior("自家老人");
        long theirs = createSenior("别家老人");
        HttpApi family = family(mine);
        long item = itemId("助餐");
        Instant from = clock.instant().plus(Duration.ofDays(1));
        Instant to = from.plus(Duration.ofHours(1));

        long own = book(family, mine, item, from, to);
        assertThat(family.post("/api/orders", booking(theirs, item, from, to)).status())
                .isEqualTo(403);
        assertThat(family.post("/api/orders/quote", booking(theirs, item, from, to))
                        .status())
                .isEqualTo(403);
        long other = book(admin(), theirs, item, from, to);

        assertThat(family.get("/api/orders").json().valueStream().map(o -> o.get("id")
                        .asLong()))
                .contains(own)
                .doesNotContain(other);
        assertThat(family.get("/api/orders/" + other).status()).isEqualTo(403);
        assertThat(family.get("/api/orders?seniorId=" + theirs).status()).isEqualTo(403);
        assertThat(family.post("/api/orders/" + other + "/rating", Map.of("stars", 5))
                        .status())
                .isEqualTo(403);
        assertThat(family.post("/api/orders/" + other + "/cancel").status()).isEqualTo(403);
        assertThat(family.get("/api/orders/" + own).json().get("bookedBy").asString())
                .startsWith("ord-family-");
        assertThat(admin().get("/api/orders?seniorId=" + theirs + "&status=REQUESTED")
                        .json()
                        .valueStream()
                        .map(o -> o.get("id").asLong()))
                .containsExactly(other);
        assertThat(admin().get("/api/orders?status=TELEPORTED").status()).isEqualTo(400);
        // a responder sees orders only through /api/responder/orders, and may not book
        createUser("ord-rsp-nobody", "responder-pass-nobody", "RESPONDER");
        HttpApi responder = as("ord-rsp-nobody", "responder-pass-nobody");
        assertThat(responder.post("/api/orders", booking(mine, item, from, to)).status())
                .isEqualTo(403);
        assertThat(responder.get("/api/orders/" + own).status()).isEqualTo(403);
        assertThat(family.post("/api/orders/assign", Map.of("from", from.toString(), "to", to.toString()))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void checkInIsRefusedTwoKilometresAwayAndAcceptedAtTheDoor() {
        double lat = 32.0603;
        double lon = 118.7969; // Nanjing
        Visit v = assignedVisit("鼓楼", lat, lon);
        HttpApi worker = responderApi(v.responder());
        worker.post("/api/responder/orders/" + v.orderId() + "/accept").expect(200);
        worker.post("/api/responder/orders/" + v.orderId() + "/en-route").expect(200);

        HttpApi.Response far = worker.post(
                "/api/responder/orders/" + v.orderId() + "/arrive", Map.of("lat", north(lat, 2000), "lon", lon));

        assertThat(far.status()).isEqualTo(409);
        assertThat(far.json().get("detail").asString())
                .matches(
                        "you are 20\\d\\d m from the senior's home; check-in is accepted within 200 m\\. If you are with"
                                + " the senior elsewhere, check in with a reason, .*");
        assertThat(status(v.orderId())).isEqualTo("EN_ROUTE");
        assertThat(order(v.orderId()).get("arrivedAt").isNull()).isTrue();

        JsonNode arrived = worker.post(
                        "/api/responder/orders/" + v.orderId() + "/arrive", Map.of("lat", north(lat, 30), "lon", lon))
                .expect(200)
                .json();
        assertThat(arrived.get("status").asString()).isEqualTo("ARRIVED");
        assertThat(arrived.get("arrivedMeters").asInt()).isEqualTo(30);
    }

    @Test
    void aVisitRunsItsWholeLifecycleToRatedAndTheRatingReachesTheResponder() {
        double lat = 30.2741;
        double lon = 120.1551; // Hangzhou
        Visit v = assignedVisit("西湖", lat, lon);
        HttpApi worker = responderApi(v.responder());
        String path = "/api/responder/orders/" + v.orderId();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TWILIO.to(phone(v.responder())).stream()
                .anyMatch(r -> r.form().get("Body").contains("新的上门服务单 " + v.orderId())));
        JsonNode mine = worker.get("/api/responder/orders").expect(200).json();
        assertThat(mine.valueStream().map(o -> o.get("id").asLong())).containsExactly(v.orderId());
        assertThat(mine.get(0).get("lat").asDouble()).isEqualTo(lat);

        worker.post(path + "/accept").expect(200);
        worker.post(path + "/en-route").expect(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TWILIO.to(v.contact()).stream()
                .anyMatch(r -> r.form().get("Body").contains("已出发")));
        worker.post(path + "/arrive", Map.of("lat", north(lat, 15), "lon", lon)).expect(200);
        worker.post(path + "/start").expect(200);
        clock.advance(Duration.ofMinutes(100)); // cleaning is 120 min; 100 is over the 80 % a verified visit needs
        JsonNode done = worker.post(path + "/check-out", Map.of("lat", north(lat, 20), "lon", lon))
                .expect(200)
                .json();
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("serviceMinutes").asInt()).isEqualTo(100);
        assertThat(done.get("checkoutMeters").asInt()).isEqualTo(20);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TWILIO.to(v.contact()).stream()
                .anyMatch(r -> r.form().get("Body").contains("服务时长 100 分钟")));
        assertThat(admin().get("/api/responders/" + v.responderId())
                        .json()
                        .get("rating")
                        .asDouble())
                .isEqualTo(4.5);

        JsonNode rated = v.family()
                .post("/api/orders/" + v.orderId() + "/rating", Map.of("stars", 4, "comment", "很细心"))
                .expect(200)
                .json();

        assertThat(rated.get("status").asString()).isEqualTo("RATED");
        assertThat(rated.get("stars").asInt()).isEqualTo(4);
        assertThat(admin().get("/api/responders/" + v.responderId())
                        .json()
                        .get("rating")
                        .asDouble())
                .isEqualTo(4.0);
        JsonNode detail = order(v.orderId());
        List<JsonNode> timeline = detail.get("timeline").valueStream().toList();
        assertThat(timeline.stream().map(s -> s.get("action").asString()))
                .containsExactly(
                        "REQUESTED", "ASSIGNED", "ACCEPTED", "EN_ROUTE", "ARRIVED", "IN_SERVICE", "COMPLETED", "RATED");
        String familyUser = detail.get("bookedBy").asString();
        String workerUser = timeline.get(2).get("actor").asString();
        assertThat(workerUser).startsWith("ord-rsp-");
        assertThat(timeline.stream().map(s -> s.get("actor").asString()))
                .containsExactly(
                        familyUser, "admin", workerUser, workerUser, workerUser, workerUser, workerUser, familyUser);
        assertThat(detail.get("notifications").valueStream().map(n -> n.get("purpose")
                        .asString()))
                .containsExactly("ORDER_ASSIGNED", "FAMILY_WORKER_ON_WAY", "FAMILY_VISIT_DONE");
        assertThat(v.family()
                        .post("/api/orders/" + v.orderId() + "/rating", Map.of("stars", 5))
                        .status())
                .isEqualTo(409);
        assertThat(worker.get("/api/responder/orders").json().size()).isZero();
    }

    @Test
    void illegalStepsAnswer409AndOtherRespondersOrders403() {
        double lat = 39.9042;
        double lon = 116.4074; // Beijing
        Visit v = assignedVisit("东城", lat, lon);
        Visit other = assignedVisit("西城", 39.9123, 116.3660);
        HttpApi worker = responderApi(v.responder());
        String path = "/api/responder/orders/" + v.orderId();

        assertThat(problem(worker.post(path + "/en-route"), 409))
                .isEqualTo("order " + v.orderId() + " is ASSIGNED; en-route is allowed only when it is ACCEPTED");
        assertThat(problem(worker.post(path + "/start"), 409)).contains("is ASSIGNED");
        assertThat(problem(admin().post("/api/orders/" + v.orderId() + "/rating", Map.of("stars", 3)), 409))
                .contains("rating is allowed only when it is COMPLETED");
        assertThat(worker.post("/api/responder/orders/" + other.orderId() + "/accept")
                        .status())
                .isEqualTo(403);
        assertThat(status(other.orderId())).isEqualTo("ASSIGNED");
        assertThat(admin().post("/api/orders/" + v.orderId() + "/rating", Map.of("stars", 6))
                        .status())
                .isEqualTo(400);

        worker.post(path + "/accept").expect(200);
        assertThat(problem(worker.post(path + "/accept"), 409)).contains("is ACCEPTED");
        worker.post(path + "/en-route").expect(200);
        worker.post(path + "/arrive", Map.of("lat", lat, "lon", lon)).expect(200);
        assertThat(problem(admin().post("/api/orders/" + v.orderId() + "/cancel"), 409))
                .contains("is ARRIVED; cancel is allowed only");
        assertThat(problem(
                        admin().put(
                                        "/api/orders/" + v.orderId() + "/window",
                                        Map.of(
                                                "from",
                                                        clock.instant()
                                                                .plus(Duration.ofDays(1))
                                                                .toString(),
                                                "to",
                                                        clock.instant()
                                                                .plus(Duration.ofDays(1))
                                                                .plus(Duration.ofHours(1))
                                                                .toString())),
                        409))
                .contains("rescheduling is allowed only");
        assertThat(problem(admin().post("/api/orders/" + v.orderId() + "/reassign"), 409))
                .contains("reassign is allowed only");
        admin().post("/api/orders/" + v.orderId() + "/no-show", Map.of("note", "老人不在家"))
                .expect(200);
        assertThat(status(v.orderId())).isEqualTo("NO_SHOW");
        assertThat(problem(worker.post(path + "/start"), 409)).contains("is NO_SHOW");
    }

    @Test
    void aFamilyCancelsOnlyUntilTwoHoursBeforeAndTheDeskAnyTimeBeforeArrival() {
        long senior = createSenior("取消老人");
        HttpApi family = family(senior);
        long item = itemId("助购");
        Instant now = clock.instant();
        long soon = book(family, senior, item, now.plus(Duration.ofMinutes(90)), now.plus(Duration.ofMinutes(150)));
        long later = book(family, senior, item, now.plus(Duration.ofHours(5)), now.plus(Duration.ofHours(6)));

        assertThat(problem(family.post("/api/orders/" + soon + "/cancel"), 409))
                .contains("until 2 h before the window starts");
        assertThat(status(soon)).isEqualTo("REQUESTED");
        family.post("/api/orders/" + later + "/cancel", Map.of("note", "改天再约")).expect(200);
        assertThat(status(later)).isEqualTo("CANCELLED");
        admin().post("/api/orders/" + soon + "/cancel").expect(200);
        assertThat(status(soon)).isEqualTo("CANCELLED");
        assertThat(problem(admin().post("/api/orders/" + soon + "/cancel"), 409))
                .contains("is CANCELLED");

        // an assigned order: rescheduling puts it back to REQUESTED and tells the responder
        Visit v = assignedVisit("上城", 30.2425, 120.1690);
        Instant from = clock.instant()
                .truncatedTo(ChronoUnit.SECONDS)
                .plus(Duration.ofDays(1))
                .plus(Duration.ofHours(3));
        JsonNode moved = v.family()
                .put(
                        "/api/orders/" + v.orderId() + "/window",
                        Map.of(
                                "from",
                                from.toString(),
                                "to",
                                from.plus(Duration.ofHours(1)).toString()))
                .expect(200)
                .json();
        assertThat(moved.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(moved.get("responderId").isNull()).isTrue();
        assertThat(Instant.parse(moved.get("window").get("from").asString())).isEqualTo(from);
        assertThat(actions(v.orderId())).containsExactly("REQUESTED", "ASSIGNED", "RESCHEDULED");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TWILIO.to(phone(v.responder())).stream()
                .anyMatch(r -> r.form().get("Body").contains("已改期")));
        assertThat(problem(
                        v.family()
                                .put(
                                        "/api/orders/" + v.orderId() + "/window",
                                        Map.of(
                                                "from",
                                                from.toString(),
                                                "to",
                                                from.plus(Duration.ofHours(5)).toString())),
                        400))
                .contains("at most 4 h");
    }

    @Test
    void theDeskReassignsAnOrderBackToTheNextBatch() {
        Visit v = assignedVisit("拱墅", 30.3190, 120.1420);
        admin().post("/api/orders/" + v.orderId() + "/reassign", Map.of("note", "护工请假"))
                .expect(200);

        JsonNode order = order(v.orderId());
        assertThat(order.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(order.get("responderId").isNull()).isTrue();
        JsonNode last = order.get("timeline").get(2);
        assertThat(last.get("action").asString()).isEqualTo("REASSIGNED");
        assertThat(last.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(last.get("note").asString()).contains(v.responder()).contains("护工请假");
        assertThat(responderApi(v.responder())
                        .get("/api/responder/orders")
                        .json()
                        .size())
                .isZero();
        assertThat(problem(admin().post("/api/orders/" + v.orderId() + "/reassign"), 409))
                .contains("is REQUESTED");
    }

    @Test
    void anUnratedVisitIsClosedSeventyTwoHoursAfterItEnded() {
        double lat = 31.2304;
        double lon = 121.4737; // Shanghai
        Visit v = assignedVisit("黄浦", lat, lon);
        HttpApi worker = responderApi(v.responder());
        String path = "/api/responder/orders/" + v.orderId();
        worker.post(path + "/accept").expect(200);
        worker.post(path + "/en-route").expect(200);
        worker.post(path + "/arrive", Map.of("lat", lat, "lon", lon)).expect(200);
        worker.post(path + "/start").expect(200);
        Instant completed = Instant.parse(worker.post(path + "/check-out", Map.of("lat", lat, "lon", lon))
                .expect(200)
                .json()
                .get("completedAt")
                .asString());

        ratings.closeUnrated(completed.plus(Duration.ofHours(71)));
        assertThat(order(v.orderId()).get("closedAt").isNull()).isTrue();
        ratings.closeUnrated(completed.plus(Duration.ofHours(72)));

        JsonNode closed = order(v.orderId());
        assertThat(closed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(closed.get("closedAt").isNull()).isFalse();
        assertThat(actions(v.orderId())).last().isEqualTo("CLOSED_UNRATED");
        assertThat(problem(v.family().post("/api/orders/" + v.orderId() + "/rating", Map.of("stars", 5)), 409))
                .contains("closed unrated");
        ratings.closeUnrated(completed.plus(Duration.ofHours(80)));
        assertThat(actions(v.orderId()).stream().filter("CLOSED_UNRATED"::equals))
                .hasSize(1);
    }

    // --- helpers

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
