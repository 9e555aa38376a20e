package org.anxin.gateway.mqtt;

import static org.anxin.gateway.mqtt.MqttPipelineTest.CONNECT_V5;
import static org.anxin.gateway.mqtt.MqttPipelineTest.DEVICE;
import static org.anxin.gateway.mqtt.MqttPipelineTest.ascii;
import static org.anxin.gateway.mqtt.MqttPipelineTest.bytes;
import static org.anxin.gateway.mqtt.MqttPipelineTest.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.anxin.gateway.LeakCheck;
import org.anxin.gateway.PipelineRig;
import org.anxin.gateway.forward.RejectedPayloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an MQTT 5 device hears when the gateway cannot do what it asked: reason codes instead of a
 * closed connection or "unspecified error", and the capabilities up front in the CONNACK.
 */
@ExtendWith(LeakCheck.class)
class Mqtt5AnswersTest {
    private static final PipelineRig rig = PipelineRig.shared();
    private EmbeddedChannel channel;

    @BeforeEach
    void connect() {
        rig.redis().client().flushAll();
        rig.redis().register(DEVICE, "mqtt", "s3cret");
        channel = new EmbeddedChannel();
        new MqttChannelInitializer(MqttPipelineTest.context(rig), 16_384).configure(channel.pipeline());
        channel.writeInbound(bytes(CONNECT_V5));
        // CONNACK: accepted, properties Maximum QoS 1, Retain / Wildcard / Subscription Identifiers /
        // Shared Subscriptions Available 0
        assertThat(reply()).isEqualTo("200d" + "0000" + "0a" + "2401" + "2500" + "2800" + "2900" + "2a00");
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void answersAPublishToAnotherDevicesTopicWithNotAuthorized() {
        channel.writeInbound(bytes(publish("anxin/v1/devices/btn-0002/events", 1, 4, "{\"type\":\"SOS\"}")));

        assertThat(reply()).isEqualTo("400400048700");
        assertThat(channel.isActive()).isTrue();
        assertThat(rig.events("btn-0002")).isEmpty();
    }

    @Test
    void answersAMalformedPayloadWithPayloadFormatInvalidAndKeepsItForTheDevicesPage() {
        channel.writeInbound(bytes(publish("anxin/v1/devices/btn-0001/events", 1, 5, "{\"type\":")));

        assertThat(reply()).isEqualTo("400400059900");
        PipelineRig.await(() -> "1".equals(rig.redis().client().hget(RejectedPayloads.key(DEVICE), "count")));
        assertThat(rig.redis().client().hgetAll(RejectedPayloads.key(DEVICE)))
                .containsEntry("lastReason", "malformed JSON")
                .containsEntry("lastPayload", "{\"type\":");
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void refusesQos2WithADisconnectThatSaysQosNotSupported() {
        channel.writeInbound(bytes(publish("anxin/v1/devices/btn-0001/events", 2, 6, "{\"type\":\"SOS\"}")));

        assertThat(reply()).isEqualTo("e0029b00"); // DISCONNECT, reason 0x9B, no properties
        PipelineRig.await(() -> {
            channel.runPendingTasks();
            return !channel.isActive();
        });
    }

    @Test
    void answersASubscriptionToEverythingWithNotAuthorized() {
        // SUBSCRIBE packet id 7, no properties, filter "#" at QoS 1
        channel.writeInbound(bytes("82 07 0007 00 0001" + ascii("#") + "01"));

        assertThat(reply()).isEqualTo("9004000700" + "87");
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void grantsItsOwnCommandTopicAtQos1() {
        channel.writeInbound(bytes("82 28 0008 00 0022" + ascii("anxin/v1/devices/btn-0001/commands") + "02"));

        assertThat(reply()).isEqualTo("9004000800" + "01");
    }

    private String reply() {
        return hex(PipelineRig.awaitOutbound(channel));
    }

    /** An MQTT 5 PUBLISH: topic, packet id, an empty property block, the payload. */
    private static String publish(String topic, int qos, int packetId, String json) {
        int length = 2 + topic.length() + 2 + 1 + json.getBytes(StandardCharsets.UTF_8).length;
        return String.format(
                Locale.ROOT,
                "%02x%02x%04x%s%04x00%s",
                0x30 | qos << 1,
                length,
                topic.length(),
                ascii(topic),
                packetId,
                ascii(json));
    }
}
