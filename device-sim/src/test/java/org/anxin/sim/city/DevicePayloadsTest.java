package org.anxin.sim.city;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DevicePayloadsTest {

    @Test
    void writesAnSosExactlyAsTheContractSample() throws Exception {
        JsonNode sample = sample("mqtt-sos-with-fix");

        String payload = DevicePayloads.event("SOS", Instant.parse("2026-11-22T08:00:00Z"), 41.55, 121.24, 80);

        assertThat(payload).isEqualTo(sample.get("mqttPayload").asString());
    }

    @Test
    void writesALocationWithSevenDecimalsAsTheContractSample() throws Exception {
        String payload =
                DevicePayloads.event("LOCATION", Instant.parse("2026-11-22T08:01:00Z"), 41.5612345, 121.2298765, null);

        assertThat(payload).isEqualTo(sample("mqtt-location").get("mqttPayload").asString());
    }

    @Test
    void writesAHeartbeatWithBatteryOnly() throws Exception {
        String payload = DevicePayloads.event("HEARTBEAT", Instant.parse("2026-11-22T08:02:00Z"), null, null, 79);

        assertThat(payload)
                .isEqualTo(sample("mqtt-heartbeat-battery").get("mqttPayload").asString());
    }

    @Test
    void dropsSubSecondTimeLikeTheFirmware() {
        assertThat(DevicePayloads.event("SOS", Instant.parse("2026-11-22T08:00:00.987Z"), null, null, null))
                .isEqualTo("{\"type\":\"SOS\",\"ts\":\"2026-11-22T08:00:00Z\"}");
    }

    private static JsonNode sample(String name) throws Exception {
        Path file = Path.of(System.getProperty("anxin.root", "..")).resolve("docs/events/samples.json");
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
        return root.get("samples")
                .valueStream()
                .filter(s -> name.equals(s.get("name").asString()))
                .findFirst()
                .orElseThrow();
    }
}
