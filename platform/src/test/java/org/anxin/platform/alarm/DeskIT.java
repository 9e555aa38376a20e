package org.anxin.platform.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.anxin.platform.DeskContext;
import org.anxin.platform.DeviceStream;
import org.anxin.platform.FakeTwilio;
import org.anxin.platform.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The alarm desk on the embedded stack, with a clock the test moves and Twilio played by a
 * local fake that the real SDK talks to.
 */
class DeskIT extends DeskContext {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Autowired
    Escalation escalation;

    @Test
    void eachEventRuleRaisesItsKindAndFallsAndSosSortFirst() {
        long senior = createSenior("周玉兰");
        for (int i = 1; i <= 6; i++) {
            createDevice("desk-rule-" + i, senior);
        }
        Instant t = clock.instant();
        xadd(event("desk-rule-1", "LOW_BATTERY", t));
        xadd(event("desk-rule-2", "WATCH_REMOVED", t));
        xadd(event("desk-rule-3", "FALL", t));
        xadd(event("desk-rule-4", "SOS", t));
        Map<String, String> weak = event("desk-rule-5", "HEARTBEAT", t);
        weak.put("battery", "9");
        xadd(weak);
        xadd(event("desk-rule-6", "HEARTBEAT", t)); // battery 77: nothing to raise
        Map<String, String> later = event("desk-rule-6", "LOCATION", t.plusSeconds(1));
        xadd(later);
        awaitStored("desk-rule-6", "LOCATION");

        await(() -> openFor("desk-rule-").size() == 5);
        List<JsonNode> queue = openFor("desk-rule-");
        assertThat(queue.subList(0, 2).stream().map(a -> a.get("type").asString()))
                .containsExactlyInAnyOrder("FALL", "SOS");
        assertThat(queue.subList(2, 5).stream().map(a -> a.get("type").asString()))
                .containsExactly("WATCH_REMOVED", "LOW_BATTERY", "LOW_BATTERY");
        assertThat(queue.stream().map(a -> a.get("priority").asInt())).containsExactly(1, 1, 2, 4, 4);
        assertThat(queue.stream().filter(a -> a.get("deviceId").asString().equals("desk-rule-5")))
                .singleElement()
                .satisfies(a -> assertThat(a.get("detail").asString()).isEqualTo("battery 9%"));
        assertThat(queue.stream().map(a -> a.get("deviceId").asString())).doesNotContain("desk-rule-6");
    }

    @Test
    void leavingASafeZoneRaisesOneAlarmPerWayOut() {
        long senior = createSenior("吴国华");
        long other = createSenior("孙丽");
        createDevice("desk-zone-1", senior);
        createUser("family-wu", "family-pass-wu", "FAMILY", senior);
        createUser("family-sun", "family-pass-sun", "FAMILY", other);
        HttpApi family = as("family-wu", "family-pass-wu");
        String zones = "/api/seniors/" + senior + "/geofences";

        assertThat(family.post(
                                zones,
                                Map.of("name", "两点", "polygon", List.of(List.of(30.0, 120.0), List.of(30.1, 120.1))))
                        .status())
                .isEqualTo(400);
        assertThat(family.post(zones, Map.of("name", "空")).status()).isEqualTo(400);
        assertThat(as("family-sun", "family-pass-sun")
                        .post(
                                zones,
                                Map.of(
                                        "name",
                                        "家",
                                        "circle",
                                        Map.of("lat", 30.2741, "lon", 120.1551, "radiusMeters", 500)))
                        .status())
                .isEqualTo(403);
        family.post(zones, Map.of("name", "家", "circle", Map.of("lat", 30.2741, "lon", 120.1551, "radiusMeters", 500)))
                .expect(201);
        assertThat(family.get(zones).expect(200).json().size()).isEqualTo(1);

        Instant t = clock.instant();
        xadd(fix("desk-zone-1", t, 30.2741, 120.1551)); // home
        xadd(fix("desk-zone-1", t.plusSeconds(60), 30.2921, 120.1551)); // 2 km north
        xadd(fix("desk-zone-1", t.plusSeconds(120), 30.2931, 120.1551)); // still out
        awaitStoredCount("desk-zone-1", "LOCATION", 3);
        JsonNode alarm = awaitSingleOpen("desk-zone-1");
        assertThat(alarm.get("type").asString()).isEqualTo("GEOFENCE_EXIT");
        assertThat(alarm.get("detail").asString()).isEqualTo("left safe zone 家");
        assertThat(alarm.get("lat").asDouble()).isEqualTo(30.2921);
        assertThat(alarm.get("repeats").asInt()).isEqualTo(1);

        xadd(fix("desk-zone-1", t.plusSeconds(180), 30.2745, 120.1551)); // back home
        xadd(fix("desk-zone-1", t.plusSeconds(240), 30.2541, 120.1551)); // out, south
        await(() -> awaitSingleOpen("desk-zone-1").get("repeats").asInt() == 2);
    }

    @Test
    void aSilentDeviceRaisesOfflineOncePerSilence() {
        long senior = createSenior("钱淑芬");
        createDevice("desk-quiet-1", senior);
        xadd(event("desk-quiet-1", "HEARTBEAT", clock.instant()));
        awaitStored("desk-quiet-1", "HEARTBEAT");

        clock.advance(Duration.ofMinutes(31));
        JsonNode offline = awaitSingleOpen("desk-quiet-1");
        assertThat(offline.get("type").asString()).isEqualTo("OFFLINE");
        assertThat(offline.get("priority").asInt()).isEqualTo(3);
        admin().post("/api/alarms/" + offline.get("id").asLong() + "/acknowledge")
                .expect(200);
        admin().post("/api/alarms/" + offline.get("id").asLong() + "/resolve", Map.of("outcome", "NO_ANSWER_VISIT"))
                .expect(200);

        // a device that falls silent now proves later checks ran; the first one stays at one alarm
        long marker = createSenior("标记");
        createDevice("desk-quiet-2", marker);
        xadd(event("desk-quiet-2", "HEARTBEAT", clock.instant()));
        awaitStored("desk-quiet-2", "HEARTBEAT");
        clock.advance(Duration.ofMinutes(31));
        awaitSingleOpen("desk-quiet-2");
        assertThat(allFor("desk-quiet-1")).hasSize(1);
    }

    @Test
    void aDeviceThatReportsButDoesNotMoveAllMorningRaisesInactivity() {
        long senior = createSenior("郑玉梅");
        createDevice("desk-still-1", senior);
        createDevice("desk-still-2", senior);
        Instant nineAm = LocalDate.ofInstant(clock.instant(), CITY)
                .plusDays(2)
                .atTime(LocalTime.of(9, 0))
                .atZone(CITY)
                .toInstant();
        clock.set(nineAm);
        xadd(fix("desk-still-1", nineAm, 30.2741, 120.1551));
        xadd(fix("desk-still-2", nineAm, 30.2741, 120.1551));
        awaitStored("desk-still-2", "LOCATION");

        clock.advance(Duration.ofHours(2)); // 11:00: the second one walks 300 m
        xadd(fix("desk-still-2", clock.instant(), 30.2768, 120.1551));
        awaitStoredCount("desk-still-2", "LOCATION", 2);

        clock.advance(Duration.ofMinutes(125)); // 13:05: both still report, from where they are
        xadd(fix("desk-still-1", clock.instant(), 30.27411, 120.1551));
        xadd(fix("desk-still-2", clock.instant(), 30.27681, 120.1551));
        awaitStoredCount("desk-still-1", "LOCATION", 2);
        awaitStoredCount("desk-still-2", "LOCATION", 3);

        JsonNode alarm = awaitValue(() -> openFor("desk-still-1").stream()
                .filter(a -> a.get("type").asString().equals("INACTIVITY"))
                .findFirst()
                .orElse(null));
        assertThat(alarm.get("priority").asInt()).isEqualTo(2);
        assertThat(allFor("desk-still-2"))
                .noneMatch(a -> a.get("type").asString().equals("INACTIVITY"));
    }

    @Test
    void walksTheLifecycleAndRefusesIllegalSteps() {
        long senior = createSenior("冯德胜");
        createDevice("desk-life-1", senior);
        createDevice("desk-life-2", senior);
        createDevice("desk-life-3", senior);
        xadd(event("desk-life-1", "FALL", clock.instant()));
        long id = awaitSingleOpen("desk-life-1").get("id").asLong();
        String alarm = "/api/alarms/" + id;

        assertThat(admin().post(alarm + "/resolve", Map.of("outcome", "HELPED_ON_SITE"))
                        .status())
                .isEqualTo(409);
        assertThat(admin().post(alarm + "/on-scene").status()).isEqualTo(409);
        admin().post(alarm + "/acknowledge").expect(200);
        HttpApi.Response twice = admin().post(alarm + "/acknowledge");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("detail").asString()).contains("ACKNOWLEDGED", "cannot become ACKNOWLEDGED");
        assertThat(admin().post(alarm + "/dispatch", Map.of()).status()).isEqualTo(400);
        JsonNode dispatched = admin().post(alarm + "/dispatch", Map.of("responder", "王师傅", "note", "骑电动车"))
                .expect(200)
                .json();
        assertThat(dispatched.get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(dispatched.get("responder").asString()).isEqualTo("王师傅");
        admin().post(alarm + "/on-scene", Map.of("note", "已到门口")).expect(200);
        admin().post(alarm + "/notes", Map.of("note", "老人意识清醒")).expect(200);
        assertThat(admin().post(alarm + "/notes", Map.of("note", " ")).status()).isEqualTo(400);
        admin().post(alarm + "/calls", Map.of("to", "儿子 冯强", "result", "已接通，正在赶往医院"))
                .expect(200);
        assertThat(admin().post(alarm + "/resolve", Map.of("outcome", "BOGUS")).status())
                .isEqualTo(400);
        admin().post(alarm + "/resolve", Map.of("outcome", "taken_to_hospital", "note", "送往浙一医院"))
                .expect(200);
        assertThat(admin().post(alarm + "/cancel").status()).isEqualTo(409);
        assertThat(admin().post(alarm + "/false-alarm").status()).isEqualTo(409);

        JsonNode detail = admin().get(alarm).expect(200).json();
        assertThat(detail.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(detail.get("outcome").asString()).isEqualTo("TAKEN_TO_HOSPITAL");
        assertThat(detail.get("answeredBy").asString()).isEqualTo("admin");
        assertThat(detail.get("closedAt").isNull()).isFalse();
        assertThat(detail.get("timeline")
                        .valueStream()
                        .map(e -> e.get("action").asString() + "/"
                                + e.get("actor").asString()))
                .containsExactly(
                        "RAISED/device:desk-life-1",
                        "ACKNOWLEDGED/admin",
                        "DISPATCHED/admin",
                        "RESPONDER_ON_SCENE/admin",
                        "NOTE/admin",
                        "CALL/admin",
                        "RESOLVED/admin");
        assertThat(detail.get("timeline").valueStream())
                .allSatisfy(e -> assertThat(e.get("at").asString()).isNotBlank());
        assertThat(detail.get("timeline").get(6).get("note").asString()).isEqualTo("TAKEN_TO_HOSPITAL: 送往浙一医院");

        xadd(event("desk-life-2", "SOS", clock.instant()));
        long pressedByMistake = awaitSingleOpen("desk-life-2").get("id").asLong();
        assertThat(admin().post("/api/alarms/" + pressedByMistake + "/false-alarm", Map.of("note", "误按"))
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("FALSE_ALARM");
        xadd(event("desk-life-3", "SOS", clock.instant()));
        long cancelled = awaitSingleOpen("desk-life-3").get("id").asLong();
        admin().post("/api/alarms/" + cancelled + "/acknowledge").expect(200);
        assertThat(admin().post("/api/alarms/" + cancelled + "/cancel")
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("CANCELLED");
    }

    @Test
    void showsTheRecordWithDoorNotesOnlyOnAnOpenAlarmAndAuditsEveryView() {
        long senior = admin().post(
                        "/api/seniors",
                        Map.of(
                                "name", "沈桂香",
                                "address", "拱墅区湖墅南路 8 号 3 单元 502",
                                "lat", 30.28,
                                "lon", 120.16,
                                "birthDate", "1941-05-02",
                                "healthNotes", "高血压，房颤",
                                "medicines", "华法林 2.5mg 每日一次",
                                "allergies", "青霉素",
                                "doorNotes", "单元门密码 1234#，备用钥匙在物业",
                                "contacts",
                                        List.of(
                                                Map.of("name", "沈强", "relation", "儿子", "phone", "+8613900000101"),
                                                Map.of("name", "沈丽", "relation", "女儿", "phone", "+8613900000102"))))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        long other = createSenior("韩国强");
        createDevice("desk-rec-1", senior);
        createUser("family-shen", "family-pass-shen", "FAMILY", senior);
        createUser("family-han", "family-pass-han", "FAMILY", other);
        xadd(event("desk-rec-1", "SOS", clock.instant()));
        long id = awaitSingleOpen("desk-rec-1").get("id").asLong();
        String record = "/api/alarms/" + id + "/record";

        JsonNode shown = admin().get(record).expect(200).json();
        assertThat(shown.get("name").asString()).isEqualTo("沈桂香");
        // the desk's view of the record is in the audit log, naming the alarm it was opened for
        assertThat(admin().get("/api/audit?action=SENIOR_VIEWED&objectType=senior&objectId=" + senior)
                        .expect(200)
                        .json()
                        .valueStream()
                        .filter(e -> e.get("after") != null && !e.get("after").isNull())
                        .map(e -> e.get("actor").asString() + " "
                                + e.get("after").get("alarmId").asLong()))
                .containsExactly("admin " + id);
        assertThat(shown.get("age").asInt())
                .isEqualTo(
                        java.time.Period.between(LocalDate.of(1941, 5, 2), LocalDate.ofInstant(clock.instant(), CITY))
                                .getYears());
        assertThat(shown.get("medicines").asString()).isEqualTo("华法林 2.5mg 每日一次");
        assertThat(shown.get("allergies").asString()).isEqualTo("青霉素");
        assertThat(shown.get("contacts")
                        .valueStream()
                        .map(c ->
                                c.get("position").asInt() + " " + c.get("name").asString()))
                .containsExactly("1 沈强", "2 沈丽");
        assertThat(shown.get("doorNotes").asString()).isEqualTo("单元门密码 1234#，备用钥匙在物业");
        assertThat(shown.get("devices").get(0).get("battery").asInt()).isEqualTo(77);
        assertThat(shown.get("trail").size()).isEqualTo(1);

        JsonNode forFamily =
                as("family-shen", "family-pass-shen").get(record).expect(200).json();
        assertThat(forFamily.get("doorNotes").isNull()).isTrue();
        assertThat(as("family-han", "family-pass-han").get(record).status()).isEqualTo(403);

        admin().post("/api/alarms/" + id + "/acknowledge").expect(200);
        admin().post("/api/alarms/" + id + "/resolve", Map.of("outcome", "FAMILY_HANDLED"))
                .expect(200);
        assertThat(admin().get(record).expect(200).json().get("doorNotes").isNull())
                .isTrue();

        assertThat(admin().get("/api/seniors/" + senior + "/record-views")
                        .expect(200)
                        .json()
                        .valueStream()
                        .map(v -> v.get("username").asString() + ":"
                                + v.get("doorNotesShown").asBoolean()))
                .containsExactly("admin:false", "family-shen:false", "admin:true");
        assertThat(as("family-shen", "family-pass-shen")
                        .get("/api/seniors/" + senior + "/record-views")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void escalatesToSupervisorsThenCallsTheFamilyInOrderThroughTwilio() throws Exception {
        String supervisorPhone = "+8613700000201";
        admin().post(
                        "/api/users",
                        Map.of(
                                "username", "desk-supervisor",
                                "password", "supervisor-pass-1",
                                "role", "SUPERVISOR",
                                "displayName", "值班长",
                                "phone", supervisorPhone))
                .expect(201);
        String son = "+8613900000301";
        String daughter = "+8613900000302";
        long senior = admin().post(
                        "/api/seniors",
                        Map.of(
                                "name",
                                "陆秀英",
                                "address",
                                "上城区清波街 12 号",
                                "lat",
                                30.24,
                                "lon",
                                120.16,
                                "contacts",
                                List.of(
                                        Map.of("name", "陆明", "relation", "儿子", "phone", son),
                                        Map.of("name", "陆芳", "relation", "女儿", "phone", daughter))))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        createDevice("desk-esc-1", senior);
        xadd(event("desk-esc-1", "SOS", clock.instant()));
        long id = awaitSingleOpen("desk-esc-1").get("id").asLong();
        String alarm = "/api/alarms/" + id;

        clock.advance(Duration.ofSeconds(61));
        await(() -> actions(id).contains("ESCALATED"));
        assertThat(admin().get(alarm).json().get("escalated").asBoolean()).isTrue();
        FakeTwilio.Received supervisorSms = awaitValue(() -> TWILIO.to(supervisorPhone).stream()
                .filter(r -> r.form().get("Body").contains("#" + id + "（"))
                .findFirst()
                .orElse(null));
        long supervisorNote = notificationId(id, supervisorPhone, "SMS");
        assertThat(supervisorSms.path()).isEqualTo("/2010-04-01/Accounts/" + FakeTwilio.ACCOUNT_SID + "/Messages.json");
        assertThat(supervisorSms.authorization())
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString((FakeTwilio.ACCOUNT_SID + ":" + FakeTwilio.AUTH_TOKEN)
                                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(supervisorSms.form())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "To",
                        supervisorPhone,
                        "From",
                        FakeTwilio.FROM,
                        "Body",
                        "【安心12349】紧急呼叫报警 #" + id + "（陆秀英）已超过60秒未受理，请立即处理。",
                        "StatusCallback",
                        admin().baseUrl() + "/twilio/status/" + supervisorNote));
        await(() -> status(id, supervisorNote).equals("queued"));
        assertThat(TWILIO.to(son)).isEmpty();

        clock.advance(Duration.ofSeconds(120));
        await(() -> actions(id).contains("FAMILY_NOTIFIED"));
        await(() -> TWILIO.to(son).size() == 2 && TWILIO.to(daughter).size() == 1);
        FakeTwilio.Received sonSms = TWILIO.to(son).stream()
                .filter(r -> r.path().endsWith("/Messages.json"))
                .findFirst()
                .orElseThrow();
        assertThat(sonSms.form().get("Body")).startsWith("【安心12349】您的家人陆秀英于").contains("紧急呼叫报警", "上城区清波街 12 号");
        long sonCall = notificationId(id, son, "VOICE");
        FakeTwilio.Received call = TWILIO.to(son).stream()
                .filter(r -> r.path().endsWith("/Calls.json"))
                .findFirst()
                .orElseThrow();
        assertThat(call.form())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "To",
                        son,
                        "From",
                        FakeTwilio.FROM,
                        "Url",
                        admin().baseUrl() + "/twilio/voice/" + sonCall,
                        "StatusCallback",
                        admin().baseUrl() + "/twilio/status/" + sonCall));

        clock.advance(Duration.ofSeconds(121)); // the son did not press 1: the daughter is called
        await(() -> actions(id).contains("FAMILY_CALL"));
        await(() -> calls(daughter) == 1);
        long daughterCall = notificationId(id, daughter, "VOICE");
        String daughterSid = sid(id, daughterCall);

        // webhooks: refused unsigned or signed with another token, and nothing changes
        Map<String, String> pressed = Map.of("CallSid", daughterSid, "Digits", "1");
        assertThat(webhook("/twilio/gather/" + daughterCall, pressed, null).statusCode())
                .isEqualTo(403);
        assertThat(webhook("/twilio/gather/" + daughterCall, pressed, "another-token")
                        .statusCode())
                .isEqualTo(403);
        assertThat(actions(id)).doesNotContain("FAMILY_ACCEPTED");

        HttpResponse<String> script =
                webhook("/twilio/voice/" + daughterCall, Map.of("CallSid", daughterSid), FakeTwilio.AUTH_TOKEN);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body())
                .contains(
                        "<Gather",
                        "numDigits=\"1\"",
                        "language=\"zh-CN\"",
                        "/twilio/gather/" + daughterCall,
                        "陆秀英",
                        "请按1");
        HttpResponse<String> accepted = webhook("/twilio/gather/" + daughterCall, pressed, FakeTwilio.AUTH_TOKEN);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("正在前往");
        JsonNode detail = admin().get(alarm).json();
        assertThat(detail.get("familyAcceptedBy").asString()).isEqualTo("2. 陆芳 (女儿)");
        assertThat(detail.get("timeline")
                        .valueStream()
                        .filter(e -> e.get("action").asString().equals("FAMILY_ACCEPTED"))
                        .map(e -> e.get("actor").asString()))
                .containsExactly("family:2. 陆芳 (女儿)");

        String smsSid = sid(id, supervisorNote);
        assertThat(webhook(
                                "/twilio/status/" + supervisorNote,
                                Map.of("MessageSid", smsSid, "MessageStatus", "delivered"),
                                FakeTwilio.AUTH_TOKEN)
                        .statusCode())
                .isEqualTo(204);
        assertThat(status(id, supervisorNote)).isEqualTo("delivered");

        // someone is going: no more calls down the list, even when the gap passes again
        clock.advance(Duration.ofSeconds(121));
        escalation.tick();
        assertThat(actions(id).stream().filter("FAMILY_CALL"::equals)).hasSize(1);
        assertThat(calls(son) + calls(daughter)).isEqualTo(2);
    }

    @Test
    void reportsAnswerTimesAgainstTheAuditThresholds() {
        long senior = createSenior("曹建华");
        for (int i = 1; i <= 4; i++) {
            createDevice("desk-sla-" + i, senior);
        }
        Instant start = clock.advance(Duration.ofDays(3));
        for (int i = 1; i <= 4; i++) {
            xadd(event("desk-sla-" + i, "SOS", start));
        }
        long[] ids = new long[5];
        for (int i = 1; i <= 4; i++) {
            ids[i] = awaitSingleOpen("desk-sla-" + i).get("id").asLong();
        }
        clock.advance(Duration.ofSeconds(30));
        admin().post("/api/alarms/" + ids[1] + "/acknowledge").expect(200); // 30 s
        clock.advance(Duration.ofSeconds(60));
        admin().post("/api/alarms/" + ids[2] + "/false-alarm").expect(200); // 90 s
        clock.advance(Duration.ofSeconds(110));
        admin().post("/api/alarms/" + ids[3] + "/dispatch", Map.of("responder", "志愿者 小李"))
                .expect(200); // 200 s; the fourth is never answered
        Instant end = clock.advance(Duration.ofSeconds(1));

        JsonNode report = admin().get("/api/reports/answer-times?type=SOS&from=" + start + "&to=" + end)
                .expect(200)
                .json();
        assertThat(report.get("count").asInt()).isEqualTo(4);
        assertThat(report.get("answered").asInt()).isEqualTo(3);
        assertThat(report.get("unanswered").asInt()).isEqualTo(1);
        assertThat(report.get("within60sPercent").asDouble()).isEqualTo(25.0);
        assertThat(report.get("within180sPercent").asDouble()).isEqualTo(50.0);
        assertThat(report.get("medianSeconds").asDouble()).isEqualTo(90.0);
        assertThat(report.get("p90Seconds").asDouble()).isEqualTo(200.0);
        assertThat(report.get("meets60sTarget").asBoolean()).isFalse();
        assertThat(report.get("targets").get("within60sPercent").asDouble()).isEqualTo(97.5);
        assertThat(report.get("perOperator")
                        .valueStream()
                        .map(o -> o.get("operator").asString() + ":"
                                + o.get("count").asInt()))
                .containsExactly("admin:3");
        assertThat(report.get("perDay").size()).isEqualTo(1);
        assertThat(admin().get("/api/reports/answer-times?from=yesterday").status())
                .isEqualTo(400);
        createUser("family-cao2", "family-pass-cao2", "FAMILY", senior);
        assertThat(as("family-cao2", "family-pass-cao2")
                        .get("/api/reports/answer-times")
                        .status())
                .isEqualTo(403);
    }

    // --- helpers

    private Map<String, String> event(String deviceId, String type, Instant at) {
        return DeviceStream.entry(deviceId, type, at, at);
    }

    private Map<String, String> fix(String deviceId, Instant at, double lat, double lon) {
        Map<String, String> fields = event(deviceId, "LOCATION", at);
        fields.put("lat", Double.toString(lat));
        fields.put("lon", Double.toString(lon));
        return fields;
    }

    private void xadd(Map<String, String> fields) {
        DeviceStream.xadd(redis, fields);
    }

    private void awaitStored(String deviceId, String type) {
        awaitStoredCount(deviceId, type, 1);
    }

    private void awaitStoredCount(String deviceId, String type, int count) {
        await(() -> admin().get("/api/devices/" + deviceId + "/events")
                        .json()
                        .valueStream()
                        .filter(e -> type.equals(e.get("type").asString()))
                        .count()
                == count);
    }

    private List<JsonNode> allFor(String deviceId) {
        return admin().get("/api/alarms")
                .expect(200)
                .json()
                .valueStream()
                .filter(a -> a.get("deviceId").asString().equals(deviceId))
                .toList();
    }

    /** Open alarms of devices whose id starts with the prefix, in queue order. */
    private List<JsonNode> openFor(String prefix) {
        return admin().get("/api/alarms?status=OPEN")
                .expect(200)
                .json()
                .valueStream()
                .filter(a -> a.get("deviceId").asString().startsWith(prefix))
                .toList();
    }

    private JsonNode awaitSingleOpen(String deviceId) {
        await(() -> openFor(deviceId).size() == 1);
        List<JsonNode> open = openFor(deviceId);
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private List<String> actions(long alarmId) {
        return admin().get("/api/alarms/" + alarmId)
                .json()
                .get("timeline")
                .valueStream()
                .map(e -> e.get("action").asString())
                .toList();
    }

    private JsonNode notification(long alarmId, long notificationId) {
        return admin().get("/api/alarms/" + alarmId + "/notifications")
                .json()
                .valueStream()
                .filter(n -> n.get("id").asLong() == notificationId)
                .findFirst()
                .orElseThrow();
    }

    private long notificationId(long alarmId, String phone, String channel) {
        return admin().get("/api/alarms/" + alarmId + "/notifications")
                .json()
                .valueStream()
                .filter(n -> phone.equals(n.get("phone").asString())
                        && channel.equals(n.get("channel").asString()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
    }

    private String status(long alarmId, long notificationId) {
        return notification(alarmId, notificationId).get("status").asString();
    }

    private String sid(long alarmId, long notificationId) {
        await(() -> !notification(alarmId, notificationId).get("providerSid").isNull());
        return notification(alarmId, notificationId).get("providerSid").asString();
    }

    private long calls(String phone) {
        return TWILIO.to(phone).stream()
                .filter(r -> r.path().endsWith("/Calls.json"))
                .count();
    }

    /** A form POST as Twilio sends it, signed with {@code token} (none if null). */
    private HttpResponse<String> webhook(String path, Map<String, String> form, String token) throws Exception {
        String url = admin().baseUrl() + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        if (token != null) {
            request.header("X-Twilio-Signature", signature(token, url, form));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Twilio's documented scheme: Base64(HMAC-SHA1(token, url + each sorted name and value)). */
    private static String signature(String token, String url, Map<String, String> form) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
