package org.anxin.platform.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.anxin.platform.DeskContext;
import org.anxin.platform.DeviceStream;
import org.anxin.platform.FakeTwilio;
import org.anxin.platform.HttpApi;
import org.anxin.platform.SseFeed;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The family's home, feed, trail and safe zones on the embedded stack, Twilio played by a fake. */
class FamilyIT extends DeskContext {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aFamilysFeedCarriesOnlyTheirOwnSeniorsPositions() {
        long mine = createSenior("冯秀兰");
        long theirs = createSenior("蒋德明");
        createDevice("fam-feed-1", mine);
        createDevice("fam-feed-2", theirs);
        createUser("fam-feng", "family-pass-feng", "FAMILY", mine);
        createUser("fam-jiang", "family-pass-jiang", "FAMILY", theirs);
        HttpApi feng = as("fam-feng", "family-pass-feng");
        HttpApi jiang = as("fam-jiang", "family-pass-jiang");

        assertThat(feng.get("/api/family/stream?seniorId=" + theirs).status()).isEqualTo(403);
        try (SseFeed refused = new SseFeed(feng, "/api/family/stream?seniorId=" + theirs)) {
            Awaitility.await().atMost(WAIT).until(() -> refused.status() == 403);
        }
        assertThat(feng.get("/api/seniors/" + theirs + "/trail").status()).isEqualTo(403);
        try (SseFeed fengFeed = new SseFeed(feng, "/api/family/stream");
                SseFeed jiangFeed = new SseFeed(jiang, "/api/family/stream")) {
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> !fengFeed.named("hello").isEmpty()
                            && !jiangFeed.named("hello").isEmpty());
            Instant t = clock.instant();
            // the other family's senior moves first, and their own feed shows it ...
            xadd(fix("fam-feed-2", t, 30.2800, 120.1600));
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> !jiangFeed.named("device").isEmpty());
            // ... then ours: once it is on our feed, the feed has passed the other one by
            xadd(fix("fam-feed-1", t, 30.2741, 120.1551));
            Awaitility.await().atMost(WAIT).until(() -> !fengFeed.named("device")
                    .isEmpty());

            assertThat(fengFeed.named("device"))
                    .extracting(d -> d.get("seniorId").asLong())
                    .containsOnly(mine);
            JsonNode moved = fengFeed.named("device").get(0);
            assertThat(moved.get("deviceId").asString()).isEqualTo("fam-feed-1");
            assertThat(moved.get("lat").asDouble()).isEqualTo(30.2741);
            assertThat(moved.get("source").asString()).isEqualTo("GPS");
            assertThat(jiangFeed.named("device"))
                    .extracting(d -> d.get("seniorId").asLong())
                    .containsOnly(theirs);
        }
    }

    @Test
    void theHomeCardShowsTheLastFixItsSourceTheBatteryAndTheOpenAlarm() {
        long senior = createSenior("褚桂芳");
        createDevice("fam-card-1", senior);
        createUser("fam-chu", "family-pass-chu", "FAMILY", senior);
        HttpApi family = as("fam-chu", "family-pass-chu");
        Instant t = clock.instant().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> lbs = fix("fam-card-1", t, 30.2761, 120.1571);
        lbs.put("attrs", "{\"fix\":\"LBS\"}");
        lbs.put("battery", "64");
        xadd(lbs);
        xadd(DeviceStream.entry("fam-card-1", "SOS", t.plusSeconds(1), t.plusSeconds(1)));

        JsonNode card = Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> family.get("/api/family/seniors").expect(200).json(),
                        cards -> cards.size() == 1
                                && cards.get(0).get("openAlarms").size() == 1
                                && cards.get(0)
                                                .get("devices")
                                                .get(0)
                                                .get("battery")
                                                .asInt()
                                        == 77)
                .get(0);
        assertThat(card.get("id").asLong()).isEqualTo(senior);
        assertThat(card.get("name").asString()).isEqualTo("褚桂芳");
        assertThat(card.get("openAlarms").get(0).get("type").asString()).isEqualTo("SOS");
        JsonNode device = card.get("devices").get(0);
        // the SOS carried the test stream's default fix (GPS, battery 77): it is the newest
        assertThat(device.get("source").asString()).isEqualTo("GPS");
        assertThat(device.get("lat").asDouble()).isEqualTo(30.2741);
        assertThat(Instant.parse(device.get("fixAt").asString())).isEqualTo(t.plusSeconds(1));
        assertThat(device.get("lastSeenAt").isNull()).isFalse();

        Map<String, String> wifi = fix("fam-card-1", t.plusSeconds(2), 30.2762, 120.1572);
        wifi.put("attrs", "{\"fix\":\"WIFI\"}");
        xadd(wifi);
        Awaitility.await().atMost(WAIT).until(() -> family.get("/api/family/seniors")
                .json()
                .get(0)
                .get("devices")
                .get(0)
                .get("source")
                .asString()
                .equals("WIFI"));
        assertThat(admin().get("/api/family/seniors").status()).isEqualTo(403);
    }

    @Test
    void theTrailComesInOrderThinnedWithItsEndsAndOnlyForTheDay() {
        long senior = createSenior("卫淑珍");
        createDevice("fam-trail-1", senior);
        createUser("fam-wei", "family-pass-wei", "FAMILY", senior);
        HttpApi family = as("fam-wei", "family-pass-wei");
        Instant t = clock.instant().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        // 21 fixes ~11 m apart on one straight street: only the two ends matter on a map
        for (int i = 0; i <= 20; i++) {
            xadd(fix("fam-trail-1", t.plusSeconds(i * 10L), 30.2700 + i * 0.0001, 120.1500));
        }
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> family.get("/api/seniors/" + senior + "/trail")
                                .expect(200)
                                .json()
                                .get("fixes")
                                .asInt()
                        == 21);
        JsonNode trail = family.get("/api/seniors/" + senior + "/trail").json();
        JsonNode points = trail.get("points");
        assertThat(points.size()).isEqualTo(2);
        assertThat(points.get(0).get("lat").asDouble()).isEqualTo(30.2700);
        assertThat(points.get(1).get("lat").asDouble()).isEqualTo(30.2720);
        assertThat(Instant.parse(points.get(0).get("at").asString())).isEqualTo(t);

        String yesterday = "?from=" + clock.instant().minus(Duration.ofDays(2)) + "&to="
                + clock.instant().minus(Duration.ofDays(1));
        assertThat(family.get("/api/seniors/" + senior + "/trail" + yesterday)
                        .json()
                        .get("points")
                        .size())
                .isZero();
        assertThat(family.get("/api/seniors/" + senior + "/trail?from=" + clock.instant() + "&to=" + t)
                        .status())
                .isEqualTo(400);
        assertThat(admin().get("/api/seniors/" + senior + "/trail").status()).isEqualTo(200);
    }

    @Test
    void aZoneWithNightHoursRaisesOnlyForAFixOutsideWithinThemAndTextsTheFamilyAtOnce() {
        long senior = createSenior("沈玉珍");
        String daughter = "+8613900002501";
        admin().put(
                        "/api/seniors/" + senior + "/contacts",
                        List.of(Map.of("name", "沈丽", "relation", "女儿", "phone", daughter)))
                .expect(200);
        createDevice("fam-zone-1", senior);
        createUser("fam-shen", "family-pass-shen", "FAMILY", senior);
        HttpApi family = as("fam-shen", "family-pass-shen");
        String zones = "/api/seniors/" + senior + "/geofences";
        Map<String, Object> home = Map.of("lat", 30.2741, "lon", 120.1551, "radiusMeters", 300);
        assertThat(family.post(zones, Map.of("name", "家", "circle", home, "activeFrom", "20:00"))
                        .status())
                .isEqualTo(400);
        JsonNode zone = family.post(
                        zones, Map.of("name", "家", "circle", home, "activeFrom", "20:00", "activeTo", "07:00"))
                .expect(201)
                .json();
        assertThat(zone.get("activeFrom").asString()).startsWith("20:00");

        LocalDate day = LocalDate.ofInstant(clock.instant(), CITY).plusDays(1);
        Instant noon = day.atTime(LocalTime.NOON).atZone(CITY).toInstant();
        xadd(fix("fam-zone-1", noon, 30.2741, 120.1551)); // home
        xadd(fix("fam-zone-1", noon.plusSeconds(600), 30.2921, 120.1551)); // 2 km away at midday: allowed
        awaitStored("fam-zone-1", 2);
        assertThat(alarms(senior)).isEmpty();

        xadd(fix("fam-zone-1", noon.plusSeconds(1200), 30.2742, 120.1551)); // home for the evening
        Instant night = day.atTime(21, 30).atZone(CITY).toInstant();
        xadd(fix("fam-zone-1", night, 30.2921, 120.1551)); // out at 21:30: within the zone's hours
        JsonNode alarm = Awaitility.await()
                .atMost(WAIT)
                .until(() -> alarms(senior), list -> list.size() == 1)
                .get(0);
        assertThat(alarm.get("type").asString()).isEqualTo("GEOFENCE_EXIT");
        assertThat(alarm.get("detail").asString()).isEqualTo("left safe zone 家");
        FakeTwilio.Received sms = Awaitility.await()
                .atMost(WAIT)
                .until(() -> TWILIO.to(daughter), l -> l.size() == 1)
                .get(0);
        assertThat(sms.form().get("Body")).isEqualTo("【安心12349】您的家人沈玉珍于21:30离开安全区域“家”。请打开家属页面查看位置。");
        JsonNode detail = family.get("/api/alarms/" + alarm.get("id").asLong())
                .expect(200)
                .json();
        assertThat(detail.get("timeline").findValuesAsString("action")).contains("RAISED", "FAMILY_TOLD");
    }

    @Test
    void aSeniorStillOutWhenTheHoursBeginRaisesWithTheFirstFixInsideThem() {
        long senior = createSenior("韩秀梅");
        createDevice("fam-zone-2", senior);
        admin().post(
                        "/api/seniors/" + senior + "/geofences",
                        Map.of(
                                "name",
                                "小区",
                                "polygon",
                                List.of(
                                        List.of(30.2730, 120.1540),
                                        List.of(30.2730, 120.1560),
                                        List.of(30.2750, 120.1560),
                                        List.of(30.2750, 120.1540)),
                                "activeFrom",
                                "20:00",
                                "activeTo",
                                "07:00"))
                .expect(201);
        LocalDate day = LocalDate.ofInstant(clock.instant(), CITY).plusDays(1);
        Instant evening = day.atTime(19, 0).atZone(CITY).toInstant();
        xadd(fix("fam-zone-2", evening, 30.2740, 120.1550)); // inside
        xadd(fix("fam-zone-2", evening.plusSeconds(1800), 30.2800, 120.1550)); // out at 19:30
        awaitStored("fam-zone-2", 2);
        assertThat(alarms(senior)).isEmpty();
        xadd(fix("fam-zone-2", evening.plusSeconds(4200), 30.2810, 120.1550)); // still out at 20:10
        JsonNode alarm = Awaitility.await()
                .atMost(WAIT)
                .until(() -> alarms(senior), list -> list.size() == 1)
                .get(0);
        assertThat(alarm.get("lat").asDouble()).isEqualTo(30.2810);
        xadd(fix("fam-zone-2", evening.plusSeconds(4800), 30.2820, 120.1550)); // further out: the same way out
        awaitStored("fam-zone-2", 4);
        assertThat(alarms(senior).get(0).get("repeats").asInt()).isEqualTo(1);
    }

    @Test
    void onMyWayRecordsTheFamilysAcceptanceAndTheFamilyIsThenNotCalled() {
        long senior = createSenior("秦凤英");
        long marker = createSenior("尤桂香");
        String son = "+8613900002601";
        String markerSon = "+8613900002602";
        admin().put("/api/seniors/" + senior + "/contacts", List.of(Map.of("name", "秦军", "phone", son)))
                .expect(200);
        admin().put("/api/seniors/" + marker + "/contacts", List.of(Map.of("name", "尤明", "phone", markerSon)))
                .expect(200);
        createDevice("fam-way-1", senior);
        createDevice("fam-way-2", marker);
        createUser("fam-qin", "family-pass-qin", "FAMILY", senior);
        createUser("fam-you", "family-pass-you", "FAMILY", marker);
        HttpApi qin = as("fam-qin", "family-pass-qin");
        HttpApi you = as("fam-you", "family-pass-you");
        Instant t = clock.instant();
        xadd(DeviceStream.entry("fam-way-1", "SOS", t, t));
        xadd(DeviceStream.entry("fam-way-2", "SOS", t, t));
        long alarm = onlyAlarm(senior);
        long markerAlarm = onlyAlarm(marker);
        assertThat(qin.get("/api/alarms").json().findValues("id").stream().map(JsonNode::asLong))
                .contains(alarm)
                .doesNotContain(markerAlarm);

        assertThat(you.post("/api/alarms/" + alarm + "/on-my-way").status()).isEqualTo(403);
        assertThat(admin().post("/api/alarms/" + alarm + "/on-my-way").status()).isEqualTo(403);
        JsonNode accepted =
                qin.post("/api/alarms/" + alarm + "/on-my-way").expect(200).json();
        assertThat(accepted.get("familyAcceptedBy").asString()).isEqualTo("fam-qin");
        JsonNode detail = qin.get("/api/alarms/" + alarm).expect(200).json();
        JsonNode entry = detail.get("timeline").get(detail.get("timeline").size() - 1);
        assertThat(entry.get("action").asString()).isEqualTo("FAMILY_ACCEPTED");
        assertThat(entry.get("actor").asString()).isEqualTo("family:fam-qin");

        // the escalation's family step: the other alarm's family is texted and called, ours is not
        clock.advance(Duration.ofSeconds(181));
        Awaitility.await().atMost(WAIT).until(() -> TWILIO.to(markerSon).size() == 2);
        assertThat(admin().get("/api/alarms/" + alarm).json().get("timeline").findValuesAsString("action"))
                .doesNotContain("FAMILY_NOTIFIED");
        assertThat(TWILIO.to(son)).isEmpty();

        admin().post("/api/alarms/" + alarm + "/acknowledge").expect(200);
        admin().post("/api/alarms/" + alarm + "/resolve", Map.of("outcome", "FAMILY_HANDLED"))
                .expect(200);
        assertThat(qin.post("/api/alarms/" + alarm + "/on-my-way").status()).isEqualTo(409);
    }

    @Test
    void aFamilyReordersTheContactsAndTheDeskSeesItOnTheAuditAndTheOpenAlarm() {
        long senior = createSenior("何翠兰");
        long other = createSenior("吕志强");
        admin().put(
                        "/api/seniors/" + senior + "/contacts",
                        List.of(
                                Map.of("name", "何伟", "relation", "儿子", "phone", "13900002701"),
                                Map.of("name", "何静", "relation", "女儿", "phone", "13900002702")))
                .expect(200);
        createDevice("fam-contacts-1", senior);
        createUser("fam-he", "family-pass-he", "FAMILY", senior);
        createUser("fam-lv", "family-pass-lv", "FAMILY", other);
        HttpApi he = as("fam-he", "family-pass-he");
        Instant t = clock.instant();
        xadd(DeviceStream.entry("fam-contacts-1", "FALL", t, t));
        long alarm = onlyAlarm(senior);
        List<Map<String, String>> reordered = List.of(
                Map.of("name", "何静", "relation", "女儿", "phone", "13900002712"),
                Map.of("name", "何伟", "relation", "儿子", "phone", "13900002701"));
        assertThat(as("fam-lv", "family-pass-lv")
                        .put("/api/seniors/" + senior + "/contacts", reordered)
                        .status())
                .isEqualTo(403);

        JsonNode saved = he.put("/api/seniors/" + senior + "/contacts", reordered)
                .expect(200)
                .json();
        assertThat(saved.get(0).get("position").asInt()).isEqualTo(1);
        assertThat(saved.get(0).get("phone").asString()).isEqualTo("13900002712");

        JsonNode changes =
                admin().get("/api/seniors/" + senior + "/changes").expect(200).json();
        assertThat(changes.size()).isEqualTo(2); // the desk's setting, then the family's
        JsonNode change = changes.get(0);
        assertThat(change.get("actor").asString()).isEqualTo("fam-he");
        assertThat(change.get("role").asString()).isEqualTo("FAMILY");
        assertThat(change.get("before").asString()).isEqualTo("1. 何伟 (儿子) 13900002701; 2. 何静 (女儿) 13900002702");
        assertThat(change.get("after").asString()).isEqualTo("1. 何静 (女儿) 13900002712; 2. 何伟 (儿子) 13900002701");
        assertThat(he.get("/api/seniors/" + senior + "/changes").status()).isEqualTo(403);

        JsonNode timeline = admin().get("/api/alarms/" + alarm).json().get("timeline");
        JsonNode last = timeline.get(timeline.size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("CONTACTS_CHANGED");
        assertThat(last.get("actor").asString()).isEqualTo("fam-he");
        assertThat(last.get("note").asString()).contains("1. 何静 (女儿) 13900002712");

        he.put("/api/seniors/" + senior + "/contacts", reordered).expect(200); // the same again: nothing to audit
        assertThat(admin().get("/api/seniors/" + senior + "/changes").json().size())
                .isEqualTo(2);
    }

    /** The id of the senior's one alarm, once it is there. */
    private long onlyAlarm(long senior) {
        return Awaitility.await()
                .atMost(WAIT)
                .until(() -> alarms(senior), l -> l.size() == 1)
                .get(0)
                .get("id")
                .asLong();
    }

    private List<JsonNode> alarms(long senior) {
        List<JsonNode> found = new java.util.ArrayList<>();
        admin().get("/api/alarms").expect(200).json().forEach(a -> {
            if (a.get("seniorId").asLong() == senior) {
                found.add(a);
            }
        });
        return found;
    }

    private void awaitStored(String deviceId, int count) {
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> admin().get("/api/devices/" + deviceId + "/events")
                                .expect(200)
                                .json()
                                .size()
                        >= count);
    }

    private void xadd(Map<String, String> fields) {
        DeviceStream.xadd(redis, fields);
    }

    private static Map<String, String> fix(String deviceId, Instant at, double lat, double lon) {
        Map<String, String> fields = DeviceStream.entry(deviceId, "LOCATION", at, at);
        fields.put("lat", Double.toString(lat));
        fields.put("lon", Double.toString(lon));
        return fields;
    }
}
