package org.anxin.gateway.mqtt;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.device.MqttPayloadParser;
import org.anxin.gateway.device.RejectedPayload;
import org.anxin.gateway.server.ConnectionLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device uplink: {@code anxin/v1/devices/{id}/events}. A QoS 1 PUBACK leaves only once Redis
 * has the event; a payload that breaks the contract is acked (a resend could never succeed)
 * and dropped with a log line.
 */
@Sharable
public final class MqttPublishHandler extends SimpleChannelInboundHandler<MqttPublishMessage> {
    private static final Logger log = LoggerFactory.getLogger(MqttPublishHandler.class);

    private final MqttContext context;

    public MqttPublishHandler(MqttContext context) {
        this.context = context;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttPublishMessage publish) {
        Channel channel = ctx.channel();
        MqttSession session = MqttSession.of(channel);
        String topic = publish.variableHeader().topicName();
        MqttQoS qos = publish.fixedHeader().qosLevel();
        if (!session.eventsTopic().equals(topic)) {
            log.warn("{} published to {}, not its own events topic; closing", ConnectionLabel.of(channel), topic);
            ctx.close();
            return;
        }
        if (qos == MqttQoS.EXACTLY_ONCE) {
            log.warn("{} published at QoS 2, which is not supported; closing", ConnectionLabel.of(channel));
            ctx.close();
            return;
        }
        int packetId = publish.variableHeader().packetId();
        String payload = publish.payload().toString(StandardCharsets.UTF_8);
        DeviceEvent event;
        try {
            event = MqttPayloadParser.parse(session.deviceId(), payload, Instant.now());
        } catch (RejectedPayload rejected) {
            log.warn(
                    "rejected event from {}: {}; payload {}",
                    ConnectionLabel.of(channel),
                    rejected.getMessage(),
                    preview(payload));
            if (qos == MqttQoS.AT_LEAST_ONCE) {
                ctx.writeAndFlush(pubAck(packetId));
            }
            return;
        }
        boolean queued = context.handOff.submit(
                event, stored -> channel.eventLoop().execute(() -> handedOff(channel, session, qos, packetId, stored)));
        if (!queued) {
            log.warn("hand-off queue full; closing {} without ack so it resends", ConnectionLabel.of(channel));
            ctx.close();
            return;
        }
        if (context.handOff.congested() && channel.config().isAutoRead()) {
            channel.config().setAutoRead(false);
            context.handOff.whenDrained(
                    () -> channel.eventLoop().execute(() -> channel.config().setAutoRead(true)));
        }
    }

    private static void handedOff(Channel channel, MqttSession session, MqttQoS qos, int packetId, boolean stored) {
        if (!stored) {
            // no ack: the device keeps the message and redelivers it when it reconnects
            channel.attr(MqttSession.OFFLINE_REASON).set("handoff-failed");
            channel.close();
        } else if (qos == MqttQoS.AT_LEAST_ONCE && channel.isActive()) {
            session.writeSoon(channel, pubAck(packetId));
        }
    }

    private static MqttMessage pubAck(int packetId) {
        return MqttMessageBuilders.pubAck().packetId(packetId).build();
    }

    private static String preview(String payload) {
        String oneLine = payload.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
