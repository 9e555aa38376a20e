package org.anxin.gateway.mqtt;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anxin.gateway.command.Command;
import org.anxin.gateway.command.Downlink;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commands to MQTT devices: a QoS 1 PUBLISH of {@code {"commandId", "type", …params}} on the
 * device's own {@code anxin/v1/devices/{id}/commands}; the device's PUBACK is the answer. Only
 * a device that subscribed to that topic gets it (as any broker would do).
 */
public final class MqttDownlink implements Downlink {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MqttContext context;

    public MqttDownlink(MqttContext context) {
        this.context = context;
    }

    @Override
    public Channel connection(String deviceId) {
        return context.connections.get(deviceId);
    }

    @Override
    public Encoded encode(Channel channel, Command c) {
        MqttSession session = MqttSession.of(channel);
        if (session == null || !session.subscribedToCommands()) {
            throw new IllegalStateException("the device has not subscribed to its command topic");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commandId", c.id());
        body.put("type", c.type());
        if (c.numbers() != null) {
            body.put(
                    "numbers",
                    c.numbers().isEmpty() ? new String[0] : c.numbers().split(","));
        }
        if (c.number() != null) {
            body.put("number", c.number());
        }
        if (c.seconds() != null) {
            body.put("seconds", c.seconds());
        }
        int packetId = session.nextPacketId();
        return new Encoded(
                MqttMessageBuilders.publish()
                        .topicName(session.commandsTopic())
                        .qos(MqttQoS.AT_LEAST_ONCE)
                        .messageId(packetId)
                        .payload(Unpooled.wrappedBuffer(
                                JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8)))
                        .build(),
                packetId);
    }
}
