package org.anxin.gateway.protocol.gt06;

import io.netty.channel.Channel;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.anxin.gateway.command.PendingCommands;
import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.protocol.TcpDeviceHandler;
import org.anxin.gateway.protocol.TcpDevices;
import org.anxin.gateway.server.ConnectionLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One GT06 connection. The first packet must be a login whose IMEI is registered as a
 * {@code gt06} device; anything else first, or an unknown IMEI, closes the connection without a
 * reply. Login and status are acknowledged at once, alarms only once handed off; location packets
 * are not acknowledged, as the manual specifies.
 */
public final class Gt06Handler extends TcpDeviceHandler<Gt06Frame> {
    private static final Logger log = LoggerFactory.getLogger(Gt06Handler.class);

    public Gt06Handler(TcpDevices devices) {
        super(devices, "gt06");
    }

    @Override
    protected String claimedId(Channel channel, Gt06Frame first) {
        if (first.protocol() != Gt06Frame.LOGIN) {
            log.warn(
                    "GT06 packet {} from {} before login; closing",
                    String.format(Locale.ROOT, "%02x", first.protocol()),
                    channel.remoteAddress());
            devices.metrics().refused("gt06", "before_login");
            return null;
        }
        try {
            return Gt06Events.imei(first);
        } catch (IllegalArgumentException e) {
            log.warn("bad GT06 login from {}: {}", channel.remoteAddress(), e.getMessage());
            devices.metrics().refused("gt06", "bad_credentials");
            return null;
        }
    }

    @Override
    protected void handle(Channel channel, Gt06Frame frame) {
        String imei = deviceId();
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
}
