package org.anxin.gateway.mqtt;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.device.EventType;
import org.anxin.gateway.forward.HandOff;
import org.anxin.gateway.server.ClientAddress;
import org.anxin.gateway.server.ConnectionLabel;
import org.anxin.gateway.server.PipelineStages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate of every MQTT connection: nothing passes before an accepted CONNECT. The credential
 * check needs Redis, so it runs on a worker; packets a client pipelines behind its CONNECT (which
 * MQTT allows) wait here, and the socket is not read meanwhile. One instance per channel.
 */
public final class MqttConnectHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(MqttConnectHandler.class);
    private static final int MAX_WAITING_PACKETS = 32;

    private final MqttContext context;
    private final Queue<Object> waiting = new ArrayDeque<>();
    private boolean deciding;

    public MqttConnectHandler(MqttContext context) {
        this.context = context;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MqttMessage mqtt && mqtt.decoderResult().isFailure()) {
            log.warn(
                    "malformed MQTT packet from {}: {}",
                    ConnectionLabel.of(ctx.channel()),
                    mqtt.decoderResult().cause().toString());
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        MqttSession session = MqttSession.of(ctx.channel());
        if (session != null) {
            if (msg instanceof MqttConnectMessage) {
                log.warn("second CONNECT from {}; closing", ConnectionLabel.of(ctx.channel()));
                ReferenceCountUtil.release(msg);
                ctx.close();
                return;
            }
            if (session.sessionRefreshDue()) {
                context.sessions.hold(session.deviceId(), session.sessionTtlSeconds());
            }
            ctx.fireChannelRead(msg);
        } else if (deciding) {
            if (waiting.size() >= MAX_WAITING_PACKETS) {
                log.warn("{} sent too many packets before CONNACK; closing", ConnectionLabel.of(ctx.channel()));
                ReferenceCountUtil.release(msg);
                ctx.close();
            } else {
                waiting.add(msg);
            }
        } else if (msg instanceof MqttConnectMessage connect && context.loginFailures.blocked(ctx.channel())) {
            // the answer an unknown device gets, without asking the registry
            log.debug("{} refused: too many failed logins from its address", ClientAddress.of(ctx.channel()));
            context.metrics.refused("mqtt", "rate_limited");
            boolean v5 = connect.variableHeader().version() == MqttVersion.MQTT_5.protocolLevel();
            ReferenceCountUtil.release(msg);
            ctx.writeAndFlush(connAck(ConnectDecision.refusedAsUnknown(v5))).addListener(ChannelFutureListener.CLOSE);
        } else if (msg instanceof MqttConnectMessage connect) {
            deciding = true;
            ctx.channel().config().setAutoRead(false);
            if (context.admission == null) {
                decideOffLoop(ctx, connect);
            } else {
                admit(ctx, connect);
            }
        } else {
            log.warn("{} sent a packet before CONNECT; closing", ConnectionLabel.of(ctx.channel()));
            context.metrics.refused("mqtt", "before_login");
            failed(ctx.channel());
            ReferenceCountUtil.release(msg);
            ctx.close();
        }
    }

    private void decideOffLoop(ChannelHandlerContext ctx, MqttConnectMessage connect) {
        try {
            context.workers.execute(() -> {
                ConnectDecision decision =
                        ConnectDecision.decide(connect, context.directory, ClientAddress.of(ctx.channel()));
                ctx.channel().eventLoop().execute(() -> complete(ctx, connect, decision));
            });
        } catch (RejectedExecutionException e) {
            ctx.close();
        }
    }

    /**
     * Admission control: the CONNECT waits for its batch's registry look-up, or, when too many
     * already wait, is answered "server busy" at once and closed (the device backs off and retries).
     */
    private void admit(ChannelHandlerContext ctx, MqttConnectMessage connect) {
        boolean admitted =
                context.admission.offer(new ConnectAdmission.Request(connect, ctx.channel(), decision -> ctx.channel()
                        .eventLoop()
                        .execute(() -> complete(ctx, connect, decision))));
        if (admitted) {
            return;
        }
        deciding = false;
        context.metrics.refused("mqtt", "server_busy");
        log.debug("{} answered server busy: too many CONNECTs waiting", ConnectionLabel.of(ctx.channel()));
        releaseWaiting();
        ReferenceCountUtil.release(connect);
        ctx.writeAndFlush(connAck(ConnectDecision.busy(ConnectDecision.isMqtt5(connect))))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private void complete(ChannelHandlerContext ctx, MqttConnectMessage connect, ConnectDecision decision) {
        Channel channel = ctx.channel();
        String deviceId = connect.payload().clientIdentifier();
        deciding = false;
        if (!channel.isActive()) {
            releaseWaiting();
            return;
        }
        if (!decision.accepted()) {
            log.warn(
                    "refused MQTT device {} from {}: {}",
                    ConnectionLabel.clean(deviceId),
                    ClientAddress.of(channel),
                    decision.reason());
            context.metrics.refused("mqtt", decision.refusal());
            if (!"registry_unavailable".equals(decision.refusal())) {
                failed(channel);
            }
            releaseWaiting();
            ctx.writeAndFlush(connAck(decision)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        int keepAlive = connect.variableHeader().keepAliveTimeSeconds();
        int effectiveKeepAlive =
                keepAlive <= 0 ? context.maxKeepAliveSeconds : Math.min(keepAlive, context.maxKeepAliveSeconds);
        long idleMillis = effectiveKeepAlive * 1500L;
        boolean mqtt5 = connect.variableHeader().version() == MqttVersion.MQTT_5.protocolLevel();
        MqttSession session = new MqttSession(deviceId, Math.max(90, idleMillis / 1000), mqtt5);
        if (connect.variableHeader().isWillFlag()) {
            byte[] will = connect.payload().willMessageInBytes();
            session.will(connect.payload().willTopic(), will == null ? "" : new String(will, StandardCharsets.UTF_8));
        }
        channel.attr(MqttSession.KEY).set(session);
        channel.attr(ConnectionLabel.DEVICE_ID).set(deviceId);
        channel.pipeline()
                .replace(
                        PipelineStages.IDLE,
                        PipelineStages.IDLE,
                        new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS));

        Channel previous = context.connections.put(deviceId, channel);
        if (previous != null && previous != channel) {
            previous.attr(MqttSession.OFFLINE_REASON).set("takeover");
            previous.close();
            log.info("device {} reconnected from {}; closed its older connection", deviceId, ClientAddress.of(channel));
        }
        context.sessions.hold(
                deviceId,
                session.sessionTtlSeconds(),
                () -> context.handOff.submit(
                        DeviceEvent.connection(deviceId, "mqtt", EventType.ONLINE, null), HandOff.Outcome.IGNORE));
        ctx.writeAndFlush(mqtt5 ? acceptedMqtt5(keepAlive, effectiveKeepAlive) : connAck(decision));
        log.debug("accepted MQTT device {} from {}", deviceId, ClientAddress.of(channel));

        for (Object msg = waiting.poll(); msg != null; msg = waiting.poll()) {
            channelRead(ctx, msg);
        }
        channel.config().setAutoRead(true);
    }

    private static MqttConnAckMessage connAck(ConnectDecision decision) {
        return MqttMessageBuilders.connAck()
                .returnCode(decision.code())
                .sessionPresent(false)
                .build();
    }

    /**
     * What this gateway does not do, said up front as MQTT 5 capability properties: QoS 2, retained
     * messages, wildcard, shared and identified subscriptions; and the keep-alive it enforces when
     * it is not the one the client asked for.
     */
    private static MqttConnAckMessage acceptedMqtt5(int requestedKeepAlive, int keepAlive) {
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.IntegerProperty(MqttProperties.MqttPropertyType.MAXIMUM_QOS.value(), 1));
        properties.add(new MqttProperties.IntegerProperty(MqttProperties.MqttPropertyType.RETAIN_AVAILABLE.value(), 0));
        properties.add(new MqttProperties.IntegerProperty(
                MqttProperties.MqttPropertyType.WILDCARD_SUBSCRIPTION_AVAILABLE.value(), 0));
        properties.add(new MqttProperties.IntegerProperty(
                MqttProperties.MqttPropertyType.SUBSCRIPTION_IDENTIFIER_AVAILABLE.value(), 0));
        properties.add(new MqttProperties.IntegerProperty(
                MqttProperties.MqttPropertyType.SHARED_SUBSCRIPTION_AVAILABLE.value(), 0));
        if (requestedKeepAlive != keepAlive) {
            properties.add(new MqttProperties.IntegerProperty(
                    MqttProperties.MqttPropertyType.SERVER_KEEP_ALIVE.value(), keepAlive));
        }
        return MqttMessageBuilders.connAck()
                .returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
                .sessionPresent(false)
                .properties(properties)
                .build();
    }

    private void failed(Channel channel) {
        if (context.loginFailures.failed(channel)) {
            log.warn(
                    "{} reached the limit of failed MQTT logins; its address is refused for a while",
                    ClientAddress.of(channel));
        }
    }

    private void releaseWaiting() {
        for (Object msg = waiting.poll(); msg != null; msg = waiting.poll()) {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseWaiting();
        ctx.fireChannelInactive();
    }
}
