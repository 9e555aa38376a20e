package org.anxin.platform.vitals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anxin.platform.DeskContext;
import org.anxin.platform.DeviceStream;
import org.anxin.platform.HttpApi;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Watch vitals on the embedded stack: typed series, per-senior limits, a debounced alarm. */
class VitalsIT extends DeskContext {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void storesEachValueOfAVitalsEventAsATypedSeriesAndDropsImplausibleOnes() {
        long senior = createSenior("施桂英");
        long other = createSenior("张国强");
        createDevice("vit-series-1", senior);
        createUser("fam-shi", "family-pass-shi", "FAMILY", senior);
        createUser("fam-zhang", "family-pass-zhang", "FAMILY", other);
        HttpApi family = as("fam-shi", "family-pass-shi");
        Instant t = clock.instant().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        vitals(
                "vit-series-1",
                t,
                "{\"heartRate\":72,\"systolic\":120,\"diastolic\":80,\"spo2\":97,"
                        + "\"temperature\":36.6,\"steps\":1234}");
        vitals("vit-series-1", t.plusSeconds(10), "{\"heartRate\":400,\"spo2\":96}"); // 400 bpm: a sensor fault

        String path = "/api/seniors/" + senior + "/vitals";
        JsonNode spo2 = Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> family.get(path + "?kind=SPO2")
                                .expect(200)
                                .json()
                                .get("series")
                                .get(0),
                        s -> s.get("points").size() == 2);
        assertThat(spo2.get("kind").asString()).isEqualTo("SPO2");
        assertThat(spo2.get("unit").asString()).isEqualTo("%");
        assertThat(spo2.get("low").asDouble()).isEqualTo(92.0);
        assertThat(spo2.get("points").findValuesAsString("at").stream().map(Instant::parse))
                .containsExactly(t, t.plusSeconds(10));

        JsonNode all = family.get(path).expect(200).json().get("series");
        assertThat(all.findValuesAsString("kind"))
                .containsExactly("HEART_RATE", "SYSTOLIC", "DIASTOLIC", "SPO2", "TEMPERATURE", "STEPS");
        assertThat(values(all.get(0))).containsExactly(72.0);
        assertThat(values(all.get(1))).containsExactly(120.0);
        assertThat(values(all.get(2))).containsExactly(80.0);
        assertThat(values(all.get(4))).containsExactly(36.6);
        assertThat(values(all.get(5))).containsExactly(1234.0);

        assertThat(as("fam-zhang", "family-pass-zhang").get(path).status()).isEqualTo(403);
        assertThat(family.get(path + "?kind=MOOD").status()).isEqualTo(400);
    }

    @Test
    void oneHighReadingPagesNobodyTwoInARowRaiseOneVitalsAbnormalAlarm() {
        long senior = createSenior("孔德胜");
        createDevice("vit-debounce-1", senior);
        Instant t = clock.instant().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        vitals("vit-debounce-1", t, "{\"heartRate\":142}");
        vitals("vit-debounce-1", t.plusSeconds(60), "{\"heartRate\":80}");
        vitals("vit-debounce-1", t.plusSeconds(120), "{\"heartRate\":140}");
        awaitReadings(senior, "HEART_RATE", 3);
        assertThat(alarms(senior)).as("no two abnormal readings in a row yet").isEmpty();

        vitals("vit-debounce-1", t.plusSeconds(180), "{\"heartRate\":145}");
        JsonNode alarm = Awaitility.await()
                .atMost(WAIT)
                .until(() -> alarms(senior), l -> l.size() == 1)
                .get(0);
        assertThat(alarm.get("type").asString()).isEqualTo("VITALS_ABNORMAL");
        assertThat(alarm.get("priority").asInt()).isEqualTo(2);
        assertThat(alarm.get("detail").asString()).isEqualTo("HEART_RATE 145 bpm, above 130 (2 readings in a row)");

        vitals("vit-debounce-1", t.plusSeconds(240), "{\"heartRate\":150}");
        awaitReadings(senior, "HEART_RATE", 5);
        assertThat(alarms(senior)).hasSize(1);
        assertThat(alarms(senior).get(0).get("repeats").asInt()).isEqualTo(1);
    }

    @Test
    void theDeskSetsASeniorsOwnLimitAndOnlyThatSeniorIsAlarmedByIt() {
        long strict = createSenior("曹玉英");
        long usual = createSenior("严建华");
        createDevice("vit-limit-1", strict);
        createDevice("vit-limit-2", usual);
        createUser("fam-cao", "family-pass-cao", "FAMILY", strict);
        String limits = "/api/seniors/" + strict + "/vital-thresholds/HEART_RATE";
        assertThat(as("fam-cao", "family-pass-cao")
                        .put(limits, Map.of("low", 50, "high", 100))
                        .status())
                .isEqualTo(403);
        assertThat(admin().put(limits, Map.of("low", 100, "high", 50)).status()).isEqualTo(400);
        JsonNode set =
                admin().put(limits, Map.of("low", 50, "high", 100)).expect(200).json();
        assertThat(set.get(0).get("high").asDouble()).isEqualTo(100.0);
        assertThat(set.get(0).get("own").asBoolean()).isTrue();
        assertThat(as("fam-cao", "family-pass-cao")
                        .get("/api/seniors/" + strict + "/vital-thresholds")
                        .expect(200)
                        .json()
                        .get(0)
                        .get("high")
                        .asDouble())
                .isEqualTo(100.0);

        Instant t = clock.instant().minusSeconds(300).truncatedTo(ChronoUnit.SECONDS);
        for (String device : List.of("vit-limit-2", "vit-limit-1")) {
            vitals(device, t, "{\"heartRate\":110}");
            vitals(device, t.plusSeconds(60), "{\"heartRate\":112}");
        }
        Awaitility.await().atMost(WAIT).until(() -> alarms(strict).size() == 1);
        awaitReadings(usual, "HEART_RATE", 2);
        assertThat(alarms(usual)).isEmpty();
    }

    private void vitals(String deviceId, Instant at, String attrs) {
        Map<String, String> fields = DeviceStream.entry(deviceId, "VITALS", at, at);
        fields.remove("lat");
        fields.remove("lon");
        fields.remove("battery");
        fields.put("attrs", attrs);
        DeviceStream.xadd(redis, fields);
    }

    private void awaitReadings(long senior, String kind, int count) {
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> admin().get("/api/seniors/" + senior + "/vitals?kind=" + kind)
                                .json()
                                .get("series")
                                .get(0)
                                .get("points")
                                .size()
                        >= count);
    }

    private static List<Double> values(JsonNode series) {
        return series.get("points").findValues("value").stream()
                .map(JsonNode::asDouble)
                .toList();
    }

    private List<JsonNode> alarms(long senior) {
        List<JsonNode> found = new ArrayList<>();
        admin().get("/api/alarms").expect(200).json().forEach(a -> {
            if (a.get("seniorId").asLong() == senior) {
                found.add(a);
            }
        });
        return found;
    }
}
