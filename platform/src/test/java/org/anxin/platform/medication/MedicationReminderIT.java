package org.anxin.platform.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.anxin.platform.FakeTwilio;
import org.anxin.platform.MutableClock;
import org.anxin.platform.PlatformBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.JsonNode;

/** Medication reminders on the test clock, through the real Twilio SDK to the local fake Twilio. */
@Import(MutableClock.Config.class)
class MedicationReminderIT extends PlatformBase {
    private static final FakeTwilio TWILIO = new FakeTwilio();
    private static final Path DATA = newDataDir();

    @Autowired
    MutableClock clock;

    @Autowired
    MedicationReminders reminders;

    @Autowired
    ZoneId zone;

    @DynamicPropertySource
    static void twilio(DynamicPropertyRegistry registry) {
        embedded(registry, DATA);
        registry.add("anxin.twilio.account-sid", () -> FakeTwilio.ACCOUNT_SID);
        registry.add("anxin.twilio.auth-token", () -> FakeTwilio.AUTH_TOKEN);
        registry.add("anxin.twilio.from", () -> FakeTwilio.FROM);
        registry.add("anxin.twilio.api-base-url", TWILIO::baseUrl);
        registry.add("anxin.notify.sweep-ms", () -> "1000");
        registry.add("anxin.medication.tick-ms", () -> "200");
    }

    @Test
    void aMedicineTimeSendsOneSmsToTheSeniorOnceAcrossNodes() {
        String phone = "13512340001";
        long senior = createSenior(Map.of("name", "吴桂英", "phone", phone, "lat", 30.27, "lon", 120.15));
        // a time of day a few minutes ahead on the city's clock
        Instant due = clock.instant().plus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.MINUTES);
        LocalTime at = due.atZone(zone).toLocalTime();
        prescribe(senior, Map.of("name", "阿司匹林", "dose", "100mg"), due);
        assertThat(reminders(senior).size()).isZero();

        clock.set(due.plusSeconds(30));
        // two nodes' timers at the same moment, beside the scheduled one
        CompletableFuture.allOf(
                        CompletableFuture.runAsync(reminders::tick), CompletableFuture.runAsync(reminders::tick))
                .join();

        JsonNode sent = reminders(senior);
        assertThat(sent.size()).isEqualTo(1);
        assertThat(Instant.parse(sent.get(0).get("dueAt").asString())).isEqualTo(due);
        assertThat(sent.get(0).get("medicine").asString()).isEqualTo("阿司匹林");
        assertThat(sent.get(0).get("channel").asString()).isEqualTo("SMS");
        FakeTwilio.Received sms =
                awaitValue(() -> TWILIO.to(phone).stream().findFirst().orElse(null));
        assertThat(sms.path()).isEqualTo("/2010-04-01/Accounts/" + FakeTwilio.ACCOUNT_SID + "/Messages.json");
        assertThat(sms.form().get("From")).isEqualTo(FakeTwilio.FROM);
        assertThat(sms.form().get("Body")).isEqualTo("【安心】吴桂英，" + at + " 该服药了：阿司匹林，100mg。");

        // later ticks within the late limit find it claimed
        clock.advance(Duration.ofMinutes(5));
        reminders.tick();
        assertThat(reminders(senior).size()).isEqualTo(1);
        assertThat(TWILIO.to(phone)).hasSize(1);
    }

    @Test
    void aSeniorWearingAWatchGetsTheDoseAsAWatchReminderAheadAndItsAnswerIsTheAcknowledgement() {
        String phone = "13512340003";
        long senior = createSenior(Map.of("name", "钱淑珍", "phone", phone, "lat", 30.27, "lon", 120.15));
        String watch = "8800000777";
        admin().post("/api/devices", Map.of("id", watch, "protocol", "watch", "seniorId", senior))
                .expect(201);
        redis.set("anxin:session:" + watch, "med-node"); // the gateway node holding the watch's connection
        Instant due = clock.instant().plus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.MINUTES);
        LocalTime at = due.atZone(zone).toLocalTime();
        prescribe(senior, Map.of("name", "氨氯地平", "dose", "5mg"), due);

        clock.set(due.minus(Duration.ofMinutes(4))); // within the 5 minutes' lead
        reminders.tick();

        JsonNode sent = reminders(senior);
        assertThat(sent.size()).isEqualTo(1);
        assertThat(sent.get(0).get("channel").asString()).isEqualTo("WATCH");
        long commandId = sent.get(0).get("commandId").asLong();
        Map<String, String> routed = redis.xrange("anxin:commands:med-node", "-", "+").stream()
                .map(StreamEntry::getFields)
                .filter(f -> f.get("commandId").equals(Long.toString(commandId)))
                .findFirst()
                .orElseThrow();
        assertThat(routed)
                .containsEntry("deviceId", watch)
                .containsEntry("protocol", "watch")
                .containsEntry("type", "REMIND")
                .containsEntry("at", at.toString());
        assertThat(sent.get(0).get("commandStatus").asString()).isEqualTo("QUEUED");
        assertThat(sent.get(0).get("acknowledgedAt").isNull()).isTrue();

        // the gateway reports the watch's answer ([3G*…*REMIND]) as it does for every command
        Instant answered = clock.instant().plusSeconds(2);
        redis.xadd(
                "anxin:command-results",
                StreamEntryID.NEW_ENTRY,
                Map.of("commandId", Long.toString(commandId), "status", "DELIVERED", "at", answered.toString()));
        await(() ->
                "DELIVERED".equals(reminders(senior).get(0).get("commandStatus").asString()));
        assertThat(Instant.parse(reminders(senior).get(0).get("acknowledgedAt").asString()))
                .isEqualTo(answered);

        // at the dose's time the claim is taken: no SMS besides the watch
        clock.set(due.plusSeconds(30));
        reminders.tick();
        assertThat(reminders(senior).size()).isEqualTo(1);
        assertThat(TWILIO.to(phone)).isEmpty();
    }

    @Test
    void aWatchNotConnectedLeavesTheDoseToAnSmsAtItsTime() {
        String phone = "13512340004";
        long senior = createSenior(Map.of("name", "孙凤兰", "phone", phone, "lat", 30.27, "lon", 120.15));
        admin().post("/api/devices", Map.of("id", "8800000778", "protocol", "watch", "seniorId", senior))
                .expect(201);
        Instant due = clock.instant().plus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.MINUTES);
        prescribe(senior, Map.of("name", "他汀"), due);

        clock.set(due.minus(Duration.ofMinutes(4)));
        reminders.tick();
        assertThat(reminders(senior).size()).isZero();

        clock.set(due.plusSeconds(30));
        reminders.tick();
        JsonNode sent = reminders(senior);
        assertThat(sent.size()).isEqualTo(1);
        assertThat(sent.get(0).get("channel").asString()).isEqualTo("SMS");
        assertThat(sent.get(0).get("commandId").isNull()).isTrue();
        awaitValue(() -> TWILIO.to(phone).stream().findFirst().orElse(null));
    }

    @Test
    void aReminderLongOverdueIsSkippedNotSentLate() {
        String phone = "13512340002";
        long senior = createSenior(Map.of("name", "郑秀兰", "phone", phone, "lat", 30.27, "lon", 120.15));
        Instant due = clock.instant().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MINUTES);
        prescribe(senior, Map.of("name", "二甲双胍"), due);

        clock.set(due.plus(Duration.ofMinutes(31)));
        reminders.tick();

        assertThat(reminders(senior).size()).isZero();
    }

    @Test
    void onlyTheDeskAndTheSeniorsFamilySeeTheReminders() {
        long senior = createSenior("冯玉兰");
        createUser("fam-med-other", "family-pass-med", "FAMILY", createSenior("别人"));
        as("fam-med-other", "family-pass-med")
                .get("/api/medication-reminders?seniorId=" + senior)
                .expect(403);
        admin().get("/api/medication-reminders?seniorId=" + senior + "&limit=0").expect(400);
    }

    /** Gives the senior one medicine (these fields) taken at {@code due}'s time of day, city time. */
    private void prescribe(long senior, Map<String, Object> medicine, Instant due) {
        Map<String, Object> withTime = new java.util.HashMap<>(medicine);
        withTime.put("times", List.of(due.atZone(zone).toLocalTime().toString()));
        admin().put("/api/seniors/" + senior, Map.of("medicines", List.of(withTime)))
                .expect(200);
    }

    private JsonNode reminders(long senior) {
        return admin().get("/api/medication-reminders?seniorId=" + senior)
                .expect(200)
                .json();
    }
}
