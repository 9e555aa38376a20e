package org.anxin.platform.callcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.anxin.platform.FakeTwilio;
import org.anxin.platform.HttpApi;
import org.anxin.platform.MutableClock;
import org.anxin.platform.PlatformBase;
import org.anxin.platform.SseClient;
import org.anxin.platform.TwilioWebhook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The 12349 line on the embedded stack, driven as Twilio drives it: signed webhooks in, TwiML
 * out (asserted exactly), the real SDK's calls to a local fake Twilio. A context of its own, so
 * the duty roster and the supervisors are this class's alone.
 */
@Import(MutableClock.Config.class)
class CallCenterIT extends PlatformBase {
    private static final FakeTwilio TWILIO = new FakeTwilio();
    private static final Path DATA = newDataDir();
    private static final String LINE = "+8657112349";
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void line(DynamicPropertyRegistry registry) {
        embedded(registry, DATA);
        registry.add("anxin.twilio.account-sid", () -> FakeTwilio.ACCOUNT_SID);
        registry.add("anxin.twilio.auth-token", () -> FakeTwilio.AUTH_TOKEN);
        registry.add("anxin.twilio.from", () -> FakeTwilio.FROM);
        registry.add("anxin.twilio.api-base-url", TWILIO::baseUrl);
        registry.add("anxin.escalation.tick-ms", () -> "200");
        registry.add("anxin.notify.sweep-ms", () -> "1000");
        registry.add("anxin.callcenter.tick-ms", () -> "200");
    }

    private static final Set<String> USERS = ConcurrentHashMap.newKeySet();

    @AfterEach
    void everyoneOffDuty() {
        for (String user : USERS) {
            as(user, "pass-" + user).put("/api/calls/duty", Map.of("onDuty", false));
        }
    }

    @Test
    void anUnsignedInboundCallIsRefusedAndRecordsNothing() {
        String sid = sid();
        HttpResponse<String> unsigned = new TwilioWebhook(admin().baseUrl(), null)
                .post("/twilio/inbound", Map.of("CallSid", sid, "From", "+8613900000000", "To", LINE));
        HttpResponse<String> forged = new TwilioWebhook(admin().baseUrl(), "not-our-token")
                .post("/twilio/inbound", Map.of("CallSid", sid, "From", "+8613900000000", "To", LINE));

        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(admin().get("/api/calls?limit=1000").json().valueStream().map(c -> c.get("callSid")
                        .asString()))
                .doesNotContain(sid);
    }

    @Test
    void aCallFromASeniorsPhonePopsTheirRecordOnEveryConsoleBeforeAnyoneAnswers() throws Exception {
        long senior = senior("王秀英", "139-1234-0001", "高血压，糖尿病");
        String sid = sid();
        try (SseClient console = new SseClient(admin())) {
            Awaitility.await().until(() -> console.data("hello").size() == 1);

            HttpResponse<String> answer = twilio().post("/twilio/inbound", inbound(sid, "+8613912340001"));

            assertThat(answer.statusCode()).isEqualTo(200);
            long id = callId(sid);
            assertThat(answer.body())
                    .isEqualTo(XML + "<Response><Say language=\"zh-CN\">您好，这里是12349养老服务热线。</Say>"
                            + "<Gather action=\"" + base() + "/twilio/inbound/" + id
                            + "/menu\" actionOnEmptyResult=\"true\""
                            + " input=\"dtmf\" method=\"POST\" numDigits=\"1\" timeout=\"6\">"
                            + "<Say language=\"zh-CN\">紧急求助请按1，预约上门服务请按2，政策和补贴咨询请按3，人工服务请按0。</Say>"
                            + "</Gather></Response>");
            JsonNode pop = HttpApi.JSON.readTree(Awaitility.await()
                    .until(
                            () -> console.data("call").stream()
                                    .filter(d -> d.contains(sid))
                                    .findFirst()
                                    .orElse(null),
                            d -> d != null));
            assertThat(pop.get("call").get("callerKind").asString()).isEqualTo("SENIOR");
            assertThat(pop.get("call").get("callerName").asString()).isEqualTo("王秀英（老人）");
            assertThat(pop.get("call").get("status").asString()).isEqualTo("IN_IVR");
            assertThat(pop.get("senior").get("id").asLong()).isEqualTo(senior);
            assertThat(pop.get("senior").get("healthNotes").asString()).isEqualTo("高血压，糖尿病");
            assertThat(pop.get("senior").get("contacts").get(0).get("name").asString())
                    .isEqualTo("王秀英的女儿");
            assertThat(pop.get("senior").has("doorNotes")).isFalse();
            assertThat(pop.get("openAlarms").isArray()).isTrue();
            assertThat(pop.get("recentCalls").isArray()).isTrue();
        }
    }

    @Test
    void pressingOneFromAKnownSeniorRaisesPhoneSosAtOnceThenRingsTheOperatorOnDuty() {
        long senior = senior("李桂芳", "13912340002", null);
        operator("cc-op-a", "13700000001", true);
        String sid = sid();
        twilio().post("/twilio/inbound", inbound(sid, "+8613912340002"));
        long id = callId(sid);

        HttpResponse<String> menu = twilio().post("/twilio/inbound/" + id + "/menu", form(sid, "Digits", "1"));

        JsonNode alarm = admin().get("/api/alarms?status=OPEN")
                .json()
                .valueStream()
                .filter(a -> a.get("seniorId").asLong() == senior)
                .findFirst()
                .orElseThrow();
        assertThat(alarm.get("type").asString()).isEqualTo("PHONE_SOS");
        assertThat(alarm.get("priority").asInt()).isEqualTo(1);
        assertThat(alarm.get("status").asString()).isEqualTo("RAISED");
        assertThat(menu.body())
                .isEqualTo(XML + "<Response><Say language=\"zh-CN\">已为您发起紧急求助，正在为您优先转接值班员。</Say>"
                        + "<Dial action=\"" + base() + "/twilio/inbound/" + id + "/dialed\" answerOnBridge=\"true\""
                        + " method=\"POST\" timeout=\"20\"><Number method=\"POST\" url=\"" + base()
                        + "/twilio/inbound/" + id
                        + "/answered?operator=cc-op-a\">13700000001</Number></Dial></Response>");
        JsonNode ringing = call(id);
        assertThat(ringing.get("status").asString()).isEqualTo("RINGING");
        assertThat(ringing.get("ringing").asString()).isEqualTo("cc-op-a");
        assertThat(ringing.get("alarmId").asLong()).isEqualTo(alarm.get("id").asLong());
        assertThat(ringing.get("choice").asString()).isEqualTo("EMERGENCY");
        assertThat(ringing.get("priority").asInt()).isEqualTo(1);

        HttpResponse<String> whisper = twilio().post(
                        "/twilio/inbound/" + id + "/answered?operator=cc-op-a",
                        Map.of("CallSid", sid(), "ParentCallSid", sid, "CallStatus", "in-progress"));
        assertThat(whisper.body())
                .isEqualTo(XML + "<Response><Say language=\"zh-CN\">12349来电：李桂芳（老人）。</Say></Response>");
        assertThat(call(id).get("status").asString()).isEqualTo("ANSWERED");
        assertThat(call(id).get("answeredBy").asString()).isEqualTo("cc-op-a");
        assertThat(call(id).get("claimedBy").asString()).isEqualTo("cc-op-a");

        assertThat(twilio().post("/twilio/inbound/" + id + "/dialed", form(sid, "DialCallStatus", "completed"))
                        .body())
                .isEqualTo(XML + "<Response><Hangup/></Response>");
        assertThat(twilio().post("/twilio/calls/status", form(sid, "CallStatus", "completed", "CallDuration", "95"))
                        .statusCode())
                .isEqualTo(204);

        JsonNode done = admin().get("/api/calls/" + id).expect(200).json();
        assertThat(done.get("card").get("call").get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("card").get("call").get("durationSeconds").asInt()).isEqualTo(95);
        assertThat(done.get("card").get("call").get("ivrPath").asString()).isEqualTo("1");
        assertThat(done.get("card").get("call").get("callbackNeeded").asBoolean())
                .isFalse();
        assertThat(done.get("timeline").valueStream().map(e -> e.get("action").asString()))
                .containsExactly("ARRIVED", "PHONE_SOS", "QUEUED", "RINGING", "ANSWERED", "ENDED");
        assertThat(admin().get("/api/calls?seniorId=" + senior)
                        .json()
                        .valueStream()
                        .map(c -> c.get("id").asLong()))
                .containsExactly(id);
    }

    @Test
    void anUnknownCallerIsQueuedAsUnknownAndAnUnknownEmergencyGoesToTheHeadOfTheQueue() {
        operator("cc-op-b", "13700000002", true);
        String first = sid();
        twilio().post("/twilio/inbound", inbound(first, "+8613911110000"));
        long busy = callId(first);
        twilio().post("/twilio/inbound/" + busy + "/menu", form(first, "Digits", "2"));
        twilio().post(
                        "/twilio/inbound/" + busy + "/answered?operator=cc-op-b",
                        Map.of("CallSid", sid(), "ParentCallSid", first));

        String waiting = sid();
        twilio().post("/twilio/inbound", inbound(waiting, "+8613922220000"));
        long queued = callId(waiting);
        HttpResponse<String> held = twilio().post("/twilio/inbound/" + queued + "/menu", form(waiting, "Digits", ""));

        assertThat(held.body())
                .isEqualTo(XML + "<Response><Say language=\"zh-CN\">正在为您转接，请稍候。</Say>"
                        + "<Say language=\"zh-CN\">坐席正忙，您前面还有0位，请稍候。</Say><Pause length=\"10\"/>"
                        + "<Redirect method=\"POST\">" + base() + "/twilio/inbound/" + queued + "/wait</Redirect>"
                        + "</Response>");
        JsonNode unknown = call(queued);
        assertThat(unknown.get("callerKind").asString()).isEqualTo("UNKNOWN");
        assertThat(unknown.get("callerName").asString()).isEqualTo("未知来电");
        assertThat(unknown.get("status").asString()).isEqualTo("QUEUED");
        assertThat(unknown.get("choice").asString()).isEqualTo("OPERATOR");
        assertThat(unknown.get("ivrPath").asString()).isEqualTo("-");

        String urgent = sid();
        twilio().post("/twilio/inbound", inbound(urgent, "+8613933330000"));
        long emergency = callId(urgent);
        assertThat(twilio().post("/twilio/inbound/" + emergency + "/menu", form(urgent, "Digits", "1"))
                        .body())
                .contains("坐席正忙，您前面还有0位");
        assertThat(twilio().post("/twilio/inbound/" + queued + "/wait", form(waiting))
                        .body())
                .contains("坐席正忙，您前面还有1位");
        assertThat(admin().get("/api/alarms?status=OPEN").json().valueStream().map(a -> a.get("detail")
                        .asString()))
                .noneMatch(d -> d != null && d.contains("13933330000"));

        twilio().post("/twilio/inbound/" + busy + "/dialed", form(first, "DialCallStatus", "completed"));

        assertThat(twilio().post("/twilio/inbound/" + queued + "/wait", form(waiting))
                        .body())
                .contains("坐席正忙，您前面还有1位");
        assertThat(twilio().post("/twilio/inbound/" + emergency + "/wait", form(urgent))
                        .body())
                .contains("<Number method=\"POST\" url=\"" + base() + "/twilio/inbound/" + emergency
                        + "/answered?operator=cc-op-b\">13700000002</Number>");
        hangUp(queued, waiting);
        hangUp(emergency, urgent);
    }

    @Test
    void anUnansweredCallRingsTheNextOperatorThenTheSupervisorsThenPromisesACallBack() {
        operator("cc-op-a", "13700000001", true);
        operator("cc-op-c", "13700000003", true);
        createUserWithPhone("cc-super", "SUPERVISOR", "13600000009");
        String sid = sid();
        twilio().post("/twilio/inbound", inbound(sid, "+8613944440000"));
        long id = callId(sid);

        String first = twilio().post("/twilio/inbound/" + id + "/menu", form(sid, "Digits", "3"))
                .body();
        String firstRung = first.contains("13700000001") ? "cc-op-a" : "cc-op-c";
        String second = twilio().post("/twilio/inbound/" + id + "/dialed", form(sid, "DialCallStatus", "no-answer"))
                .body();
        String third = twilio().post("/twilio/inbound/" + id + "/dialed", form(sid, "DialCallStatus", "busy"))
                .body();
        String last = twilio().post("/twilio/inbound/" + id + "/dialed", form(sid, "DialCallStatus", "no-answer"))
                .body();

        assertThat(second).contains(firstRung.equals("cc-op-a") ? ">13700000003</Number>" : ">13700000001</Number>");
        assertThat(third)
                .contains("<Number method=\"POST\" url=\"" + base() + "/twilio/inbound/" + id
                        + "/answered?operator=cc-super\">13600000009</Number>")
                .doesNotContain("13700000001")
                .doesNotContain("13700000003");
        assertThat(last)
                .isEqualTo(XML + "<Response><Say language=\"zh-CN\">很抱歉，暂时无人接听。我们已记录您的来电，会尽快给您回电。再见。</Say>"
                        + "<Hangup/></Response>");
        JsonNode missed = call(id);
        assertThat(missed.get("status").asString()).isEqualTo("MISSED");
        assertThat(missed.get("callbackNeeded").asBoolean()).isTrue();
        assertThat(missed.get("choice").asString()).isEqualTo("POLICY");
        assertThat(admin().get("/api/calls/live").json().valueStream().map(c -> c.get("call")
                        .get("id")
                        .asLong()))
                .contains(id);
        assertThat(admin().get("/api/calls/" + id)
                        .json()
                        .get("timeline")
                        .valueStream()
                        .map(e -> e.get("action").asString()))
                .containsExactly(
                        "ARRIVED",
                        "QUEUED",
                        "RINGING",
                        "NOT_ANSWERED",
                        "RINGING",
                        "NOT_ANSWERED",
                        "OVERFLOW",
                        "NOT_ANSWERED",
                        "GAVE_UP");

        HttpApi operator = as("cc-op-a", "pass-cc-op-a");
        assertThat(operator.post("/api/calls/" + id + "/called-back", Map.of("note", "回拨"))
                        .status())
                .isEqualTo(409);
        operator.post("/api/calls/" + id + "/claim").expect(200);
        assertThat(as("cc-op-c", "pass-cc-op-c")
                        .post("/api/calls/" + id + "/claim")
                        .status())
                .isEqualTo(409);
        operator.post("/api/calls/" + id + "/called-back", Map.of("note", "已回拨，老人询问补贴"))
                .expect(200);
        assertThat(call(id).get("callbackNeeded").asBoolean()).isFalse();
    }

    @Test
    void withNobodyOnDutyTheCallerHearsTheyWillBeCalledBackNeverSilence() {
        String sid = sid();
        twilio().post("/twilio/inbound", inbound(sid, "+8613955550000"));
        long id = callId(sid);
        // the supervisor of another test may be there: let them be rung and not answer
        String menu = twilio().post("/twilio/inbound/" + id + "/menu", form(sid, "Digits", "0"))
                .body();
        String end = menu.contains("<Dial")
                ? twilio().post("/twilio/inbound/" + id + "/dialed", form(sid, "DialCallStatus", "no-answer"))
                        .body()
                : menu;

        assertThat(end).endsWith("会尽快给您回电。再见。</Say><Hangup/></Response>");
        assertThat(call(id).get("callbackNeeded").asBoolean()).isTrue();
    }

    @Test
    void theDesksEscalationCallToAFamilyMemberIsRecordedAsAnOutboundCall() {
        long senior = senior("赵玉梅", "13912340003", null);
        String sid = sid();
        twilio().post("/twilio/inbound", inbound(sid, "+8613912340003"));
        long inboundId = callId(sid);
        twilio().post("/twilio/inbound/" + inboundId + "/menu", form(sid, "Digits", "1"));
        long alarmId = call(inboundId).get("alarmId").asLong();
        hangUp(inboundId, sid);

        clock.advance(Duration.ofMinutes(4)); // past anxin.escalation.family-after: the first contact is called

        JsonNode outbound = Awaitility.await()
                .until(
                        () -> admin().get("/api/calls?direction=OUTBOUND&seniorId=" + senior)
                                .json()
                                .valueStream()
                                .findFirst()
                                .orElse(null),
                        c -> c != null);
        assertThat(outbound.get("to").asString()).isEqualTo("13812340003");
        assertThat(outbound.get("from").asString()).isEqualTo(FakeTwilio.FROM);
        assertThat(outbound.get("purpose").asString()).isEqualTo("FAMILY_CALL");
        assertThat(outbound.get("callerKind").asString()).isEqualTo("FAMILY");
        assertThat(outbound.get("alarmId").asLong()).isEqualTo(alarmId);
        assertThat(outbound.get("status").asString()).isEqualTo("QUEUED");
        String callSid = outbound.get("callSid").asString();
        assertThat(TWILIO.to("13812340003").stream()
                        .filter(r -> r.path().endsWith("/Calls.json"))
                        .count())
                .isEqualTo(1);

        long notification = outbound.get("notificationId").asLong();
        assertThat(twilio().post(
                                "/twilio/status/" + notification,
                                form(callSid, "CallStatus", "completed", "CallDuration", "31"))
                        .statusCode())
                .isEqualTo(204);

        JsonNode done = call(outbound.get("id").asLong());
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("durationSeconds").asInt()).isEqualTo(31);
        assertThat(done.get("callbackNeeded").asBoolean()).isFalse();
    }

    @Test
    void familyAndRespondersMayNotReadCallsOrTickets() {
        long senior = senior("钱淑珍", "13912340004", null);
        createUser("cc-family", "pass-cc-family", "FAMILY", senior);
        createUser("cc-responder", "pass-cc-responder", "RESPONDER");
        for (HttpApi user : List.of(as("cc-family", "pass-cc-family"), as("cc-responder", "pass-cc-responder"))) {
            assertThat(user.get("/api/calls").status()).isEqualTo(403);
            assertThat(user.get("/api/calls/live").status()).isEqualTo(403);
            assertThat(user.get("/api/calls/1").status()).isEqualTo(403);
            assertThat(user.get("/api/tickets").status()).isEqualTo(403);
            assertThat(user.get("/api/tickets/1").status()).isEqualTo(403);
            assertThat(user.post("/api/tickets", Map.of("kind", "CONSULTATION", "category", "POLICY", "summary", "x"))
                            .status())
                    .isEqualTo(403);
        }
    }

    @Test
    void aWorkOrderBooksAHomeVisitAndRaisesAnAlarmForItsSeniorOnceEach() {
        long senior = senior("钱桂兰", "13912340006", null);
        operator("cc-op-b", "13700000002", false);
        HttpApi operator = as("cc-op-b", "pass-cc-op-b");
        long id = operator.post(
                        "/api/tickets",
                        Map.of("seniorId", senior, "kind", "TRACKING", "category", "VISIT", "summary", "独居，想约助浴"))
                .expect(201)
                .json()
                .get("ticket")
                .get("id")
                .asLong();
        JsonNode item = admin().get("/api/catalog")
                .expect(200)
                .json()
                .valueStream()
                .flatMap(c -> c.get("items").valueStream())
                .findFirst()
                .orElseThrow();
        Instant from =
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofDays(2));
        Map<String, Object> visit = Map.of(
                "itemId",
                item.get("id").asLong(),
                "window",
                Map.of(
                        "from",
                        from.toString(),
                        "to",
                        from.plus(Duration.ofHours(2)).toString()));

        JsonNode booked = operator.post("/api/tickets/" + id + "/order", visit)
                .expect(200)
                .json();
        long orderId = booked.get("ticket").get("orderId").asLong();
        JsonNode order = admin().get("/api/orders/" + orderId).expect(200).json();
        assertThat(order.get("seniorId").asLong()).isEqualTo(senior);
        assertThat(order.get("itemName").asString()).isEqualTo(item.get("name").asString());
        assertThat(order.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(operator.post("/api/tickets/" + id + "/order", visit).status())
                .isEqualTo(409);
        assertThat(operator.post("/api/tickets/" + id + "/order", Map.of("window", visit.get("window")))
                        .status())
                .isEqualTo(400);

        JsonNode raised = operator.post("/api/tickets/" + id + "/alarm", Map.of("detail", "老人在电话里说胸口痛"))
                .expect(200)
                .json();
        long alarmId = raised.get("ticket").get("alarmId").asLong();
        JsonNode alarm = admin().get("/api/alarms/" + alarmId).expect(200).json();
        assertThat(alarm.get("type").asString()).isEqualTo("PHONE_SOS");
        assertThat(alarm.get("seniorId").asLong()).isEqualTo(senior);
        assertThat(alarm.get("priority").asInt()).isEqualTo(1);
        assertThat(alarm.get("detail").asString()).contains("工单 #" + id).contains("胸口痛");
        assertThat(operator.post("/api/tickets/" + id + "/alarm", Map.of("detail", "again"))
                        .status())
                .isEqualTo(409);
        assertThat(actions(id)).containsExactly("CREATED", "ORDER_BOOKED", "ALARM_RAISED");

        long anonymous = operator.post(
                        "/api/tickets", Map.of("kind", "CONSULTATION", "category", "POLICY", "summary", "匿名咨询"))
                .expect(201)
                .json()
                .get("ticket")
                .get("id")
                .asLong();
        assertThat(operator.post("/api/tickets/" + anonymous + "/alarm", Map.of("detail", "x"))
                        .status())
                .isEqualTo(409);
        assertThat(operator.post("/api/tickets/" + anonymous + "/order", visit).status())
                .isEqualTo(409);
        assertThat(actions(anonymous)).containsExactly("CREATED");
    }

    @Test
    void aConsultationOpenedOnTheCallIsClosedWithItsAnswerAndIllegalStepsAre409() {
        long senior = senior("孙凤英", "13912340005", null);
        String sid = sid();
        twilio().post("/twilio/inbound", inbound(sid, "+8613912340005"));
        long callId = callId(sid);
        hangUp(callId, sid);
        operator("cc-op-a", "13700000001", false);
        HttpApi operator = as("cc-op-a", "pass-cc-op-a");

        JsonNode created = operator.post(
                        "/api/tickets",
                        Map.of("callId", callId, "kind", "CONSULTATION", "category", "SUBSIDY", "summary", "问高龄补贴"))
                .expect(201)
                .json();
        long id = created.get("ticket").get("id").asLong();
        assertThat(created.get("ticket").get("seniorId").asLong()).isEqualTo(senior);
        assertThat(created.get("ticket").get("status").asString()).isEqualTo("OPEN");
        assertThat(created.get("ticket").get("sla").asString()).isEqualTo("NONE");

        assertThat(operator.post("/api/tickets/" + id + "/refer", Map.of("to", "社区"))
                        .status())
                .isEqualTo(409);
        assertThat(operator.post("/api/tickets", Map.of("kind", "CONSULTATION", "category", "HOSPITAL", "summary", "x"))
                        .status())
                .isEqualTo(400);
        JsonNode closed = operator.post("/api/tickets/" + id + "/close", Map.of("resolution", "已告知申请流程"))
                .expect(200)
                .json();
        assertThat(closed.get("ticket").get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("timeline").valueStream().map(e -> e.get("action").asString()))
                .containsExactly("CREATED", "CLOSED", "EVALUATION_ASKED");
        assertThat(closed.get("timeline").get(1).get("actor").asString()).isEqualTo("cc-op-a");
        assertThat(operator.post("/api/tickets/" + id + "/close", Map.of("resolution", "again"))
                        .status())
                .isEqualTo(409);
        // the caller is called back and asked for a score (评估): they press 4
        FakeTwilio.Received ask = awaitCall("+8613912340005", 1);
        long askNotification = notificationOf(ask);
        String askSid = Awaitility.await().until(() -> sidOf(askNotification), s -> s != null);
        assertThat(twilio().post("/twilio/voice/" + askNotification, form(askSid))
                        .body())
                .contains(TicketEvaluations.SCRIPT);
        assertThat(twilio().post("/twilio/gather/" + askNotification, form(askSid, "Digits", "4"))
                        .body())
                .contains("谢谢您的评价");
        JsonNode scored = admin().get("/api/tickets?kind=EVALUATION&seniorId=" + senior)
                .json()
                .get(0);
        assertThat(scored.get("satisfaction").asInt()).isEqualTo(4);
        assertThat(scored.get("status").asString()).isEqualTo("CLOSED");
        assertThat(scored.get("callId").asLong()).isEqualTo(callId);
        assertThat(actions(id)).containsExactly("CREATED", "CLOSED", "EVALUATION_ASKED", "EVALUATED");
        assertThat(admin().get("/api/calls/" + callId)
                        .json()
                        .get("tickets")
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(id);

        JsonNode evaluation = operator.post(
                        "/api/tickets",
                        Map.of(
                                "seniorId",
                                senior,
                                "kind",
                                "EVALUATION",
                                "category",
                                "SATISFACTION",
                                "summary",
                                "对咨询的满意度"))
                .expect(201)
                .json();
        long evalId = evaluation.get("ticket").get("id").asLong();
        assertThat(operator.post("/api/tickets/" + evalId + "/evaluation", Map.of("score", 6))
                        .status())
                .isEqualTo(400);
        assertThat(operator.post("/api/tickets/" + evalId + "/evaluation", Map.of("score", 5))
                        .expect(200)
                        .json()
                        .get("ticket")
                        .get("satisfaction")
                        .asInt())
                .isEqualTo(5);
    }

    @Test
    void aReferralNotAcceptedInTimeRemindsItsOwnerOnce() {
        operator("cc-op-c", "13700000003", false);
        HttpApi operator = as("cc-op-c", "pass-cc-op-c");
        long id = operator.post(
                        "/api/tickets", Map.of("kind", "REFERRAL", "category", "HOSPITAL", "summary", "转介市一医院复诊"))
                .expect(201)
                .json()
                .get("ticket")
                .get("id")
                .asLong();
        assertThat(operator.post("/api/tickets/" + id + "/accept", Map.of("by", "张医生"))
                        .status())
                .isEqualTo(409);
        JsonNode referred = operator.post("/api/tickets/" + id + "/refer", Map.of("to", "市一医院"))
                .expect(200)
                .json()
                .get("ticket");
        assertThat(referred.get("status").asString()).isEqualTo("REFERRED");
        assertThat(referred.get("sla").asString()).isEqualTo("ON_TIME");

        clock.advance(Duration.ofHours(23));
        timers.tick();
        assertThat(actions(id)).doesNotContain("REMINDER");

        clock.advance(Duration.ofHours(2));
        timers.tick();
        timers.tick();

        assertThat(actions(id)).containsOnlyOnce("REMINDER");
        assertThat(ticket(id).get("sla").asString()).isEqualTo("OVERDUE");
        Awaitility.await().until(() -> TWILIO.to("13700000003").stream()
                .anyMatch(r -> r.path().endsWith("/Messages.json")
                        && r.form().get("Body").contains("转介工单 #" + id)));
        operator.post("/api/tickets/" + id + "/accept", Map.of("by", "市一医院张医生")).expect(200);
        assertThat(ticket(id).get("sla").asString()).isEqualTo("MISSED");
    }

    @Test
    void aTrackingTaskGoesOverdueOnTheClockAndIsListedAsSuch() {
        operator("cc-op-b", "13700000002", false);
        HttpApi operator = as("cc-op-b", "pass-cc-op-b");
        long id = operator.post(
                        "/api/tickets",
                        Map.of(
                                "kind", "TRACKING",
                                "category", "CALL_BACK",
                                "summary", "三天后回访用药情况",
                                "dueAt",
                                        clock.instant()
                                                .plus(Duration.ofHours(1))
                                                .toString()))
                .expect(201)
                .json()
                .get("ticket")
                .get("id")
                .asLong();
        timers.tick();
        assertThat(ticket(id).get("sla").asString()).isEqualTo("ON_TIME");
        assertThat(actions(id)).doesNotContain("OVERDUE");

        clock.advance(Duration.ofMinutes(61));
        timers.tick();

        assertThat(actions(id)).containsOnlyOnce("OVERDUE");
        assertThat(ticket(id).get("sla").asString()).isEqualTo("OVERDUE");
        assertThat(operator.get("/api/tickets?kind=TRACKING&sla=OVERDUE&mine=true")
                        .json()
                        .valueStream()
                        .map(t -> t.get("id").asLong()))
                .containsExactly(id);
    }

    @Test
    void aCareCallWithNoAnswerIsRetriedThenRaisesCareCheckWhileAPressedOneIsLogged() {
        long quiet = senior("周桂英", "13912340006", null);
        long fine = senior("吴秀兰", "13912340007", null);
        ZoneId city = ZoneId.of("Asia/Shanghai");
        LocalDate tomorrow = LocalDate.ofInstant(clock.instant(), city).plusDays(1);
        // a window that does not hold the city's time now, so the first call is tomorrow's
        int hour = clock.instant().atZone(city).getHour() >= 8
                        && clock.instant().atZone(city).getHour() <= 10
                ? 15
                : 9;
        String start = String.format(java.util.Locale.ROOT, "%02d:00", hour);
        String end = String.format(java.util.Locale.ROOT, "%02d:00", hour + 1);
        for (long senior : List.of(quiet, fine)) {
            JsonNode schedule = admin().post(
                            "/api/care-calls/schedules",
                            Map.of(
                                    "seniorId", senior,
                                    "frequency", "DAILY",
                                    "windowStart", start,
                                    "windowEnd", end))
                    .expect(201)
                    .json();
            assertThat(Instant.parse(schedule.get("nextDueAt").asString()))
                    .isAfter(clock.instant())
                    .isBeforeOrEqualTo(tomorrow.atTime(hour, 0).atZone(city).toInstant());
        }
        clock.set(tomorrow.atTime(hour, 0).atZone(city).toInstant());

        care.tick();

        FakeTwilio.Received firstCall = awaitCall("13912340006", 1);
        assertThat(firstCall.form().get("From")).isEqualTo(FakeTwilio.FROM);
        assertThat(firstCall.form().get("Url")).matches(".*/twilio/voice/\\d+");
        FakeTwilio.Received fineCall = awaitCall("13912340007", 1);
        long fineNotification = notificationOf(fineCall);
        String fineSid = Awaitility.await().until(() -> sidOf(fineNotification), s -> s != null);
        assertThat(twilio().post("/twilio/voice/" + fineNotification, form(fineSid))
                        .body())
                .contains("请按1表示您一切安好")
                .contains("没有收到按键。我们稍后会再给您打电话。再见。");
        assertThat(twilio().post("/twilio/gather/" + fineNotification, form(fineSid, "Digits", "1"))
                        .body())
                .contains("谢谢，已记录您一切安好。");

        long quietNotification = notificationOf(firstCall);
        String quietSid = Awaitility.await().until(() -> sidOf(quietNotification), s -> s != null);
        twilio().post("/twilio/status/" + quietNotification, form(quietSid, "CallStatus", "no-answer"));
        care.tick();
        assertThat(check(quiet).get("status").asString()).isEqualTo("RETRY");
        assertThat(check(fine).get("status").asString()).isEqualTo("OK");
        assertThat(check(fine).get("digits").asString()).isEqualTo("1");

        clock.advance(Duration.ofMinutes(15)); // ANXIN_CARE_RETRY_AFTER
        care.tick();
        FakeTwilio.Received retry = awaitCall("13912340006", 2);
        long retryNotification = notificationOf(retry);
        String retrySid = Awaitility.await().until(() -> sidOf(retryNotification), s -> s != null);
        twilio().post("/twilio/status/" + retryNotification, form(retrySid, "CallStatus", "busy"));
        care.tick();

        JsonNode given = check(quiet);
        assertThat(given.get("status").asString()).isEqualTo("NO_ANSWER");
        assertThat(given.get("attempts").asInt()).isEqualTo(2);
        JsonNode alarm = admin().get("/api/alarms/" + given.get("alarmId").asLong())
                .expect(200)
                .json();
        assertThat(alarm.get("type").asString()).isEqualTo("CARE_CHECK");
        assertThat(alarm.get("seniorId").asLong()).isEqualTo(quiet);
        assertThat(alarm.get("priority").asInt()).isEqualTo(2);
        assertThat(check(fine).get("alarmId").isNull()).isTrue();
        assertThat(awaitCall("13912340007", 1)).isNotNull();
        assertThat(admin().get("/api/calls?direction=OUTBOUND&seniorId=" + quiet)
                        .json()
                        .valueStream()
                        .map(c -> c.get("purpose").asString()))
                .containsExactly("CARE_CHECK", "CARE_CHECK");
    }

    @Test
    void careCallsAreForSeniorsAloneOrInEmptyNestHomesOneScheduleAtATime() {
        long withFamily = senior("郑淑珍", "13912340016", null);
        long alone = senior("冯玉兰", "13912340017", null);
        admin().put("/api/seniors/" + withFamily, Map.of("livingSituation", "WITH_FAMILY"))
                .expect(200);
        admin().put("/api/seniors/" + alone, Map.of("livingSituation", "LIVES_ALONE"))
                .expect(200);
        Map<String, Object> daily = Map.of("frequency", "DAILY", "windowStart", "09:00", "windowEnd", "10:00");

        admin().post("/api/care-calls/schedules", with(daily, "seniorId", withFamily))
                .expect(409);
        long first = admin().post("/api/care-calls/schedules", with(daily, "seniorId", alone))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        admin().post("/api/care-calls/schedules", with(daily, "seniorId", alone))
                .expect(409);
        assertThat(admin().get("/api/care-calls/schedules?seniorId=" + withFamily)
                        .json()
                        .size())
                .isZero();

        admin().post("/api/care-calls/schedules/" + first + "/stop", Map.of()).expect(200);
        admin().post("/api/care-calls/schedules", with(daily, "seniorId", alone))
                .expect(201);
        assertThat(admin().get("/api/care-calls/schedules?seniorId=" + alone)
                        .json()
                        .valueStream()
                        .map(s -> s.get("active").asBoolean()))
                .containsExactly(false, true);
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    @Test
    void theReportCountsAnswerSpeedAbandonmentAndWorkOrdersOfTheDayAndItsCsvHasTheDay() {
        clock.advance(Duration.ofDays(30)); // a day of its own
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        operator("cc-op-a", "13700000001", true);
        answeredAfter(Duration.ofSeconds(10), "+8613966660001");
        answeredAfter(Duration.ofSeconds(30), "+8613966660002");
        operator("cc-op-a", "13700000001", false);
        String hungUp = sid();
        twilio().post("/twilio/inbound", inbound(hungUp, "+8613966660003"));
        long abandoned = callId(hungUp);
        twilio().post("/twilio/inbound/" + abandoned + "/menu", form(hungUp, "Digits", "2"));
        twilio().post("/twilio/calls/status", form(hungUp, "CallStatus", "completed", "CallDuration", "40"));
        long consultation = admin().post(
                        "/api/tickets", Map.of("kind", "CONSULTATION", "category", "SUBSIDY", "summary", "报表"))
                .expect(201)
                .json()
                .get("ticket")
                .get("id")
                .asLong();
        admin().post("/api/tickets/" + consultation + "/close", Map.of("resolution", "已答复"))
                .expect(200);
        admin().post(
                        "/api/tickets",
                        Map.of("kind", "EVALUATION", "category", "SATISFACTION", "summary", "评价", "satisfaction", 4))
                .expect(201);
        createUser("cc-bureau", "pass-cc-bureau", "BUREAU");

        JsonNode report = as("cc-bureau", "pass-cc-bureau")
                .get("/api/reports/calls?from=" + day + "&to=" + day)
                .expect(200)
                .json();

        JsonNode total = report.get("total");
        assertThat(total.get("inbound").asInt()).isEqualTo(3);
        assertThat(total.get("queued").asInt()).isEqualTo(3);
        assertThat(total.get("answered").asInt()).isEqualTo(2);
        assertThat(total.get("abandoned").asInt()).isEqualTo(1);
        assertThat(total.get("abandonmentPercent").asDouble()).isEqualTo(33.3);
        assertThat(total.get("answeredWithin20sPercent").asDouble()).isEqualTo(33.3);
        assertThat(total.get("averageAnswerSeconds").asDouble()).isEqualTo(20.0);
        assertThat(total.get("p90AnswerSeconds").asDouble()).isEqualTo(28.0);
        assertThat(report.get("perDay").get(0).get("day").asString()).isEqualTo(day.toString());
        assertThat(report.get("ticketsByKindCategoryStatus")
                        .valueStream()
                        .map(t -> t.get("kind").asString() + "/"
                                + t.get("category").asString() + "/"
                                + t.get("status").asString() + "="
                                + t.get("count").asInt()))
                .containsExactly("CONSULTATION/SUBSIDY/CLOSED=1", "EVALUATION/SATISFACTION/CLOSED=1");
        assertThat(report.get("evaluations").get("averageScore").asDouble()).isEqualTo(4.0);
        assertThat(report.get("evaluations").get("perScore").valueStream().map(JsonNode::asInt))
                .containsExactly(0, 0, 0, 1, 0);
        HttpApi.Response csv = admin().get("/api/reports/calls.csv?from=" + day + "&to=" + day);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().split("\r\n")).hasSize(2).satisfies(lines -> assertThat(lines[1])
                .matches(day + ",3,\\d+,3,2,1,33.3,33.3,20.0,28.0"));
        createUser("cc-responder-r", "pass-cc-responder-r", "RESPONDER");
        assertThat(as("cc-responder-r", "pass-cc-responder-r")
                        .get("/api/reports/calls")
                        .status())
                .isEqualTo(403);
    }

    // --- helpers

    /** An inbound call the operator on duty answers after {@code wait} in the queue, then ends. */
    private void answeredAfter(Duration wait, String from) {
        String sid = sid();
        twilio().post("/twilio/inbound", inbound(sid, from));
        long id = callId(sid);
        assertThat(twilio().post("/twilio/inbound/" + id + "/menu", form(sid, "Digits", "0"))
                        .body())
                .contains("operator=cc-op-a");
        clock.advance(wait);
        twilio().post(
                        "/twilio/inbound/" + id + "/answered?operator=cc-op-a",
                        Map.of("CallSid", sid(), "ParentCallSid", sid));
        twilio().post("/twilio/inbound/" + id + "/dialed", form(sid, "DialCallStatus", "completed"));
        twilio().post("/twilio/calls/status", form(sid, "CallStatus", "completed", "CallDuration", "60"));
    }

    @Autowired
    CareCalls care;

    private JsonNode check(long seniorId) {
        return admin().get("/api/care-calls/checks?seniorId=" + seniorId)
                .expect(200)
                .json()
                .get(0);
    }

    /** Waits for the {@code n}th call to the number, and returns it; only n calls are there. */
    private static FakeTwilio.Received awaitCall(String phone, int n) {
        Awaitility.await().until(() -> calls(phone).size() >= n);
        assertThat(calls(phone)).hasSize(n);
        return calls(phone).get(n - 1);
    }

    private static List<FakeTwilio.Received> calls(String phone) {
        return TWILIO.to(phone).stream()
                .filter(r -> r.path().endsWith("/Calls.json"))
                .toList();
    }

    private static long notificationOf(FakeTwilio.Received call) {
        String url = call.form().get("Url");
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    private String sidOf(long notificationId) {
        return admin().get("/api/calls?direction=OUTBOUND&limit=1000")
                .json()
                .valueStream()
                .filter(c -> c.get("notificationId").asLong() == notificationId)
                .map(c -> c.get("callSid").asString())
                .findFirst()
                .orElse(null);
    }

    @Autowired
    TicketTimers timers;

    private JsonNode ticket(long id) {
        return admin().get("/api/tickets/" + id).expect(200).json().get("ticket");
    }

    private List<String> actions(long ticketId) {
        return admin().get("/api/tickets/" + ticketId)
                .expect(200)
                .json()
                .get("timeline")
                .valueStream()
                .map(e -> e.get("action").asString())
                .toList();
    }

    private long senior(String name, String phone, String healthNotes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("phone", phone);
        body.put("address", "西湖区文三路 1 号");
        body.put("lat", 30.27);
        body.put("lon", 120.15);
        body.put("birthDate", "1946-03-01");
        if (healthNotes != null) {
            body.put("healthNotes", healthNotes);
        }
        body.put("doorNotes", "钥匙在门口花盆下");
        body.put(
                "contacts",
                List.of(Map.of("name", name + "的女儿", "relation", "女儿", "phone", "138" + phone.substring(3))));
        return admin().post("/api/seniors", body).expect(201).json().get("id").asLong();
    }

    private void operator(String username, String phone, boolean onDuty) {
        createUserWithPhone(username, "OPERATOR", phone);
        as(username, "pass-" + username)
                .put("/api/calls/duty", Map.of("onDuty", onDuty))
                .expect(200);
    }

    private void createUserWithPhone(String username, String role, String phone) {
        if (!USERS.add(username)) {
            return;
        }
        admin().post(
                        "/api/users",
                        Map.of(
                                "username", username,
                                "password", "pass-" + username,
                                "role", role,
                                "displayName", username,
                                "phone", phone))
                .expect(201);
    }

    private void hangUp(long id, String sid) {
        twilio().post("/twilio/calls/status", form(sid, "CallStatus", "completed", "CallDuration", "5"));
        assertThat(call(id).get("endedAt").isNull()).isFalse();
    }

    private JsonNode call(long id) {
        return admin().get("/api/calls/" + id).expect(200).json().get("card").get("call");
    }

    private long callId(String sid) {
        return admin().get("/api/calls?limit=1000")
                .json()
                .valueStream()
                .filter(c -> c.get("callSid").asString().equals(sid))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
    }

    private TwilioWebhook twilio() {
        return new TwilioWebhook(admin().baseUrl(), FakeTwilio.AUTH_TOKEN);
    }

    private String base() {
        return admin().baseUrl();
    }

    private static Map<String, String> inbound(String sid, String from) {
        return Map.of(
                "CallSid",
                sid,
                "AccountSid",
                FakeTwilio.ACCOUNT_SID,
                "From",
                from,
                "To",
                LINE,
                "CallStatus",
                "ringing");
    }

    private static Map<String, String> form(String sid, String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("CallSid", sid);
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static String sid() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }
}
