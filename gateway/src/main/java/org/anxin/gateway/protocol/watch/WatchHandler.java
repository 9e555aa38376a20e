package org.anxin.gateway.protocol.watch;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AttributeKey;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import org.anxin.gateway.command.PendingCommands;
import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.protocol.TcpDevices;
import org.anxin.gateway.server.ConnectionLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch connection: the first frame names the watch, which must be registered as a
 * {@code watch} device (checked in Redis, off the event loop) or the connection is closed without
 * a reply. Frames become events; the replies are the ones watches expect: LK and AL acknowledged
 * (AL only once the alarm is handed off), TKQ/TKQ2 echoed, INIT answered, UD not answered.
 */
public final class WatchHandler extends SimpleChannelInboundHandler<WatchFrame> {
    private static final Logger log = LoggerFactory.getLogger(WatchHandler.class);
    /** The watch's latest frame: downlink commands copy its maker code and index form. */
    static final AttributeKey<WatchFrame> LAST_FRAME = AttributeKey.valueOf("anxin.watchLastFrame");

    private final TcpDevices devices;
    private final Queue<WatchFrame> waiting = new ArrayDeque<>();
    private String deviceId;
    private boolean identifying;

    public WatchHandler(TcpDevices devices) {
        this.devices = devices;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WatchFrame frame) {
        if (deviceId == null) {
            waiting.add(frame);
            if (!identifying) {
                identifying = true;
                ctx.channel().config().setAutoRead(false);
                identify(ctx, frame.deviceId());
            }
            return;
        }
        if (!deviceId.equals(frame.deviceId())) {
            log.warn(
                    "{} switched to id {} mid-connection; closing",
                    ConnectionLabel.of(ctx.channel()),
                    frame.deviceId());
            ctx.close();
            return;
        }
        handle(ctx.channel(), frame);
    }

    private void identify(ChannelHandlerContext ctx, String id) {
        Channel channel = ctx.channel();
        try {
            devices.workers().execute(() -> {
                boolean known = devices.registeredAs(id, "watch", channel);
                channel.eventLoop().execute(() -> identified(channel, id, known));
            });
        } catch (RejectedExecutionException e) {
            ctx.close();
        }
    }

    private void identified(Channel channel, String id, boolean known) {
        if (!known) {
            log.warn("refused watch {} from {}: not registered as a watch", id, channel.remoteAddress());
            waiting.clear();
            channel.close();
            return;
        }
        deviceId = id;
        devices.online(id, "watch", channel, devices.sessionTtlSeconds());
        for (WatchFrame frame = waiting.poll(); frame != null; frame = waiting.poll()) {
            if (id.equals(frame.deviceId())) {
                handle(channel, frame);
            }
        }
        channel.config().setAutoRead(true);
    }

    private void handle(Channel channel, WatchFrame frame) {
        String type = frame.type().toUpperCase(Locale.ROOT);
        channel.attr(LAST_FRAME).set(frame);
        PendingCommands.acknowledged(channel, type); // the watch answering a command echoes its keyword
        Optional<DeviceEvent> event;
        try {
            event = WatchEvents.of(frame, Instant.now());
        } catch (IllegalArgumentException e) {
            log.warn(
                    "rejected {} frame from {}: {}; frame {}",
                    frame.type(),
                    ConnectionLabel.of(channel),
                    e.getMessage(),
                    frame.text());
            return;
        }
        boolean alarm = type.startsWith("AL");
        event.ifPresent(e -> devices.handOff(channel, e, alarm ? () -> WatchEncoder.replyBytes(frame, "AL") : null));
        String reply =
                switch (type) {
                    case "LK" -> "LK";
                    case "TKQ", "TKQ2" -> frame.type();
                    case "INIT" -> "INIT,1";
                    default -> null;
                };
        if (reply != null) {
            channel.writeAndFlush(WatchEncoder.replyBytes(frame, reply));
        }
        devices.touch(deviceId, channel, devices.sessionTtlSeconds());
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            devices.silent(ctx.channel());
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        waiting.clear();
        if (deviceId != null) {
            devices.offline(deviceId, "watch", ctx.channel());
        }
        ctx.fireChannelInactive();
    }
}
