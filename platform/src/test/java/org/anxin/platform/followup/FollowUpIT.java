package org.anxin.platform.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.anxin.platform.HttpApi;
import org.anxin.platform.OrderFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Follow-up calls on the embedded stack over real HTTP: the sample of completed visits queued
 * at check-out, an operator claiming one and recording the result on the order's timeline, and
 * who may do so. The shared context samples nothing; these tests sample every visit (share 1.0)
 * unless they say otherwise, and put the share back afterwards.
 */
class FollowUpIT extends OrderFixtures {
    @Autowired
    FollowUps followUps;

    private double sharedShare;

    @BeforeEach
    void sampleEveryVisit() {
        sharedShare = followUps.share();
        followUps.share(1.0);
    }

    @AfterEach
    void restoreShare() {
        followUps.share(sharedShare);
    }

    @Test
    void aShareOfOneQueuesEveryCompletedVisitAndZeroNone() {
        double lat = 28.2282;
        double lon = 112.9388; // Changsha
        Visit sampled = completedVisit("岳麓", lat, lon, Duration.ofMinutes(45));
        JsonNode queued = followUp(sampled.orderId(), "PENDING");
        assertThat(queued).isNotNull();
        assertThat(queued.get("attempts").asInt()).isZero();
        assertThat(queued.get("order").get("status").asString()).isEqualTo("COMPLETED");
        assertThat(queued.get("seniorPhone").asString()).isEqualTo("13800000000");
        assertThat(queued.get("contacts").get(0).get("phone").asString()).isEqualTo(sampled.contact());
        assertThat(actions(sampled.orderId())).last().isEqualTo("FOLLOW_UP_QUEUED");

        followUps.share(0.0);
        Visit skipped = completedVisit("天心", lat + 0.05, lon, Duration.ofMinutes(45));
        assertThat(followUp(skipped.orderId(), "PENDING,CLAIMED,DONE")).isNull();
        assertThat(actions(skipped.orderId())).doesNotContain("FOLLOW_UP_QUEUED");
    }

    @Test
    void anOperatorClaimsTheCallAndRecordsTheResultOnTheOrdersTimeline() {
        double lat = 30.5928;
        double lon = 114.3055; // Wuhan
        Visit v = completedVisit("江汉", lat, lon, Duration.ofMinutes(60));
        long id = followUp(v.orderId(), "PENDING").get("id").asLong();
        HttpApi first = operator();
        HttpApi second = operator();

        JsonNode claimed =
                first.post("/api/follow-ups/" + id + "/claim").expect(200).json();
        assertThat(claimed.get("status").asString()).isEqualTo("CLAIMED");
        String firstUser = claimed.get("claimedBy").asString();
        first.post("/api/follow-ups/" + id + "/claim").expect(200); // claiming one's own again changes nothing
        assertThat(problem(second.post("/api/follow-ups/" + id + "/claim"), 409))
                .contains("claimed by " + firstUser);
        assertThat(problem(second.post("/api/follow-ups/" + id + "/result", Map.of("reached", false)), 409))
                .contains("claimed by " + firstUser);
        assertThat(followUp(v.orderId(), "CLAIMED")).isNotNull();

        assertThat(problem(first.post("/api/follow-ups/" + id + "/result", Map.of("reached", true)), 400))
                .contains("satisfied");
        assertThat(problem(
                        first.post("/api/follow-ups/" + id + "/result", Map.of("reached", true, "satisfied", 6)), 400))
                .contains("satisfied");
        assertThat(problem(first.post("/api/follow-ups/" + id + "/result", Map.of("satisfied", 4)), 400))
                .contains("reached");
        assertThat(problem(
                        first.post("/api/follow-ups/" + id + "/result", Map.of("reached", false, "satisfied", 3)), 400))
                .contains("only when");

        JsonNode done = first.post(
                        "/api/follow-ups/" + id + "/result",
                        Map.of("reached", true, "satisfied", 4, "note", "女儿说护工很细心，希望准时一些"))
                .expect(200)
                .json();
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("satisfied").asInt()).isEqualTo(4);
        assertThat(done.get("recordedBy").asString()).isEqualTo(firstUser);
        assertThat(problem(first.post("/api/follow-ups/" + id + "/result", Map.of("reached", false)), 409))
                .contains("is done");

        List<JsonNode> timeline =
                order(v.orderId()).get("timeline").valueStream().toList();
        List<JsonNode> followUpSteps = timeline.stream()
                .filter(s -> s.get("action").asString().startsWith("FOLLOW_UP_"))
                .toList();
        assertThat(followUpSteps.stream().map(s -> s.get("action").asString()))
                .containsExactly("FOLLOW_UP_QUEUED", "FOLLOW_UP_CLAIMED", "FOLLOW_UP_DONE");
        assertThat(followUpSteps.stream().map(s -> s.get("actor").asString()))
                .containsExactly("system", firstUser, firstUser);
        assertThat(followUpSteps.get(2).get("note").asString()).isEqualTo("satisfied 4/5: 女儿说护工很细心，希望准时一些");
    }

    @Test
    void aCallThatReachesNobodyReturnsToTheQueueUntilTheThirdAttempt() {
        double lat = 29.5630;
        double lon = 106.5516; // Chongqing
        Visit v = completedVisit("渝中", lat, lon, Duration.ofMinutes(30));
        long id = followUp(v.orderId(), "PENDING").get("id").asLong();
        HttpApi op = operator();

        for (int call = 1; call <= 3; call++) {
            JsonNode after = op.post("/api/follow-ups/" + id + "/result", Map.of("reached", false, "note", "无人接听"))
                    .expect(200)
                    .json();
            assertThat(after.get("attempts").asInt()).isEqualTo(call);
            assertThat(after.get("status").asString()).isEqualTo(call < 3 ? "PENDING" : "DONE");
            assertThat(after.get("reached").asBoolean()).isFalse();
        }
        assertThat(actions(v.orderId()).stream().filter("FOLLOW_UP_UNREACHED"::equals))
                .hasSize(3);
    }

    @Test
    void onlyTheDeskWorksTheQueue() {
        double lat = 26.0745;
        double lon = 119.2965; // Fuzhou
        Visit v = completedVisit("鼓楼", lat, lon, Duration.ofMinutes(30));
        long id = followUp(v.orderId(), "PENDING").get("id").asLong();

        assertThat(v.family().get("/api/follow-ups").status()).isEqualTo(403);
        assertThat(v.family().post("/api/follow-ups/" + id + "/claim").status()).isEqualTo(403);
        assertThat(responderApi(v.responder()).get("/api/follow-ups").status()).isEqualTo(403);
        assertThat(responderApi(v.responder())
                        .post("/api/follow-ups/" + id + "/result", Map.of("reached", true, "satisfied", 5))
                        .status())
                .isEqualTo(403);
        assertThat(anonymous().get("/api/follow-ups").status()).isEqualTo(401);
        assertThat(problem(admin().get("/api/follow-ups?status=LOST"), 400)).contains("unknown status");
        assertThat(problem(admin().post("/api/follow-ups/9999999/claim"), 404)).contains("no follow-up");
        assertThat(admin().get("/api/follow-ups/" + id)
                        .expect(200)
                        .json()
                        .get("orderId")
                        .asLong())
                .isEqualTo(v.orderId());
        assertThat(operator().get("/followups.html").expect(200).body()).contains("/js/followups.js");
    }

    // --- helpers

    private HttpApi operator() {
        String username = "fu-op-" + unique();
        createUser(username, "operator-pass-" + username, "OPERATOR");
        return as(username, "operator-pass-" + username);
    }

    /** The order's follow-up in the queue listed with these statuses, or null. */
    private JsonNode followUp(long orderId, String statuses) {
        return admin().get("/api/follow-ups?status=" + statuses)
                .expect(200)
                .json()
                .valueStream()
                .filter(f -> f.get("orderId").asLong() == orderId)
                .findFirst()
                .orElse(null);
    }
}
