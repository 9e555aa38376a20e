package org.anxin.gateway.mqtt;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
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
 * has the event ({@link PublishAcks} brings the forwarder's reports back, a batch at a time). What cannot be stored is answered as MQTT 5 lets us say why (docs/protocols.md):
 * another device's topic, QoS 2, a payload that breaks the contract.
 */
@Sharable
public final class MqttPublishHandler extends SimpleChannelInboundHandler<MqttPublishMessage> {
    private static final Logger log = LoggerFactory.getLogger(MqttPublishHandler.class);
    static final byte NOT_AUTHORIZED = (byte) 0x87;
    static final byte PAYLOAD_FORMAT_INVALID = (byte) 0x99;
    static final byte QOS_NOT_SUPPORTED = (byte) 0x9B;

    private final MqttContext context;
    private final PublishAcks acks = new PublishAcks();

    public MqttPublishHandler(MqttContext context) {
        this.context = context;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttPublishMessage publish) {
        Channel channel = ctx.channel();
        MqttSession session = MqttSession.of(channel);
        String topic = publish.variableHeader().topicName();
        MqttQoS qos = publish.fixedHeader().qosLevel();
        int packetId = publish.variableHeader().packetId();
        if (!session.eventsTopic().equals(topic)) {
            refuseTopic(ctx, session, topic, qos, packetId);
            return;
        }
        if (qos == MqttQoS.EXACTLY_ONCE) {
            // MQTT 5 clients were told Maximum QoS 1 in the CONNACK: this is a protocol error
            log.warn("{} published at QoS 2, which is not supported; closing", ConnectionLabel.of(channel));
            closeWith(ctx, session, QOS_NOT_SUPPORTED);
            return;
        }
        String payload = publish.payload().toString(StandardCharsets.UTF_8);
        DeviceEvent event;
        try {
            event = MqttPayloadParser.parse(session.deviceId(), payload, Instant.now());
        } catch (RejectedPayload rejected) {
            refusePayload(ctx, session, rejected.getMessage(), payload, qos, packetId);
            return;
        }
        boolean queued = context.handOff.submit(event, acks.outcome(channel, session, qos, packetId));
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

    /**
     * Another device's topic: an MQTT 5 client hears PUBACK 0x87 (QoS 1) or nothing (QoS 0) and
     * keeps its connection; a 3.1.1 client cannot be told, so it is closed (MQTT 3.1.1 §3.3.5).
     */
    private static void refuseTopic(
            ChannelHandlerContext ctx, MqttSession session, String topic, MqttQoS qos, int packetId) {
        if (!session.mqtt5()) {
            log.warn("{} published to {}, not its own events topic; closing", ConnectionLabel.of(ctx.channel()), topic);
            ctx.close();
            return;
        }
        log.warn("{} published to {}, not its own events topic; refused", ConnectionLabel.of(ctx.channel()), topic);
        if (qos == MqttQoS.AT_LEAST_ONCE) {
            ctx.writeAndFlush(pubAck(packetId, NOT_AUTHORIZED));
        }
    }

    /**
     * A payload that breaks the contract can never be stored, so it is answered rather than left
     * for a resend: MQTT 5 with PUBACK 0x99 (payload format invalid), 3.1.1 with a plain PUBACK
     * (it has no way to say no). Either way it is counted, kept on the device's record for its
     * page, and logged the first time on the connection (then at DEBUG).
     */
    private void refusePayload(
            ChannelHandlerContext ctx, MqttSession session, String reason, String payload, MqttQoS qos, int packetId) {
        String shown = preview(payload);
        if (session.firstRejection()) {
            log.warn("rejected event from {}: {}; payload {}", ConnectionLabel.of(ctx.channel()), reason, shown);
        } else {
            log.debug("rejected event from {}: {}; payload {}", ConnectionLabel.of(ctx.channel()), reason, shown);
        }
        context.metrics.rejectedPayload("mqtt");
        context.rejected.record(session.deviceId(), reason, shown, Instant.now());
        if (qos == MqttQoS.AT_LEAST_ONCE) {
            ctx.writeAndFlush(session.mqtt5() ? pubAck(packetId, PAYLOAD_FORMAT_INVALID) : pubAck(packetId));
        }
    }

    private static void closeWith(ChannelHandlerContext ctx, MqttSession session, byte reason) {
        if (session.mqtt5()) {
            ctx.writeAndFlush(
                            MqttMessageBuilders.disconnect().reasonCode(reason).build())
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }

    private static MqttMessage pubAck(int packetId) {
        return MqttMessageBuilders.pubAck().packetId(packetId).build();
    }

    private static MqttMessage pubAck(int packetId, byte reason) {
        return MqttMessageBuilders.pubAck()
                .packetId(packetId)
                .reasonCode(reason)
                .build();
    }

    private static String preview(String payload) {
        String oneLine = payload.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
