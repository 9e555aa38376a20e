package org.anxin.platform.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anxin.platform.DeskContext;
import org.anxin.platform.DeviceStream;
import org.anxin.platform.FakeTwilio;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who in the family is woken, on the test clock with Twilio played by a fake: a device condition
 * at night reaches nobody until the quiet hours end, and then only by SMS; an SOS calls at once.
 */
class FamilyPolicyIT extends DeskContext {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aWatchRemovedAt0130SendsNoFamilyCallAndNoSmsUntilQuietHoursEndWhileAnSosAt0130CallsAtOnce() {
        String watchSon = "+8613900003001";
        String sosSon = "+8613900003002";
        long removed = seniorWith("金桂兰", watchSon);
        long pressed = seniorWith("魏建国", sosSon);
        createDevice("policy-watch-1", removed);
        createDevice("policy-sos-1", pressed);
        LocalDate day = LocalDate.ofInstant(clock.instant(), CITY).plusDays(1);
        clock.set(day.atTime(1, 30).atZone(CITY).toInstant());

        xadd("policy-watch-1", "WATCH_REMOVED");
        xadd("policy-sos-1", "SOS");
        long watchAlarm = awaitAlarm(removed);
        long sosAlarm = awaitAlarm(pressed);
        clock.advance(Duration.ofSeconds(181));

        Awaitility.await().atMost(WAIT).until(() -> calls(sosSon) == 1 && sms(sosSon) == 1);
        Awaitility.await().atMost(WAIT).until(() -> actions(watchAlarm).contains("FAMILY_HELD"));
        assertThat(TWILIO.to(watchSon))
                .as("nothing to the family at 01:33 for a removed watch")
                .isEmpty();
        assertThat(note(watchAlarm, "FAMILY_HELD"))
                .isEqualTo("1. 子女: held: the contact's quiet hours 22:00–07:00 (the city's, city time);"
                        + " WATCH_REMOVED is a device condition: SMS at 07:00 if still open, never a call");
        assertThat(note(sosAlarm, "FAMILY_NOTIFIED")).endsWith("calling 1. 子女");

        clock.set(day.atTime(LocalTime.of(7, 0, 1)).atZone(CITY).toInstant());
        Awaitility.await().atMost(WAIT).until(() -> sms(watchSon) == 1);
        assertThat(calls(watchSon)).isZero();
        assertThat(TWILIO.to(watchSon).get(0).form().get("Body"))
                .contains("金桂兰", "01:30", "手表摘除")
                .endsWith("值班员正在处理。");
        assertThat(note(watchAlarm, "FAMILY_NOTIFIED")).startsWith("quiet hours over, still open: SMS to 1 contact(s)");
    }

    @Test
    void aDeviceConditionInTheDaytimeTextsTheFamilyButNeverCallsThem() {
        String batterySon = "+8613900003101";
        String markerFirst = "+8613900003102";
        String markerSecond = "+8613900003103";
        long weak = seniorWith("陶秀珍", batterySon);
        long marker = createSenior("姜志明");
        admin().put(
                        "/api/seniors/" + marker + "/contacts",
                        List.of(
                                Map.of("name", "子女", "phone", markerFirst),
                                Map.of("name", "侄子", "phone", markerSecond)))
                .expect(200);
        createDevice("policy-battery-1", weak);
        createDevice("policy-marker-1", marker);
        LocalDate day = LocalDate.ofInstant(clock.instant(), CITY).plusDays(1);
        clock.set(day.atTime(10, 0).atZone(CITY).toInstant());

        xadd("policy-battery-1", "LOW_BATTERY");
        xadd("policy-marker-1", "FALL");
        long batteryAlarm = awaitAlarm(weak);
        awaitAlarm(marker);
        clock.advance(Duration.ofSeconds(181));
        Awaitility.await().atMost(WAIT).until(() -> sms(batterySon) == 1 && calls(markerFirst) == 1);
        assertThat(note(batteryAlarm, "FAMILY_NOTIFIED"))
                .endsWith("LOW_BATTERY is a device condition: SMS only, never a family call");

        // the next family call falls due: the fall's second contact is called, the battery's nobody
        clock.advance(Duration.ofSeconds(121));
        Awaitility.await().atMost(WAIT).until(() -> calls(markerSecond) == 1);
        assertThat(calls(batterySon)).isZero();
    }

    private long seniorWith(String name, String phone) {
        long senior = createSenior(name);
        admin().put("/api/seniors/" + senior + "/contacts", List.of(Map.of("name", "子女", "phone", phone)))
                .expect(200);
        return senior;
    }

    private void xadd(String deviceId, String type) {
        Instant now = clock.instant();
        DeviceStream.xadd(redis, DeviceStream.entry(deviceId, type, now, now));
    }

    private long awaitAlarm(long senior) {
        return Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> {
                            List<JsonNode> found = new ArrayList<>();
                            admin().get("/api/alarms?status=OPEN").json().forEach(a -> {
                                if (a.get("seniorId").asLong() == senior) {
                                    found.add(a);
                                }
                            });
                            return found;
                        },
                        l -> l.size() == 1)
                .get(0)
                .get("id")
                .asLong();
    }

    private List<String> actions(long alarm) {
        return admin().get("/api/alarms/" + alarm).json().get("timeline").findValuesAsString("action");
    }

    private String note(long alarm, String action) {
        for (JsonNode entry : admin().get("/api/alarms/" + alarm).json().get("timeline")) {
            if (entry.get("action").asString().equals(action)) {
                return entry.get("note").asString();
            }
        }
        throw new AssertionError("no " + action + " on alarm " + alarm);
    }

    private static long sms(String phone) {
        return TWILIO.to(phone).stream()
                .filter(r -> r.path().endsWith("/Messages.json"))
                .count();
    }

    private static long calls(String phone) {
        return TWILIO.to(phone).stream()
                .map(FakeTwilio.Received::path)
                .filter(p -> p.endsWith("/Calls.json"))
                .count();
    }
}
