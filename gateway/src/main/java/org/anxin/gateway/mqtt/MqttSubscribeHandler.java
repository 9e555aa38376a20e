package org.anxin.gateway.mqtt;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import java.util.ArrayList;
import java.util.List;
import org.anxin.gateway.command.PendingCommands;
import org.anxin.gateway.server.ConnectionLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device may subscribe only to its own command topic; any other filter gets 0x87 "not authorized"
 * (MQTT 5) or the failure code 0x80 (3.1.1), and the connection goes on. Its
 * PUBACKs to the commands published to it are the answers the commands wait for.
 */
@Sharable
public final class MqttSubscribeHandler extends ChannelInboundHandlerAdapter {
    public static final MqttSubscribeHandler INSTANCE = new MqttSubscribeHandler();
    private static final Logger log = LoggerFactory.getLogger(MqttSubscribeHandler.class);
    private static final int FAILURE = 0x80;
    /** MQTT 5 SUBACK reason "not authorized"; 3.1.1 has only the failure code 0x80. */
    private static final int NOT_AUTHORIZED = 0x87;

    private MqttSubscribeHandler() {}

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MqttSubscribeMessage subscribe) {
            MqttSession session = MqttSession.of(ctx.channel());
            List<Integer> granted = new ArrayList<>();
            for (MqttTopicSubscription subscription : subscribe.payload().topicSubscriptions()) {
                if (session.commandsTopic().equals(subscription.topicFilter())) {
                    session.subscribedToCommands(true);
                    granted.add(Math.min(subscription.qualityOfService().value(), MqttQoS.AT_LEAST_ONCE.value()));
                } else {
                    log.warn(
                            "{} may not subscribe to {}",
                            ConnectionLabel.of(ctx.channel()),
                            subscription.topicFilter());
                    granted.add(session.mqtt5() ? NOT_AUTHORIZED : FAILURE);
                }
            }
            ctx.writeAndFlush(new MqttSubAckMessage(
                    new MqttFixedHeader(MqttMessageType.SUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                    MqttMessageIdVariableHeader.from(subscribe.variableHeader().messageId()),
                    new MqttSubAckPayload(granted)));
        } else if (msg instanceof MqttUnsubscribeMessage unsubscribe) {
            MqttSession session = MqttSession.of(ctx.channel());
            if (unsubscribe.payload().topics().contains(session.commandsTopic())) {
                session.subscribedToCommands(false);
            }
            ctx.writeAndFlush(new MqttUnsubAckMessage(
                    new MqttFixedHeader(MqttMessageType.UNSUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                    MqttMessageIdVariableHeader.from(
                            unsubscribe.variableHeader().messageId())));
        } else if (msg instanceof MqttMessage mqtt
                && mqtt.fixedHeader().messageType() == MqttMessageType.PUBACK
                && mqtt.variableHeader() instanceof MqttMessageIdVariableHeader id) {
            PendingCommands.acknowledged(ctx.channel(), id.messageId());
        } else {
            ctx.fireChannelRead(msg);
        }
    }
}
