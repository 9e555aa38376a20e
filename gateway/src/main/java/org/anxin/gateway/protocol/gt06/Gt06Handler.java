package org.anxin.gateway.protocol.gt06;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.anxin.gateway.command.PendingCommands;
import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.protocol.TcpDevices;
import org.anxin.gateway.server.ConnectionLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One GT06 connection. The first packet must be a login whose IMEI is registered as a
 * {@code gt06} device (checked in Redis, off the event loop); anything else first, or an unknown
 * IMEI, closes the connection without a reply. Login and status are acknowledged at once, alarms
 * only once handed off; location packets are not acknowledged, as the manual specifies.
 */
public final class Gt06Handler extends SimpleChannelInboundHandler<Gt06Frame> {
    private static final Logger log = LoggerFactory.getLogger(Gt06Handler.class);

    private final TcpDevices devices;
    private final java.util.Queue<Gt06Frame> waiting = new java.util.ArrayDeque<>();
    private String imei;
    private boolean loggingIn;

    public Gt06Handler(TcpDevices devices) {
        this.devices = devices;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Gt06Frame frame) {
        Channel channel = ctx.channel();
        if (imei != null) {
            handle(channel, frame);
            return;
        }
        if (loggingIn) {
            if (waiting.size() >= 32) {
                log.warn("{} sent too many packets before its login was decided; closing", channel.remoteAddress());
                ctx.close();
            } else {
                waiting.add(frame); // read together with the login, before reading paused
            }
            return;
        }
        if (frame.protocol() != Gt06Frame.LOGIN) {
            log.warn(
                    "GT06 packet {} from {} before login; closing",
                    String.format(java.util.Locale.ROOT, "%02x", frame.protocol()),
                    channel.remoteAddress());
            devices.metrics().refused("gt06", "before_login");
            ctx.close();
            return;
        }
        String claimed;
        try {
            claimed = Gt06Events.imei(frame);
        } catch (IllegalArgumentException e) {
            log.warn("bad GT06 login from {}: {}", channel.remoteAddress(), e.getMessage());
            devices.metrics().refused("gt06", "bad_credentials");
            ctx.close();
            return;
        }
        loggingIn = true;
        channel.config().setAutoRead(false);
        try {
            devices.workers().execute(() -> {
                boolean known = devices.registeredAs(claimed, "gt06", channel);
                channel.eventLoop().execute(() -> loggedIn(channel, frame, claimed, known));
            });
        } catch (RejectedExecutionException e) {
            ctx.close();
        }
    }

    private void loggedIn(Channel channel, Gt06Frame login, String claimed, boolean known) {
        loggingIn = false;
        if (!known) {
            log.warn("refused GT06 device {} from {}: not registered as gt06", claimed, channel.remoteAddress());
            waiting.clear();
            channel.close();
            return;
        }
        imei = claimed;
        devices.online(claimed, "gt06", channel, devices.sessionTtlSeconds());
        channel.writeAndFlush(Gt06Encoder.ackBytes(login));
        for (Gt06Frame frame = waiting.poll(); frame != null; frame = waiting.poll()) {
            handle(channel, frame);
        }
        channel.config().setAutoRead(true);
    }

    private void handle(Channel channel, Gt06Frame frame) {
        Integer answered = Gt06Commands.answeredFlag(frame);
        if (answered != null) {
            PendingCommands.acknowledged(channel, answered);
            devices.touch(imei, channel, devices.sessionTtlSeconds());
            return;
        }
        Optional<DeviceEvent> event;
        try {
            event = Gt06Events.of(frame, imei, Instant.now());
        } catch (IllegalArgumentException e) {
            log.warn(
                    "rejected GT06 packet from {}: {}; packet {}",
                    ConnectionLabel.of(channel),
                    e.getMessage(),
                    frame.hex());
            return;
        }
        boolean alarm = frame.protocol() == Gt06Frame.ALARM || frame.protocol() == Gt06Frame.ALARM_2;
        event.ifPresent(e -> devices.handOff(channel, e, alarm ? () -> Gt06Encoder.ackBytes(frame) : null));
        if (frame.protocol() == Gt06Frame.STATUS || frame.protocol() == Gt06Frame.LOGIN) {
            channel.writeAndFlush(Gt06Encoder.ackBytes(frame));
        }
        devices.touch(imei, channel, devices.sessionTtlSeconds());
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
        if (imei != null) {
            devices.offline(imei, "gt06", ctx.channel());
        }
        ctx.fireChannelInactive();
    }
}
