package org.anxin.sim.load;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * An MQTT button that presses SOS once: {@code {"type":"SOS","ts":"2026-11-30T01:15:22.123Z"}},
 * QoS 1, to {@code anxin/v1/devices/{id}/events}. {@link #pressedAtNanos()} is taken just before the
 * PUBLISH is written, on the channel's event loop.
 */
final class SosDevice extends ChannelInboundHandlerAdapter {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String deviceId;
    private final byte[] connectPacket;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private ChannelHandlerContext ctx;
    private volatile long pressedAtNanos;
    private volatile boolean acked;

    SosDevice(String deviceId, byte[] secret, int keepAliveSeconds) {
        this.deviceId = deviceId;
        this.connectPacket = MqttPackets.connect(deviceId, secret, keepAliveSeconds);
    }

    String deviceId() {
        return deviceId;
    }

    CompletableFuture<Void> ready() {
        return ready;
    }

    long pressedAtNanos() {
        return pressedAtNanos;
    }

    boolean acked() {
        return acked;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(connectPacket));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof BrokerPacket.ConnAck connAck) {
            if (connAck.returnCode() == 0) {
                ready.complete(null);
            } else {
                ready.completeExceptionally(new IllegalStateException(
                        "SOS device " + deviceId + ": CONNACK return code " + connAck.returnCode()));
            }
        } else if (msg instanceof BrokerPacket.PubAck) {
            acked = true;
        }
    }

    /** Runs on the channel's event loop. */
    void press() {
        Instant now = Instant.now();
        byte[] payload = ("{\"type\":\"SOS\",\"ts\":\"" + TS.format(now) + "\"}").getBytes(StandardCharsets.UTF_8);
        PublishTemplate publish = MqttPackets.publish("anxin/v1/devices/" + deviceId + "/events", payload, 1);
        pressedAtNanos = System.nanoTime();
        ctx.writeAndFlush(publish.encode(ctx.alloc(), 1));
    }

    void disconnect() {
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(MqttPackets.DISCONNECT)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.WRITER_IDLE) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(MqttPackets.PINGREQ));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ready.completeExceptionally(new IllegalStateException("SOS device " + deviceId + ": closed before CONNACK"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
