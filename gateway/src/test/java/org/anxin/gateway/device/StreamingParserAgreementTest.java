package org.anxin.gateway.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming parser reads every payload as the tree parser it replaced did: the same event
 * (all but the random event id), or the same reason to refuse it. Checked on payloads made at
 * random from the contract's names and awkward values, on those payloads cut short or with a byte
 * changed, and on hand-picked malformed ones; whatever the input, the parser throws nothing but
 * {@link RejectedPayload}.
 */
class StreamingParserAgreementTest {
    private static final Instant RECEIVED = Instant.parse("2026-12-07T05:00:00.250Z");
    private static final String[] NAMES = {
        "type",
        "type",
        "ts",
        "lat",
        "lon",
        "lat",
        "lon",
        "battery",
        "code",
        "heartRate",
        "systolic",
        "diastolic",
        "spo2",
        "temperature",
        "steps",
        "extra",
        "Type",
        "nested"
    };
    private static final String[] TYPES = {
        "\"SOS\"",
        "\"LOCATION\"",
        "\"VITALS\"",
        "\"VITALS\"",
        "\"HEARTBEAT\"",
        "\"ONLINE\"",
        "\"sos\"",
        "\"NOPE\"",
        "\"" + "X".repeat(40) + "\""
    };
    private static final String[] VALUES = {
        "null",
        "true",
        "false",
        "0",
        "1",
        "-1",
        "80",
        "100",
        "101",
        "72",
        "120",
        "36.6",
        "36",
        "45.01",
        "41.55",
        "121.24",
        "-90",
        "90.0",
        "90.0001",
        "-180",
        "180.5",
        "1E2",
        "1e400",
        "-1e400",
        "-0.0",
        "0.1e-3",
        "2147483647",
        "2147483648",
        "-2147483649",
        "9223372036854775808",
        "123456789012345678901234567890",
        "\"\"",
        "\"abc\"",
        "\"2026-11-22T08:00:00Z\"",
        "\"2026-11-22T08:00:00+08:00\"",
        "\"2026-11-22 08:00\"",
        "\"" + "c".repeat(65) + "\"",
        "\"" + "c".repeat(64) + "\"",
        "\"\\u00e9\\n\"",
        "\"老人\"",
        "[]",
        "[1,2]",
        "{}",
        "{\"a\":{\"b\":[1,{\"c\":null}]}}",
        "\"SOS\""
    };

    /** Values each name accepts, so that a fair share of the random payloads are events. */
    private static final Map<String, String[]> GOOD = Map.ofEntries(
            Map.entry("type", new String[] {"\"SOS\"", "\"LOCATION\"", "\"VITALS\"", "\"FALL\""}),
            Map.entry("ts", new String[] {"\"2026-11-22T08:00:00Z\"", "\"2026-11-22T08:00:00.5+08:00\"", "null"}),
            Map.entry("lat", new String[] {"41.55", "-33", "0.000001", "90"}),
            Map.entry("lon", new String[] {"121.24", "-180", "7", "179.9999999"}),
            Map.entry("battery", new String[] {"0", "80", "100", "null"}),
            Map.entry("code", new String[] {"\"E7\"", "12", "98765432109876543210"}),
            Map.entry("heartRate", new String[] {"72", "20", "250"}),
            Map.entry("systolic", new String[] {"120"}),
            Map.entry("diastolic", new String[] {"80"}),
            Map.entry("spo2", new String[] {"97", "50"}),
            Map.entry("temperature", new String[] {"36.6", "25", "45.0", "37.25"}),
            Map.entry("steps", new String[] {"0", "1234", "1000000"}));

    @Test
    void agreesOnRandomPayloadsAndTheirDamagedCopies() {
        SplittableRandom random = new SplittableRandom(15);
        int accepted = 0;
        int refused = 0;
        for (int n = 0; n < 20_000; n++) {
            String payload = payload(random);
            List<String> inputs = new ArrayList<>(List.of(payload));
            inputs.add(payload.substring(0, random.nextInt(payload.length() + 1)));
            char[] chars = payload.toCharArray();
            chars[random.nextInt(chars.length)] = "{}[]\",:0aé \\".charAt(random.nextInt(12));
            inputs.add(new String(chars));
            for (String input : inputs) {
                String expected = outcome(() -> TreePayloadParser.parse("dev-1", input, RECEIVED));
                String actual = outcome(() -> MqttPayloadParser.parse("dev-1", input, RECEIVED));
                assertThat(actual).as("payload %s", input).isEqualTo(expected);
                if (actual.startsWith("event")) {
                    accepted++;
                } else {
                    refused++;
                }
            }
        }
        // both sides of the contract were exercised, not only refusals
        assertThat(accepted).isGreaterThan(1_000);
        assertThat(refused).isGreaterThan(1_000);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "null",
                "42",
                "\"SOS\"",
                "[{\"type\":\"SOS\"}]",
                "{",
                "{\"type\":",
                "{\"type\":\"SOS\"",
                "{\"type\":\"SOS\",}",
                "{\"type\":\"SOS\"} {}",
                "{\"type\":\"SOS\"} x",
                "{\"type\":\"SOS\"}}",
                "{'type':'SOS'}",
                "{type:\"SOS\"}",
                "{\"type\":\"SOS\",\"lat\":NaN,\"lon\":1}",
                "{\"type\":\"SOS\",\"battery\":08}",
                "{\"type\":\"SOS\" \"battery\":80}",
                "{\"type\":\"SOS\",\"x\":[1,2}",
                "{\"type\":\"SOS\",\"x\":\"\\q\"}",
                "{\"type\":\"SOS\",\"lat\":1,\"lon\":2,\"battery\":\"80\"}",
                "{\"type\":\"SOS\",\"lat\":95,\"lon\":2}",
                "{\"type\":\"SOS\",\"lat\":1}",
                "{\"type\":\"VITALS\"}",
                "{\"type\":\"VITALS\",\"heartRate\":72.5}",
                "{\"type\":\"VITALS\",\"systolic\":120}",
                "{\"type\":\"OFFLINE\"}",
                "{\"ts\":\"2026-11-22T08:00:00Z\"}"
            })
    void refusesMalformedPayloadsWithTheTreeParsersReason(String payload) {
        String expected = outcome(() -> TreePayloadParser.parse("dev-1", payload, RECEIVED));
        assertThat(expected).startsWith("refused: ");

        assertThatThrownBy(() -> MqttPayloadParser.parse("dev-1", payload, RECEIVED))
                .isInstanceOf(RejectedPayload.class)
                .hasMessage(expected.substring("refused: ".length()));
    }

    @Test
    void aDeeplyNestedUnknownValueIsRefusedNotACrash() {
        String payload = "{\"type\":\"SOS\",\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";

        assertThat(outcome(() -> MqttPayloadParser.parse("dev-1", payload, RECEIVED)))
                .isEqualTo(outcome(() -> TreePayloadParser.parse("dev-1", payload, RECEIVED)))
                .startsWith("refused: ");
    }

    @Test
    void theLastOfARepeatedNameWinsAsInATree() throws RejectedPayload {
        DeviceEvent event = MqttPayloadParser.parse(
                "dev-1", "{\"type\":\"SOS\",\"battery\":5,\"type\":\"FALL\",\"battery\":null}", RECEIVED);

        assertThat(event.type()).isEqualTo(EventType.FALL);
        assertThat(event.battery()).isNull();
    }

    private static String payload(SplittableRandom random) {
        StringBuilder json = new StringBuilder("{");
        int fields = random.nextInt(9);
        for (int i = 0; i < fields; i++) {
            // mostly a type first, as devices send it; sometimes anywhere or not at all
            String name = i == 0 && random.nextInt(4) > 0 ? "type" : NAMES[random.nextInt(NAMES.length)];
            if (i > 0) {
                json.append(',');
            }
            json.append('"').append(name).append("\":");
            String[] good = GOOD.get(name);
            if (good != null && random.nextInt(5) > 0) {
                json.append(good[random.nextInt(good.length)]);
            } else if (name.equals("type") && random.nextInt(4) > 0) {
                json.append(TYPES[random.nextInt(TYPES.length)]);
            } else {
                json.append(VALUES[random.nextInt(VALUES.length)]);
            }
        }
        return json.append('}').toString();
    }

    /** "event …" with every stream field but the event id, or "refused: reason". */
    private static String outcome(Parse parse) {
        try {
            Map<String, String> fields = parse.run().toStreamFields("node");
            fields.remove("eventId");
            return "event " + fields;
        } catch (RejectedPayload e) {
            return "refused: " + e.getMessage();
        }
    }

    @FunctionalInterface
    private interface Parse {
        DeviceEvent run() throws RejectedPayload;
    }
}
