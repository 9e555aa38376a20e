package org.anxin.gateway.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.anxin.gateway.Samples;
import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.device.EventType;
import org.anxin.gateway.device.MqttPayloadParser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    /** The contract's batch sample, byte for byte: two events, one XADD, one stream. */
    @Test
    void theBatchSampleEncodesByteForByte() throws Exception {
        JsonNode sample = Samples.load().get("batch");
        List<DeviceEvent> events = new ArrayList<>();
        for (JsonNode spec : (Iterable<JsonNode>) sample.get("events").valueStream()::iterator) {
            DeviceEvent parsed = MqttPayloadParser.parse(
                    sample.get("deviceId").stringValue(),
                    spec.get("mqttPayload").stringValue(),
                    Instant.parse(spec.get("receivedAt").stringValue()));
            events.add(with(parsed, UUID.fromString(spec.get("eventId").stringValue()), parsed.raw()));
        }
        StreamEntries gateway =
                new StreamEntries(streams, sample.get("gatewayNode").stringValue());
        byte[] key = gateway.key(events.get(0));

        byte[][] args = gateway.xaddBatchArgs(key, events);

        assertThat(new String(args[0], StandardCharsets.UTF_8))
                .isEqualTo(sample.get("stream").stringValue());
        assertThat(new String(args[1], StandardCharsets.UTF_8)).isEqualTo("*");
        Map<String, String> expected = new LinkedHashMap<>();
        sample.get("entry")
                .properties()
                .forEach(e -> expected.put(e.getKey(), e.getValue().stringValue()));
        assertThat(decoded(args)).containsExactlyEntriesOf(expected);
    }

    /**
     * Every sample and gateway-made event, batched, reads back (as the platform reads a batch entry)
     * as exactly its single entry's fields; awkward text (quotes, backslashes, control characters,
     * non-ASCII) included.
     */
    @Test
    void aBatchEntryHoldsEachEventsSingleEntryFields() throws Exception {
        List<DeviceEvent> events = new ArrayList<>();
        Instant receivedAt = Instant.parse("2026-11-22T08:00:00.120Z");
        for (JsonNode sample :
                (Iterable<JsonNode>) Samples.load().get("samples").valueStream()::iterator) {
            DeviceEvent parsed = MqttPayloadParser.parse(
                    "btn-0001", sample.get("mqttPayload").stringValue(), receivedAt);
            events.add(parsed);
        }
        events.add(DeviceEvent.connection("btn-0001", "watch", EventType.ONLINE, "{\"addr\":\"10.0.0.1\"}"));
        events.add(DeviceEvent.connection("btn-0001", "watch", EventType.OFFLINE, null));
        DeviceEvent frame = DeviceEvent.connection("btn-0001", "watch", EventType.HEARTBEAT, null);
        events.add(
                with(frame, frame.eventId(), "[3G*btn*0009*UD,\"q\" \\ \t\n\u0001 \u00e9 \u5b89\u5fc3 \ud83d\ude91]"));
        byte[] key = entries.key(events.get(events.size() - 1));

        byte[][] args = entries.xaddBatchArgs(key, events);

        assertThat(new String(args[0], StandardCharsets.UTF_8)).isEqualTo(streams.keyOf("btn-0001"));
        Map<String, String> entry = decoded(args);
        assertThat(entry.keySet()).containsExactly("v", "gatewayNode", "events");
        assertThat(entry).containsEntry("v", "2").containsEntry("gatewayNode", "node-1");
        List<Map<String, String>> read = new ArrayList<>();
        for (JsonNode event : (Iterable<JsonNode>)
                JsonMapper.builder().build().readTree(entry.get("events")).valueStream()::iterator) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("v", "1");
            event.properties().forEach(e -> fields.put(e.getKey(), e.getValue().stringValue()));
            fields.put("gatewayNode", entry.get("gatewayNode"));
            read.add(fields);
        }
        assertThat(read).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            assertThat(read.get(i)).isEqualTo(events.get(i).toStreamFields("node-1"));
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

    /** The event with another id and raw frame. */
    private static DeviceEvent with(DeviceEvent event, UUID eventId, String raw) {
        return new DeviceEvent(
                eventId,
                event.deviceId(),
                event.protocol(),
                event.type(),
                event.deviceTime(),
                event.receivedAt(),
                event.position(),
                event.battery(),
                event.vendorCode(),
                event.attrs(),
                raw);
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
