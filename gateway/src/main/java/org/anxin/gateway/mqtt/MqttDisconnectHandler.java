package org.anxin.gateway.mqtt;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.device.EventType;
import org.anxin.gateway.forward.HandOff;
import org.anxin.gateway.server.ConnectionLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * DISCONNECT, keep-alive expiry and socket close: the session ends and an OFFLINE event is made,
 * with the reason and, unless the device said DISCONNECT, the Last Will it left.
 */
@Sharable
public final class MqttDisconnectHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(MqttDisconnectHandler.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MqttContext context;

    public MqttDisconnectHandler(MqttContext context) {
        this.context = context;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MqttMessage mqtt && mqtt.fixedHeader().messageType() == MqttMessageType.DISCONNECT) {
            ctx.channel().attr(MqttSession.OFFLINE_REASON).setIfAbsent("disconnect");
            ctx.close();
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            log.info("{} silent past its keep-alive; closing", ConnectionLabel.of(ctx.channel()));
            ctx.channel().attr(MqttSession.OFFLINE_REASON).setIfAbsent("keepalive");
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Channel channel = ctx.channel();
        MqttSession session = MqttSession.of(channel);
        if (session != null) {
            String deviceId = session.deviceId();
            String reason = channel.attr(MqttSession.OFFLINE_REASON).get();
            // after a takeover the device is still online, on its newer connection
            if (context.connections.remove(deviceId, channel)) {
                context.sessions.release(deviceId);
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("reason", reason == null ? "closed" : reason);
            // MQTT: the will goes out when the connection ends any way but a DISCONNECT
            if (session.willTopic() != null && !"disconnect".equals(reason)) {
                attrs.put("willTopic", session.willTopic());
                attrs.put("will", session.willMessage());
            }
            context.handOff.submit(
                    DeviceEvent.connection(deviceId, "mqtt", EventType.OFFLINE, JSON.writeValueAsString(attrs)),
                    HandOff.Outcome.IGNORE);
        }
        ctx.fireChannelInactive();
    }
}
