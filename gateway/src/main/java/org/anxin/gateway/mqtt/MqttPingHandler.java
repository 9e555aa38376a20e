package org.anxin.gateway.mqtt;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttQoS;

/** PINGREQ → PINGRESP. */
@Sharable
public final class MqttPingHandler extends ChannelInboundHandlerAdapter {
    public static final MqttPingHandler INSTANCE = new MqttPingHandler();
    private static final MqttMessage PINGRESP =
            new MqttMessage(new MqttFixedHeader(MqttMessageType.PINGRESP, false, MqttQoS.AT_MOST_ONCE, false, 0));

    private MqttPingHandler() {}

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MqttMessage mqtt && mqtt.fixedHeader().messageType() == MqttMessageType.PINGREQ) {
            ctx.writeAndFlush(PINGRESP);
        } else {
            ctx.fireChannelRead(msg);
        }
    }
}
