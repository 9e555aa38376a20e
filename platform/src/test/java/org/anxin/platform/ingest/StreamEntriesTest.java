package org.anxin.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.anxin.platform.device.DeviceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform side of the event contract, driven by the samples the gateway's tests also read. */
class StreamEntriesTest {

    private static JsonNode samplesFile() throws Exception {
        Path file = Path.of(System.getProperty("anxin.root", "..")).resolve("docs/events/samples.json");
        return JsonMapper.builder().build().readTree(Files.readString(file));
    }

    static Stream<Arguments> samples() throws Exception {
        return samplesFile()
                .get("samples")
                .valueStream()
                .map(s -> Arguments.of(s.get("name").asString(), s.get("entry")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void readsEachContractSample(String name, JsonNode entry) {
        Map<String, String> fields = fields(entry);

        DeviceEvent event = StreamEntries.parse(fields);

        assertThat(event.deviceId()).isEqualTo(fields.get("deviceId"));
        assertThat(event.type()).isEqualTo(fields.get("type"));
        assertThat(event.protocol()).isEqualTo("mqtt");
        assertThat(event.raw()).isEqualTo(fields.get("raw"));
        assertThat(event.deviceTime() == null ? null : event.deviceTime().toString())
                .isEqualTo(fields.get("deviceTime"));
        assertThat(event.lat() == null ? null : event.lat()).isEqualTo(number(fields.get("lat")));
        assertThat(event.lon() == null ? null : event.lon()).isEqualTo(number(fields.get("lon")));
        assertThat(event.battery())
                .isEqualTo(fields.get("battery") == null ? null : Integer.valueOf(fields.get("battery")));
    }

    @Test
    void refusesAnEntryWithoutAType() {
        Map<String, String> fields = fields(null);
        fields.remove("type");

        assertThatThrownBy(() -> StreamEntries.parse(fields)).hasMessageContaining("missing type");
    }

    @Test
    void refusesALatitudeOutOfRange() {
        Map<String, String> fields = fields(null);
        fields.put("lat", "91");
        fields.put("lon", "120");

        assertThatThrownBy(() -> StreamEntries.parse(fields)).hasMessageContaining("lat out of range");
    }

    @Test
    void refusesAnotherContractVersion() {
        Map<String, String> fields = fields(null);
        fields.put("v", "2");

        assertThatThrownBy(() -> StreamEntries.parse(fields)).hasMessageContaining("version");
    }

    @Test
    void refusesANulCharacterInAnyField() {
        Map<String, String> fields = fields(null);
        fields.put("raw", "{\"type\":\"SOS\0\"}");

        assertThatThrownBy(() -> StreamEntries.parse(fields)).hasMessage("field raw holds a NUL character");
        assertThat(StreamEntries.printable("a\0b")).isEqualTo("a\\u0000b");
    }

    /** The contract's batch sample: each event as the gateway handed it off, with the entry's node. */
    @Test
    void readsTheContractsBatchSample() throws Exception {
        JsonNode sample = samplesFile().get("batch");
        Map<String, String> entry = new HashMap<>();
        sample.get("entry")
                .properties()
                .forEach(e -> entry.put(e.getKey(), e.getValue().asString()));

        List<DeviceEvent> events =
                StreamEntries.events(entry).stream().map(StreamEntries::parse).toList();

        assertThat(StreamEntries.batch(entry)).isTrue();
        assertThat(events).hasSize(2);
        List<JsonNode> specs = sample.get("events").valueStream().toList();
        for (int i = 0; i < 2; i++) {
            assertThat(events.get(i).eventId().toString())
                    .isEqualTo(specs.get(i).get("eventId").asString());
            assertThat(events.get(i).receivedAt().toString())
                    .isEqualTo(specs.get(i).get("receivedAt").asString());
            assertThat(events.get(i).raw())
                    .isEqualTo(specs.get(i).get("mqttPayload").asString());
            assertThat(events.get(i).deviceId()).isEqualTo("btn-0001");
            assertThat(events.get(i).gatewayNode()).isEqualTo("gw-7");
        }
        assertThat(events.get(0).type()).isEqualTo("HEARTBEAT");
        assertThat(events.get(0).battery()).isEqualTo(79);
        assertThat(events.get(1).type()).isEqualTo("LOCATION");
        assertThat(events.get(1).lat()).isEqualTo(41.55);
        assertThat(events.get(1).lon()).isEqualTo(121.24);
    }

    @Test
    void aSingleEntryIsItsOwnOnlyEvent() {
        Map<String, String> fields = fields(null);

        assertThat(StreamEntries.batch(fields)).isFalse();
        assertThat(StreamEntries.events(fields)).containsExactly(fields);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableBatches")
    void refusesABatchWhoseEventsCannotBeRead(String events, String reason) {
        Map<String, String> entry = new HashMap<>(Map.of("v", "2", "gatewayNode", "node-1"));
        if (events != null) {
            entry.put("events", events);
        }

        assertThatThrownBy(() -> StreamEntries.events(entry)).hasMessage(reason);
    }

    static Stream<Arguments> unreadableBatches() {
        return Stream.of(
                Arguments.of(null, "missing events"),
                Arguments.of("[{\"type\":", "events is not JSON"),
                Arguments.of("{\"type\":\"SOS\"}", "events is not a non-empty array"),
                Arguments.of("[]", "events is not a non-empty array"),
                Arguments.of("[\"SOS\"]", "an element of events is not an object"),
                Arguments.of("[{\"battery\":80}]", "field battery of an element of events is not a string"));
    }

    private static Map<String, String> fields(JsonNode entry) {
        Map<String, String> fields = new HashMap<>();
        if (entry == null) {
            fields.put("v", "1");
            fields.put("deviceId", "btn-0001");
            fields.put("protocol", "mqtt");
            fields.put("type", "SOS");
            fields.put("raw", "{}");
        } else {
            entry.properties().forEach(e -> fields.put(e.getKey(), e.getValue().asString()));
        }
        fields.put("eventId", UUID.randomUUID().toString());
        fields.put("receivedAt", Instant.parse("2026-11-22T08:00:00.123Z").toString());
        fields.put("gatewayNode", "node-1");
        return fields;
    }

    private static Double number(String text) {
        return text == null ? null : Double.valueOf(text);
    }
}
