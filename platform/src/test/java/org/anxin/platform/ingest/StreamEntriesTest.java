package org.anxin.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
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

    static Stream<Arguments> samples() throws Exception {
        Path file = Path.of(System.getProperty("anxin.root", "..")).resolve("docs/events/samples.json");
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
        return root.get("samples")
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
