package org.anxin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * What the order tests build on: providers that offer items, responders on duty at a place,
 * seniors with a home and a first contact, family users, and a day of its own for each batch so
 * that no test's orders fall into another's batch (the context and its clock are shared).
 */
public abstract class OrderFixtures extends DeskContext {
    /**
     * Day 1 is for orders that are never assigned. Days 2–13 are cut into four-hour slots, one per
     * batch (a batch books windows of at most two hours from its start); days 16–29 are whole days,
     * one per day plan. All inside the booking horizon (30 days), however many tests share the
     * context.
     */
    private static final AtomicInteger NEXT_SLOT = new AtomicInteger();

    private static final int SLOTS = 12 * 6;
    private static final AtomicInteger NEXT_DAY = new AtomicInteger(16);
    private static final int LAST_DAY = 29;

    private static final AtomicInteger NEXT_ID = new AtomicInteger(1);
    private final Map<String, String> passwords = new HashMap<>();

    /** A point {@code meters} due north. */
    protected static double north(double lat, double meters) {
        return lat + meters / 111_194.93;
    }

    /** The start of four hours no other batch uses, on the minute. */
    protected Instant freshBatchStart() {
        int slot = NEXT_SLOT.getAndIncrement();
        if (slot >= SLOTS) {
            throw new IllegalStateException("the tests sharing this context used all " + SLOTS + " batch slots");
        }
        return clock.instant()
                .truncatedTo(ChronoUnit.MINUTES)
                .plus(Duration.ofDays(2))
                .plus(Duration.ofHours(4L * slot));
    }

    /** A whole day no batch and no other day plan uses, at the clock's time of day. */
    protected Instant freshDay() {
        int day = NEXT_DAY.getAndIncrement();
        if (day > LAST_DAY) {
            throw new IllegalStateException("the tests sharing this context used every day up to " + LAST_DAY);
        }
        return clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofDays(day));
    }

    protected static int unique() {
        return NEXT_ID.getAndIncrement();
    }

    protected long itemId(String name) {
        return admin().get("/api/catalog")
                .expect(200)
                .json()
                .valueStream()
                .flatMap(c -> c.get("items").valueStream())
                .filter(i -> i.get("name").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item " + name))
                .get("id")
                .asLong();
    }

    protected long provider(String name, List<String> items) {
        return provider(Map.of("name", name, "kind", "HOME_CARE"), items);
    }

    protected long providerServing(String name, List<String> items, double lat, double lon, int radiusMeters) {
        return provider(
                Map.of(
                        "name",
                        name,
                        "kind",
                        "HOME_CARE",
                        "serviceArea",
                        Map.of("lat", lat, "lon", lon, "radiusMeters", radiusMeters)),
                items);
    }

    /** A provider made of these fields, offering these catalogue items (by code). */
    private long provider(Map<String, ?> fields, List<String> items) {
        long id = admin().post("/api/providers", fields)
                .expect(201)
                .json()
                .get("id")
                .asLong();
        offers(id, items);
        return id;
    }

    protected void offers(long providerId, List<String> items) {
        admin().put(
                        "/api/providers/" + providerId + "/items",
                        Map.of("itemIds", items.stream().map(this::itemId).toList()))
                .expect(200);
    }

    /** A responder on duty (AVAILABLE) at the place, with a login; its phone is returned by {@link #phone}. */
    protected long responder(String name, long provider, List<String> skills, int capacity, double lat, double lon) {
        String username = "ord-rsp-" + unique();
        String password = "responder-pass-" + username;
        createUser(username, password, "RESPONDER");
        passwords.put(name, username + " " + password);
        long id = admin().post(
                        "/api/responders",
                        Map.of(
                                "name", name,
                                "phone", phone(name),
                                "providerId", provider,
                                "skills", skills,
                                "mode", "WALK",
                                "capacity", capacity,
                                "username", username))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        responderApi(name)
                .put("/api/responder/position", Map.of("lat", lat, "lon", lon))
                .expect(200);
        responderApi(name)
                .put("/api/responder/status", Map.of("status", "AVAILABLE"))
                .expect(200);
        return id;
    }

    protected static String phone(String name) {
        return "+86137" + String.format(Locale.ROOT, "%08d", Math.abs(name.hashCode()) % 100_000_000);
    }

    protected HttpApi responderApi(String name) {
        String[] credentials = passwords.get(name).split(" ");
        return as(credentials[0], credentials[1]);
    }

    /** A senior at home at the place, whose first emergency contact has {@code contactPhone}. */
    protected long senior(String name, double lat, double lon, String contactPhone) {
        return createSenior(Map.of(
                "name",
                name,
                "phone",
                "13800000000",
                "address",
                name + "家",
                "lat",
                lat,
                "lon",
                lon,
                "contacts",
                List.of(Map.of("name", name + "的女儿", "relation", "女儿", "phone", contactPhone))));
    }

    /** A FAMILY login linked to the seniors. */
    protected HttpApi family(long... seniorIds) {
        String username = "ord-family-" + unique();
        String password = "family-pass-" + username;
        createUser(username, password, "FAMILY", seniorIds);
        return as(username, password);
    }

    protected static Map<String, Object> booking(long seniorId, long itemId, Instant from, Instant to) {
        return Map.of(
                "seniorId", seniorId, "itemId", itemId, "window", Map.of("from", from.toString(), "to", to.toString()));
    }

    protected long book(HttpApi who, long seniorId, long itemId, Instant from, Instant to) {
        return who.post("/api/orders", booking(seniorId, itemId, from, to))
                .expect(201)
                .json()
                .get("id")
                .asLong();
    }

    /** The problem's detail, after checking its status and that it is a problem (RFC 9457). */
    protected static String problem(HttpApi.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json().get("detail").asString();
    }

    protected JsonNode order(long id) {
        return admin().get("/api/orders/" + id).expect(200).json();
    }

    protected String status(long id) {
        return order(id).get("status").asString();
    }

    protected List<String> actions(long id) {
        return order(id)
                .get("timeline")
                .valueStream()
                .map(s -> s.get("action").asString())
                .toList();
    }

    protected JsonNode assign(Instant from, Instant to, String strategy) {
        return admin().post(
                        "/api/orders/assign" + (strategy == null ? "" : "?strategy=" + strategy),
                        Map.of("from", from.toString(), "to", to.toString()))
                .expect(200)
                .json();
    }

    /** An order of the family's, assigned by a batch of its own to a responder 100 m from the home. */
    protected record Visit(
            long orderId, long seniorId, long responderId, String responder, HttpApi family, String contact) {}

    protected Visit assignedVisit(String place, double lat, double lon) {
        int n = unique();
        String contact = "+8613900" + String.format(Locale.ROOT, "%06d", n);
        long provider = provider(place + "居家服务中心", List.of("助洁"));
        String worker = place + "护工" + n;
        long responder = responder(worker, provider, List.of("CLEANING"), 1, north(lat, 100), lon);
        long senior = senior(place + "老人" + n, lat, lon, contact);
        HttpApi family = family(senior);
        Instant from = freshBatchStart();
        long order =
                book(family, senior, itemId("助洁"), from.plus(Duration.ofMinutes(10)), from.plus(Duration.ofHours(2)));
        JsonNode plan = assign(from, from.plus(Duration.ofHours(1)), null);
        if (plan.get("assigned").size() != 1) {
            throw new AssertionError("the visit's batch did not assign it: " + plan);
        }
        return new Visit(order, senior, responder, worker, family, contact);
    }

    /**
     * Runs the visit from accept to check-out: check-in {@code metersAway} north of the home
     * ({@code lat}, {@code lon}), {@code onSite} on the clock, check-out at the door. Returns the
     * completed order.
     */
    protected JsonNode completeVisit(Visit v, double lat, double lon, int metersAway, Duration onSite) {
        HttpApi worker = responderApi(v.responder());
        startService(worker, v.orderId(), lat, lon, metersAway);
        clock.advance(onSite);
        return worker.post("/api/responder/orders/" + v.orderId() + "/check-out", Map.of("lat", lat, "lon", lon))
                .expect(200)
                .json();
    }

    /**
     * The worker accepts the order, sets off, checks in {@code metersAway} north of the home
     * ({@code lat}, {@code lon}) and starts the service.
     */
    protected void startService(HttpApi worker, long orderId, double lat, double lon, int metersAway) {
        String path = "/api/responder/orders/" + orderId;
        worker.post(path + "/accept").expect(200);
        worker.post(path + "/en-route").expect(200);
        worker.post(path + "/arrive", Map.of("lat", north(lat, metersAway), "lon", lon))
                .expect(200);
        worker.post(path + "/start").expect(200);
    }

    /** A visit at the place, assigned and then served: checked in 10 m from the door, {@code onSite} long. */
    protected Visit completedVisit(String place, double lat, double lon, Duration onSite) {
        Visit v = assignedVisit(place, lat, lon);
        completeVisit(v, lat, lon, 10, onSite);
        return v;
    }

    // --- subsidies: officers, allowances and eligibility through the real approval steps

    /** A COMMUNITY (社区) officer of the community. */
    protected HttpApi officer(String community) {
        String username = "sub-community-" + unique();
        String password = "community-pass-" + username;
        admin().post(
                        "/api/users",
                        Map.of(
                                "username", username,
                                "password", password,
                                "role", "COMMUNITY",
                                "displayName", community + "干部",
                                "community", community))
                .expect(201);
        return as(username, password);
    }

    /** A BUREAU (民政局) officer. */
    protected HttpApi bureau() {
        String username = "sub-bureau-" + unique();
        String password = "bureau-pass-" + username;
        createUser(username, password, "BUREAU");
        return as(username, password);
    }

    /** The allowance through both approvals (a community officer, then the bureau), unless it is in force. */
    protected void allowance(String category, String unit, int amount) {
        JsonNode inForce = category(category).get("allowance").get(unit);
        if (!inForce.isNull() && inForce.decimalValue().compareTo(java.math.BigDecimal.valueOf(amount)) == 0) {
            return;
        }
        long id = admin().post(
                        "/api/subsidy/allowance-proposals",
                        Map.of("category", category, unit, amount, "note", "test allowance"))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        officer("翠苑社区")
                .post("/api/subsidy/allowance-proposals/" + id + "/approve")
                .expect(200);
        assertThat(bureau().post("/api/subsidy/allowance-proposals/" + id + "/approve")
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("APPROVED");
    }

    /** The senior holds the category after their community's officer and then the bureau approved. */
    protected void holds(long senior, String community, String category) {
        long id = admin().post("/api/subsidy/applications", Map.of("seniorId", senior, "category", category))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        officer(community).post("/api/subsidy/applications/" + id + "/approve").expect(200);
        bureau().post("/api/subsidy/applications/" + id + "/approve").expect(200);
    }

    /** The subsidy category as the API lists it. */
    protected JsonNode category(String code) {
        return admin().get("/api/subsidy/categories")
                .expect(200)
                .json()
                .valueStream()
                .filter(c -> c.get("code").asString().equals(code))
                .findFirst()
                .orElseThrow();
    }
}
