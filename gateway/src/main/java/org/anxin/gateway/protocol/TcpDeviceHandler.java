package org.anxin.gateway.protocol;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import org.anxin.gateway.server.ClientAddress;
import org.anxin.gateway.server.ConnectionLabel;
import org.anxin.gateway.server.LoginFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a watch and a GT06 connection share: the login wait and the idle handling. The first frame
 * names the device; reading pauses while the registry is asked (Redis, off the event loop); frames
 * read together with the first wait (at most {@value #MAX_WAITING}) and are handled in order once
 * the device is accepted. A device not registered for the protocol, or logging in from outside its
 * device group's networks, is closed without a reply. A
 * connection silent past the heartbeat limit is closed, and a closed one is reported OFFLINE.
 *
 * @param <F> the protocol's decoded frame
 */
public abstract class TcpDeviceHandler<F> extends SimpleChannelInboundHandler<F> {
    /** Frames one read may carry behind the login before it is decided; more is not a device. */
    static final int MAX_WAITING = 32;

    private static final Logger log = LoggerFactory.getLogger(TcpDeviceHandler.class);

    protected final TcpDevices devices;
    private final String protocol;
    private final Queue<F> waiting = new ArrayDeque<>();
    private String deviceId;
    private boolean deciding;

    protected TcpDeviceHandler(TcpDevices devices, String protocol) {
        this.devices = devices;
        this.protocol = protocol;
    }

    /**
     * The device id the connection's first frame claims, or null when the frame cannot start a
     * connection (the implementation logs and counts why; the connection is then closed).
     */
    protected abstract String claimedId(Channel channel, F first);

    /** A frame of the accepted device, on the event loop. */
    protected abstract void handle(Channel channel, F frame);

    /** The accepted device's id, or null before the login is decided. */
    protected final String deviceId() {
        return deviceId;
    }

    @Override
    protected final void channelRead0(ChannelHandlerContext ctx, F frame) {
        Channel channel = ctx.channel();
        if (deviceId != null) {
            handle(channel, frame);
        } else if (deciding) {
            if (waiting.size() >= MAX_WAITING) {
                log.warn(
                        "{} sent more than {} {} frames before its login was decided; closing",
                        ClientAddress.of(channel),
                        MAX_WAITING,
                        protocol);
                ctx.close();
            } else {
                waiting.add(frame); // read together with the first, before reading paused
            }
        } else {
            LoginFailures failures = devices.loginFailures();
            if (failures.blocked(channel)) {
                log.debug("{} refused: too many failed logins from its address", ClientAddress.of(channel));
                devices.metrics().refused(protocol, "rate_limited");
                ctx.close(); // the answer an unknown device gets: nothing
                return;
            }
            String claimed = claimedId(channel, frame);
            if (claimed == null) {
                failed(channel);
                ctx.close();
                return;
            }
            deciding = true;
            waiting.add(frame);
            channel.config().setAutoRead(false);
            try {
                devices.workers().execute(() -> {
                    String refusal = devices.refusal(claimed, protocol, channel);
                    channel.eventLoop().execute(() -> decided(channel, claimed, refusal));
                });
            } catch (RejectedExecutionException e) {
                log.warn(
                        "{} device {} from {}: gateway shutting down; closing",
                        protocol,
                        claimed,
                        ClientAddress.of(channel));
                ctx.close();
            }
        }
    }

    private void decided(Channel channel, String claimed, String refusal) {
        deciding = false;
        if (refusal != null) {
            log.warn(
                    "refused {} device {} from {}: {}",
                    protocol,
                    ConnectionLabel.clean(claimed),
                    ClientAddress.of(channel),
                    refusal);
            failed(channel);
            waiting.clear();
            channel.close();
            return;
        }
        if (!devices.online(claimed, protocol, channel, devices.sessionTtlSeconds())) {
            waiting.clear();
            channel.close();
            return;
        }
        deviceId = claimed;
        for (F frame = waiting.poll(); frame != null; frame = waiting.poll()) {
            handle(channel, frame);
        }
        channel.config().setAutoRead(true);
    }

    private void failed(Channel channel) {
        if (devices.loginFailures().failed(channel)) {
            log.warn(
                    "{} reached the limit of failed {} logins; its address is refused for a while (IMEI scan?)",
                    ClientAddress.of(channel),
                    protocol);
        }
    }

    @Override
    public final void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            devices.silent(ctx.channel());
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public final void channelInactive(ChannelHandlerContext ctx) {
        waiting.clear();
        if (deviceId != null) {
            devices.offline(deviceId, protocol, ctx.channel());
        }
        ctx.fireChannelInactive();
    }
}
