package org.anxin.platform.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.anxin.platform.HttpApi;
import org.anxin.platform.OrderFixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Urgent orders (window within the hour) go through the dispatcher's offers at booking: the
 * nearest able responders are offered them, the first to accept gets the order, the others'
 * offers are withdrawn; later orders are left for the batch.
 */
class UrgentOrderIT extends OrderFixtures {
    private static final double LAT = 40.8424;
    private static final double LON = 111.7500; // Hohhot

    /** A senior at a place of their own near Hohhot, {@code km} north of the first, with a family user. */
    private record Home(long senior, HttpApi family, double lat) {}

    private Home home(String name, double km) {
        int n = unique();
        double lat = north(LAT, km * 1000);
        long senior = senior(name + n, lat, LON, "+8613800" + String.format(Locale.ROOT, "%06d", n));
        return new Home(senior, family(senior), lat);
    }

    /** Cleaning (助洁) for the senior, booked by their family, from {@code from} for 2 h. */
    private long bookCleaning(Home home, Instant from) {
        return book(home.family(), home.senior(), itemId("助洁"), from, from.plus(Duration.ofHours(2)));
    }

    /** A cleaner of a provider of their own that offers 助洁, on duty 150 m from the home; their name. */
    private String cleanerNear(String place, Home home) {
        String name = place + "护工" + unique();
        long provider = provider(place + "居家服务中心" + unique(), List.of("助洁"));
        responder(name, provider, List.of("CLEANING"), 1, north(home.lat(), 150), LON);
        return name;
    }

    private Instant inMinutes(int minutes) {
        return clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(minutes));
    }

    private List<JsonNode> offers(String responder) {
        return responderApi(responder)
                .get("/api/responder/offers")
                .expect(200)
                .json()
                .valueStream()
                .toList();
    }

    @Test
    void aBookingHalfAnHourAheadIsOfferedToTheNearestAbleResponderAndTheFirstAcceptWins() {
        Home home = home("新城老人", 0);
        long cleaning = provider("新城居家服务中心" + unique(), List.of("助洁"));
        long meals = provider("新城助餐点" + unique(), List.of("助餐"));
        String near = "新城近" + unique();
        String far = "新城远" + unique();
        String other = "新城助餐员" + unique();
        long nearId = responder(near, cleaning, List.of("CLEANING"), 1, north(home.lat(), 150), LON);
        long farId = responder(far, cleaning, List.of("CLEANING"), 1, north(home.lat(), 450), LON);
        // nearest of all, with the skill, but their provider does not offer cleaning
        responder(other, meals, List.of("CLEANING", "MEAL"), 1, north(home.lat(), 50), LON);

        Instant from = inMinutes(30);
        long order = bookCleaning(home, from);

        assertThat(status(order)).isEqualTo("REQUESTED");
        assertThat(actions(order)).containsExactly("REQUESTED", "URGENT_OFFERING", "OFFERED");
        assertThat(order(order).get("timeline").get(2).get("note").asString()).startsWith("round 1: " + near);
        assertThat(offers(other)).isEmpty();
        List<JsonNode> mine = offers(near);
        assertThat(mine).hasSize(1);
        JsonNode offer = mine.get(0);
        assertThat(offer.get("kind").asString()).isEqualTo("order");
        assertThat(offer.get("orderId").asLong()).isEqualTo(order);
        assertThat(offer.get("itemName").asString()).isEqualTo("助洁");
        assertThat(Instant.parse(offer.get("window").get("from").asString())).isEqualTo(from);
        assertThat(offer.has("alarmId")).isFalse();
        assertThat(offer.has("alarmType")).isFalse();
        List<JsonNode> theirs = offers(far);
        assertThat(theirs).hasSize(1);
        assertThat(theirs.get(0).get("etaSeconds").asInt())
                .isGreaterThan(offer.get("etaSeconds").asInt());

        responderApi(near)
                .post("/api/responder/offers/" + offer.get("offerId").asLong() + "/accept")
                .expect(200);

        JsonNode taken = order(order);
        assertThat(taken.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(taken.get("responderId").asLong()).isEqualTo(nearId);
        assertThat(actions(order)).containsSubsequence("OFFERED", "ASSIGNED", "ACCEPTED", "WITHDRAWN");
        assertThat(taken.get("timeline")
                        .valueStream()
                        .filter(s -> s.get("action").asString().startsWith("A"))
                        .map(s -> s.get("note").asString()))
                .allMatch(note -> note.contains("by the urgent offer flow"));
        assertThat(responderApi(near)
                        .get("/api/responder/orders")
                        .json()
                        .valueStream()
                        .map(o -> o.get("id").asLong()))
                .contains(order);
        assertThat(problem(
                        responderApi(far)
                                .post("/api/responder/offers/"
                                        + theirs.get(0).get("offerId").asLong() + "/accept"),
                        409))
                .isNotBlank();
        assertThat(order(order).get("responderId").asLong()).isEqualTo(nearId);
        assertThat(offers(far)).isEmpty();
        assertThat(farId).isNotEqualTo(nearId);
    }

    @Test
    void unansweredOffersTimeOutAndTheNextOneIsOffered() {
        Home home = home("武川老人", 80);
        long cleaning = provider("武川居家服务中心" + unique(), List.of("助洁"));
        List<String> workers = List.of("武川甲" + unique(), "武川乙" + unique(), "武川丙" + unique(), "武川丁" + unique());
        for (int i = 0; i < workers.size(); i++) {
            responder(workers.get(i), cleaning, List.of("CLEANING"), 1, north(home.lat(), 100 + 100 * i), LON);
        }
        Instant from = inMinutes(40);
        long order = bookCleaning(home, from);
        assertThat(offers(workers.get(3))).isEmpty(); // three at a time, the fourth is ranked last

        clock.advance(Duration.ofSeconds(61));

        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> offers(workers.get(3)).size() == 1);
        assertThat(offers(workers.get(0))).isEmpty();
        assertThat(actions(order)).containsSubsequence("OFFERED", "TIMED_OUT", "OFFERED");
        JsonNode offer = offers(workers.get(3)).get(0);
        responderApi(workers.get(3))
                .post("/api/responder/offers/" + offer.get("offerId").asLong() + "/accept")
                .expect(200);
        assertThat(status(order)).isEqualTo("ACCEPTED");
    }

    @Test
    void cancellingAnUrgentOrderWithdrawsItsOffers() {
        Home home = home("土左老人", 100);
        String worker = cleanerNear("土左", home);
        Instant from = inMinutes(30);
        long order = bookCleaning(home, from);
        long offerId = offers(worker).get(0).get("offerId").asLong();

        admin().post("/api/orders/" + order + "/cancel", java.util.Map.of("note", "家属改约"))
                .expect(200);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> offers(worker)
                .isEmpty());
        assertThat(problem(responderApi(worker).post("/api/responder/offers/" + offerId + "/accept"), 409))
                .contains("WITHDRAWN");
        assertThat(status(order)).isEqualTo("CANCELLED");
    }

    @Test
    void aBookingTwoDaysAheadIsNotOfferedButLeftForTheBatch() {
        Home home = home("赛罕老人", 20);
        String worker = cleanerNear("赛罕", home);
        Instant from = freshBatchStart(); // two days or more ahead, a day no other batch uses

        long order = bookCleaning(home, from);

        assertThat(actions(order)).containsExactly("REQUESTED");
        assertThat(offers(worker)).isEmpty();
        JsonNode plan = assign(from, from.plus(Duration.ofHours(1)), null);
        assertThat(plan.get("assigned").size()).isEqualTo(1);
        assertThat(order(order).get("responderName").asString()).isEqualTo(worker);
    }

    @Test
    void anUrgentBookingNobodyCanTakeStaysRequestedAndSaysWhy() {
        Home home = home("玉泉老人", 40); // no responder anywhere near
        Instant from = inMinutes(20);

        long order = bookCleaning(home, from);

        assertThat(status(order)).isEqualTo("REQUESTED");
        assertThat(actions(order)).containsExactly("REQUESTED", "URGENT_OFFERING", "URGENT_UNPLACED");
        assertThat(order(order).get("timeline").get(2).get("note").asString())
                .contains("no available responder within 15 min")
                .contains("stays REQUESTED");
    }

    @Test
    void aFamilyUserCannotSeeOrTakeOffers() {
        Home home = home("回民老人", 60);
        assertThat(home.family().get("/api/responder/offers").status()).isEqualTo(403);
        assertThat(home.family().post("/api/responder/offers/1/accept").status())
                .isEqualTo(403);
    }
}
