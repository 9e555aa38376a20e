package org.anxin.gateway.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.anxin.gateway.Samples;
import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.device.EventType;
import org.anxin.gateway.device.MqttPayloadParser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The bytes the forwarder writes are the contract's entry: the same fields, order and text as
 * {@link DeviceEvent#toStreamFields(String)}, to the same stream, for every contract sample and for
 * gateway-made events.
 */
class StreamEntriesTest {
    private final EventStreams streams = new EventStreams(8);
    private final StreamEntries entries = new StreamEntries(streams, "node-1");

    @Test
    void everyContractSampleEncodesToItsStreamFieldsInOrder() throws Exception {
        List<DeviceEvent> events = new ArrayList<>();
        Instant[] receivedAt = {
            Instant.parse("2026-11-22T08:00:00Z"),
            Instant.parse("2026-11-22T08:00:00.120Z"),
            Instant.parse("2026-11-22T08:00:00.000123Z"),
            Instant.parse("2026-11-22T08:00:00.000000007Z")
        };
        int i = 0;
        for (JsonNode sample :
                (Iterable<JsonNode>) Samples.load().get("samples").valueStream()::iterator) {
            events.add(MqttPayloadParser.parse(
                    sample.get("deviceId").stringValue(),
                    sample.get("mqttPayload").stringValue(),
                    receivedAt[i++ % receivedAt.length]));
        }
        events.add(DeviceEvent.connection("watch-7", "watch", EventType.ONLINE, "{\"addr\":\"10.0.0.1\"}"));
        events.add(DeviceEvent.connection("watch-7", "watch", EventType.OFFLINE, null));
        assertThat(events).hasSizeGreaterThan(3);

        for (DeviceEvent event : events) {
            byte[][] args = entries.xaddArgs(event);
            assertThat(new String(args[0], StandardCharsets.UTF_8))
                    .isEqualTo(streams.keyOf(event.deviceId(), event.type()));
            assertThat(new String(args[1], StandardCharsets.UTF_8)).isEqualTo("*");
            assertThat(args.length % 2).isZero();
            assertThat(decoded(args)).containsExactlyEntriesOf(event.toStreamFields("node-1"));
        }
    }

    @Test
    void timesReadAsInstantToStringDoes() {
        IsoInstants instants = new IsoInstants();
        SplittableRandom random = new SplittableRandom(15);
        List<Instant> samples = new ArrayList<>(List.of(
                Instant.EPOCH,
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59.5Z"),
                Instant.parse("2026-12-07T01:02:03.100Z"),
                Instant.parse("2026-12-07T01:02:03.000100Z"),
                Instant.parse("2026-12-07T01:02:03.000000100Z")));
        for (int n = 0; n < 5_000; n++) {
            long second = random.nextLong(-62_167_219_200L, 253_402_300_800L);
            int nano =
                    switch (n % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1_000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    };
            samples.add(Instant.ofEpochSecond(second, nano));
            // the same second again: the kept prefix must serve another fraction right
            samples.add(Instant.ofEpochSecond(second, random.nextInt(1_000_000_000)));
        }
        for (Instant instant : samples) {
            assertThat(instants.format(instant)).isEqualTo(instant.toString());
        }
    }

    /** The name/value pairs after the key and the id. */
    private static Map<String, String> decoded(byte[][] args) {
        Map<String, String> text = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i += 2) {
            text.put(new String(args[i], StandardCharsets.UTF_8), new String(args[i + 1], StandardCharsets.UTF_8));
        }
        return text;
    }
}
