package org.anxin.gateway.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.anxin.gateway.Samples;
import org.anxin.gateway.forward.EventStreams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class MqttPayloadParserTest {
    private static final Instant RECEIVED = Instant.parse("2026-11-22T08:00:00.123Z");

    static Stream<Arguments> samples() throws Exception {
        return Samples.load()
                .get("samples")
                .valueStream()
                .map(s -> Arguments.of(s.get("name").stringValue(), s));
    }

    static Stream<Arguments> rejected() throws Exception {
        return Samples.load()
                .get("rejected")
                .valueStream()
                .map(s -> Arguments.of(s.get("name").stringValue(), s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void turnsEachContractSampleIntoItsStreamEntry(String name, JsonNode sample) throws RejectedPayload {
        DeviceEvent event = MqttPayloadParser.parse(
                sample.get("deviceId").stringValue(), sample.get("mqttPayload").stringValue(), RECEIVED);

        Map<String, String> fields = event.toStreamFields("node-1");

        Map<String, String> expected = new java.util.LinkedHashMap<>();
        sample.get("entry")
                .properties()
                .forEach(e -> expected.put(e.getKey(), e.getValue().stringValue()));
        assertThat(fields).containsAllEntriesOf(expected);
        assertThat(fields.keySet())
                .containsExactlyInAnyOrderElementsOf(union(expected.keySet(), "eventId", "receivedAt", "gatewayNode"));
        assertThat(fields)
                .containsEntry("receivedAt", "2026-11-22T08:00:00.123Z")
                .containsEntry("gatewayNode", "node-1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void putsEachSampleInItsContractPartition(String name, JsonNode sample) throws Exception {
        EventStreams streams = new EventStreams(Samples.load().get("partitions").intValue());

        assertThat(streams.partitionOf(sample.get("deviceId").stringValue()))
                .isEqualTo(sample.get("partition").intValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectsEachBadPayloadWithAReason(String name, JsonNode sample) {
        assertThatThrownBy(() -> MqttPayloadParser.parse(
                        sample.get("deviceId").stringValue(),
                        sample.get("mqttPayload").stringValue(),
                        RECEIVED))
                .isInstanceOf(RejectedPayload.class)
                .hasMessageContaining(sample.get("reason").stringValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void keepsTheRawPayloadForAudit(String name, JsonNode sample) throws RejectedPayload {
        String payload = sample.get("mqttPayload").stringValue();

        assertThat(MqttPayloadParser.parse("btn-0001", payload, RECEIVED).raw()).isEqualTo(payload);
    }

    private static java.util.Set<String> union(java.util.Set<String> keys, String... more) {
        java.util.Set<String> all = new java.util.HashSet<>(keys);
        all.addAll(java.util.List.of(more));
        return all;
    }
}
