package org.anxin.platform.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anxin.platform.DeskContext;
import org.anxin.platform.DeviceStream;
import org.anxin.platform.FakeTwilio;
import org.anxin.platform.HttpApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each contact's own say in how alarms reach them, set by the family on their page and honoured
 * by the escalation, on the test clock with Twilio played by a fake that the real SDK talks to.
 */
class ContactPreferencesIT extends DeskContext {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Test
    void theEscalationHonoursEachContactsChannelsAndQuietHoursAndTheTimelineNamesTheRule() {
        String son = "+8613900005701";
        String daughter = "+8613900005702";
        String nephew = "+8613900005703";
        long senior = seniorWith("沈桂芳", son, daughter, nephew);
        createUser("family-pref-shen", "family-pass-shen", "FAMILY", senior);
        HttpApi family = as("family-pref-shen", "family-pass-shen");
        String prefs = "/api/seniors/" + senior + "/contacts/";

        // the son would rather not be called for a fall: only once the desk allows it
        Map<String, Object> smsForFalls = Map.of("channels", Map.of("FALL", "SMS"));
        assertThat(family.put(prefs + "1/preferences", smsForFalls).status()).isEqualTo(400);
        assertThat(family.put(prefs + "1/limits", Map.of("mayDeclineCalls", true))
                        .status())
                .as("the limit is the desk's")
                .isEqualTo(403);
        admin().put(prefs + "1/limits", Map.of("mayDeclineCalls", true)).expect(200);
        family.put(prefs + "1/preferences", smsForFalls).expect(200);
        // the daughter sleeps until 09:00; the nephew reads the page for watch alarms
        Map<String, Object> lateRiser = new HashMap<>();
        lateRiser.put("quietFrom", "06:00");
        lateRiser.put("quietTo", "09:00");
        family.put(prefs + "2/preferences", lateRiser).expect(200);
        family.put(prefs + "3/preferences", Map.of("channels", Map.of("WATCH_REMOVED", "FEED")))
                .expect(200);

        JsonNode seen = admin().get(prefs + "preferences").expect(200).json().get("contacts");
        assertThat(seen.get(0).get("channels").get("FALL").asString()).isEqualTo("SMS");
        assertThat(seen.get(0).get("mayDeclineCalls").asBoolean()).isTrue();
        assertThat(seen.get(1).get("quietFrom").asString()).startsWith("06:00");
        assertThat(seen.get(1).get("ownQuietHours").asBoolean()).isTrue();
        assertThat(seen.get(2).get("channels").get("WATCH_REMOVED").asString()).isEqualTo("FEED");
        assertThat(seen.get(2).get("channels").get("SOS").asString()).isEqualTo("CALL");

        createDevice("pref-watch-1", senior);
        LocalDate day = LocalDate.ofInstant(clock.instant(), CITY).plusDays(1);
        clock.set(day.atTime(6, 30).atZone(CITY).toInstant());
        xadd("pref-watch-1", "WATCH_REMOVED");
        xadd("pref-watch-1", "FALL");
        long removed = awaitAlarm(senior, "WATCH_REMOVED");
        long fell = awaitAlarm(senior, "FALL");
        clock.advance(Duration.ofSeconds(181));

        // the fall: SMS to all three, the son skipped on the call list, the daughter called first
        await(() -> calls(daughter) == 1 && sms(nephew, "跌倒") == 1 && sms(son, "跌倒") == 1);
        assertThat(note(fell, "FAMILY_SKIPPED"))
                .isEqualTo("1. 儿子: call skipped: the contact chose SMS only for FALL (the desk allows it)");
        assertThat(note(fell, "FAMILY_NOTIFIED")).endsWith("SMS to 3 contact(s); calling 2. 女儿");
        assertThat(sms(daughter, "跌倒")).isEqualTo(1);
        // the removed watch at 06:33: the son's quiet hours (the city's, 22:00–07:00) hold it, the
        // daughter's own (06:00–09:00) too, and the nephew chose the page
        await(() -> actions(removed).stream().filter("FAMILY_HELD"::equals).count() == 2);
        assertThat(notes(removed, "FAMILY_HELD"))
                .containsExactly(
                        "1. 儿子: held: the contact's quiet hours 22:00–07:00 (the city's, city time);"
                                + " WATCH_REMOVED is a device condition: SMS at 07:00 if still open, never a call",
                        "2. 女儿: held: the contact's quiet hours 06:00–09:00 (their own, city time);"
                                + " WATCH_REMOVED is a device condition: SMS at 09:00 if still open, never a call");
        assertThat(notes(removed, "FAMILY_SKIPPED"))
                .containsExactly("3. 侄子: skipped: the contact chose the family page only for WATCH_REMOVED");
        assertThat(actions(removed)).doesNotContain("FAMILY_NOTIFIED");
        assertThat(sms(son, "手表摘除") + sms(daughter, "手表摘除") + sms(nephew, "手表摘除"))
                .isZero();

        // nobody pressed 1: the nephew is next; the son, who chose SMS, is never called
        clock.advance(Duration.ofSeconds(121));
        await(() -> calls(nephew) == 1);
        assertThat(note(fell, "FAMILY_CALL")).isEqualTo("no answer yet; calling 3. 侄子");

        clock.set(day.atTime(LocalTime.of(7, 0, 1)).atZone(CITY).toInstant());
        await(() -> sms(son, "手表摘除") == 1);
        assertThat(note(removed, "FAMILY_NOTIFIED"))
                .isEqualTo("quiet hours over, still open: SMS to 1 contact(s) (1. 儿子); no call for a device condition");
        assertThat(sms(daughter, "手表摘除"))
                .as("her own quiet hours last until 09:00")
                .isZero();

        clock.set(day.atTime(LocalTime.of(9, 0, 1)).atZone(CITY).toInstant());
        await(() -> sms(daughter, "手表摘除") == 1);
        assertThat(calls(son)).isZero();
        assertThat(sms(nephew, "手表摘除")).isZero();
    }

    @Test
    void anotherFamilyGets403AndChoicesOutsideTheDesksLimitsAre400AndChangeNothing() {
        long senior = seniorWith("韩玉兰", "+8613900005801");
        long other = createSenior("邵建平");
        createUser("family-pref-han", "family-pass-han", "FAMILY", senior);
        createUser("family-pref-shao", "family-pass-shao", "FAMILY", other);
        HttpApi family = as("family-pref-han", "family-pass-han");
        HttpApi stranger = as("family-pref-shao", "family-pass-shao");
        String prefs = "/api/seniors/" + senior + "/contacts/";
        String defaults = family.get(prefs + "preferences").expect(200).body();

        assertThat(stranger.get(prefs + "preferences").status()).isEqualTo(403);
        assertThat(stranger.put(prefs + "1/preferences", Map.of("channels", Map.of("LOW_BATTERY", "FEED")))
                        .status())
                .isEqualTo(403);

        List<Object> refused = List.of(
                Map.of("channels", Map.of("SOS", "FEED")),
                Map.of("channels", Map.of("FALL", "SMS")),
                Map.of("channels", Map.of("LOW_BATTERY", "CALL")),
                Map.of("channels", Map.of("PIGEON", "SMS")),
                Map.of("channels", Map.of("OFFLINE", "PIGEON")),
                Map.of("quietFrom", "23:00"),
                Map.of("quietFrom", "25:00", "quietTo", "07:00"),
                "{\"channels\": ");
        for (Object body : refused) {
            HttpApi.Response response = family.put(prefs + "1/preferences", body);
            assertThat(response.status()).as(String.valueOf(body)).isEqualTo(400);
            assertThat(response.contentType()).as(String.valueOf(body)).startsWith("application/problem+json");
        }
        assertThat(family.put(prefs + "1/preferences", Map.of("channels", Map.of("SOS", "FEED")))
                        .json()
                        .get("detail")
                        .asString())
                .isEqualTo("SOS may be a person in danger: it reaches every contact at least by SMS");
        assertThat(family.put(prefs + "9/preferences", Map.of()).status()).isEqualTo(404);
        assertThat(family.get(prefs + "preferences").body()).isEqualTo(defaults);
        JsonNode contact =
                family.get(prefs + "preferences").json().get("contacts").get(0);
        assertThat(contact.get("channels").get("FALL").asString()).isEqualTo("CALL");
        assertThat(contact.get("choices").get("FALL").valueStream().map(JsonNode::asString))
                .containsExactly("CALL");
        assertThat(contact.get("choices").get("LOW_BATTERY").valueStream().map(JsonNode::asString))
                .containsExactly("SMS", "FEED");
    }

    private long seniorWith(String name, String... phones) {
        long senior = createSenior(name);
        List<String> relations = List.of("儿子", "女儿", "侄子");
        List<Map<String, String>> contacts = new java.util.ArrayList<>();
        for (int i = 0; i < phones.length; i++) {
            contacts.add(Map.of("name", relations.get(i), "phone", phones[i]));
        }
        admin().put("/api/seniors/" + senior + "/contacts", contacts).expect(200);
        return senior;
    }

    private void xadd(String deviceId, String type) {
        Instant now = clock.instant();
        DeviceStream.xadd(redis, DeviceStream.entry(deviceId, type, now, now));
    }

    private long awaitAlarm(long senior, String type) {
        return awaitValue(() -> {
            for (JsonNode alarm : admin().get("/api/alarms?status=OPEN").json()) {
                if (alarm.get("seniorId").asLong() == senior
                        && alarm.get("type").asString().equals(type)) {
                    return alarm.get("id").asLong();
                }
            }
            return null;
        });
    }

    private List<String> actions(long alarm) {
        return admin().get("/api/alarms/" + alarm).json().get("timeline").findValuesAsString("action");
    }

    private List<String> notes(long alarm, String action) {
        return admin().get("/api/alarms/" + alarm)
                .json()
                .get("timeline")
                .valueStream()
                .filter(e -> e.get("action").asString().equals(action))
                .map(e -> e.get("note").asString())
                .toList();
    }

    private String note(long alarm, String action) {
        return notes(alarm, action).stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " on alarm " + alarm));
    }

    /** The SMS sent to the phone about an alarm of this kind (its Chinese name in the text). */
    private static long sms(String phone, String kind) {
        return TWILIO.to(phone).stream()
                .filter(r -> r.path().endsWith("/Messages.json"))
                .filter(r -> r.form().get("Body").contains(kind))
                .count();
    }

    private static long calls(String phone) {
        return TWILIO.to(phone).stream()
                .map(FakeTwilio.Received::path)
                .filter(p -> p.endsWith("/Calls.json"))
                .count();
    }
}
