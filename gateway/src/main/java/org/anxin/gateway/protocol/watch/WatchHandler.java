package org.anxin.gateway.protocol.watch;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.device.EventType;
import org.anxin.gateway.forward.DeviceDirectory;
import org.anxin.gateway.forward.HandOff;
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
    private static final long SESSION_TTL_SECONDS = 900;

    private final WatchContext context;
    private final Queue<WatchFrame> waiting = new ArrayDeque<>();
    private String deviceId;
    private boolean identifying;

    public WatchHandler(WatchContext context) {
        this.context = context;
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
        try {
            context.workers().execute(() -> {
                boolean known;
                try {
                    known = context.directory()
                            .find(id)
                            .map(r -> "watch".equals(r.protocol()))
                            .orElse(false);
                } catch (RuntimeException e) {
                    log.warn(
                            "device registry unreachable; closing watch {} from {}",
                            id,
                            ctx.channel().remoteAddress());
                    ctx.channel().eventLoop().execute(ctx::close);
                    return;
                }
                ctx.channel().eventLoop().execute(() -> identified(ctx, id, known));
            });
        } catch (RejectedExecutionException e) {
            ctx.close();
        }
    }

    private void identified(ChannelHandlerContext ctx, String id, boolean known) {
        Channel channel = ctx.channel();
        if (!known) {
            log.warn("refused watch {} from {}: not registered as a watch", id, channel.remoteAddress());
            waiting.clear();
            ctx.close();
            return;
        }
        deviceId = id;
        channel.attr(ConnectionLabel.DEVICE_ID).set(id);
        Channel previous = context.connections().put(id, channel);
        if (previous != null && previous != channel) {
            previous.close();
        }
        context.sessions().hold(id, SESSION_TTL_SECONDS);
        context.handOff().submit(DeviceEvent.connection(id, "watch", EventType.ONLINE, null), HandOff.Outcome.IGNORE);
        for (WatchFrame frame = waiting.poll(); frame != null; frame = waiting.poll()) {
            if (id.equals(frame.deviceId())) {
                handle(channel, frame);
            }
        }
        channel.config().setAutoRead(true);
    }

    private void handle(Channel channel, WatchFrame frame) {
        String type = frame.type().toUpperCase(Locale.ROOT);
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
        event.ifPresent(e -> {
            boolean queued = context.handOff()
                    .submit(e, stored -> channel.eventLoop().execute(() -> {
                        if (!stored) {
                            channel.close(); // no AL reply: the watch resends the alarm
                        } else if (alarm && channel.isActive()) {
                            channel.writeAndFlush(WatchEncoder.replyBytes(frame, "AL"));
                        }
                    }));
            if (!queued) {
                log.warn("hand-off queue full; closing {} without reply", ConnectionLabel.of(channel));
                channel.close();
            }
        });
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
        if (!context.sessionRefreshDue(channel)) {
            return;
        }
        context.sessions().hold(deviceId, SESSION_TTL_SECONDS);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            log.info("{} silent too long; closing", ConnectionLabel.of(ctx.channel()));
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        waiting.clear();
        if (deviceId != null) {
            if (context.connections().remove(deviceId, ctx.channel())) {
                context.sessions().release(deviceId);
            }
            context.handOff()
                    .submit(
                            DeviceEvent.connection(deviceId, "watch", EventType.OFFLINE, "{\"reason\":\"closed\"}"),
                            HandOff.Outcome.IGNORE);
        }
        ctx.fireChannelInactive();
    }

    /** What all watch connections of one gateway share. */
    public record WatchContext(
            DeviceDirectory directory,
            org.anxin.gateway.forward.SessionRegistry sessions,
            HandOff handOff,
            java.util.concurrent.ExecutorService workers,
            java.util.Map<String, Channel> connections) {

        private static final io.netty.util.AttributeKey<Long> LAST_REFRESH =
                io.netty.util.AttributeKey.valueOf("anxin.watchSessionRefresh");

        boolean sessionRefreshDue(Channel channel) {
            long now = System.nanoTime();
            Long last = channel.attr(LAST_REFRESH).get();
            if (last == null || now - last > 10_000_000_000L) {
                channel.attr(LAST_REFRESH).set(now);
                return last != null;
            }
            return false;
        }
    }
}
