package org.anxin.platform.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.anxin.platform.OrderFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A provider's rating is the mean of its rated orders and feeds the dispatcher's ranking: a
 * colleague not yet rated is ranked by it, so one bad visit moves them behind a rival.
 */
class ProviderRatingIT extends OrderFixtures {

    @Test
    void aProvidersFallingRatingMovesItsUnratedResponderBehindARival() {
        double lat = 36.6171;
        double lon = 101.7782; // Xining
        Visit visit = completedVisit("城西", lat, lon, Duration.ofMinutes(100));
        long provider = admin().get("/api/responders/" + visit.responderId())
                .expect(200)
                .json()
                .get("providerId")
                .asLong();
        // 3 km off, out of the first worker's reach: a colleague 200 m away, a rival of another provider 260 m
        double place = north(lat, 3_000);
        long colleague = responder("城西同事" + unique(), provider, List.of("CLEANING"), 1, north(place, 200), lon);
        long rival = responder(
                "城北护工" + unique(),
                provider("城北居家服务中心" + unique(), List.of("助洁")),
                List.of("CLEANING"),
                1,
                north(place, 260),
                lon);
        assertThat(providerRating(provider).get("rating").isNull()).isTrue();
        List<JsonNode> before = ranking(place, lon, colleague, rival);
        assertThat(before.stream().map(c -> c.get("responderId").asLong())).containsExactly(colleague, rival);
        assertThat(penalty(before.get(0))).isZero(); // nobody rated: 4.5, neutral

        visit.family()
                .post("/api/orders/" + visit.orderId() + "/rating", Map.of("stars", 1, "comment", "没打扫干净"))
                .expect(200);

        JsonNode rated = providerRating(provider);
        assertThat(rated.get("rating").asDouble()).isEqualTo(1.0);
        assertThat(rated.get("ratedOrders").asInt()).isEqualTo(1);
        JsonNode worker = admin().get("/api/responders/" + visit.responderId())
                .expect(200)
                .json();
        assertThat(worker.get("rating").asDouble()).isEqualTo(1.0);
        assertThat(worker.get("ratedOrders").asInt()).isEqualTo(1);
        assertThat(admin().get("/api/responders/" + colleague)
                        .expect(200)
                        .json()
                        .get("ratedOrders")
                        .asInt())
                .isZero();
        List<JsonNode> after = ranking(place, lon, colleague, rival);
        assertThat(after.stream().map(c -> c.get("responderId").asLong())).containsExactly(rival, colleague);
        // the colleague takes the provider's 1.0: 3.5 points below 4.5 at 60 s each
        assertThat(penalty(after.get(1))).isEqualTo(210.0);
        assertThat(penalty(after.get(0))).isZero();
    }

    private JsonNode providerRating(long providerId) {
        return admin().get("/api/providers")
                .expect(200)
                .json()
                .valueStream()
                .filter(p -> p.get("id").asLong() == providerId)
                .findFirst()
                .orElseThrow();
    }

    /** The dispatcher's ranking for a cleaning visit at the place, of the two responders. */
    private List<JsonNode> ranking(double lat, double lon, long... ids) {
        List<Long> wanted = java.util.Arrays.stream(ids).boxed().toList();
        return admin().get("/api/dispatch/candidates?lat=" + lat + "&lon=" + lon + "&kind=service&skill=CLEANING")
                .expect(200)
                .json()
                .valueStream()
                .filter(c -> wanted.contains(c.get("responderId").asLong()))
                .toList();
    }

    /** What the rating added to the candidate's score (load is 0 here). */
    private static double penalty(JsonNode candidate) {
        return Math.round((candidate.get("score").asDouble()
                                - candidate.get("etaSeconds").asInt())
                        * 1000)
                / 1000.0;
    }
}
