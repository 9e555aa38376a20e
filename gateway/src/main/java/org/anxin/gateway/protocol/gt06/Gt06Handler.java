package org.anxin.gateway.protocol.gt06;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.anxin.gateway.command.PendingCommands;
import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.protocol.TcpDeviceHandler;
import org.anxin.gateway.protocol.TcpDevices;
import org.anxin.gateway.server.ClientAddress;
import org.anxin.gateway.server.ConnectionLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One GT06 connection. The first packet must be a login whose IMEI is registered as a
 * {@code gt06} device; anything else first, or an unknown IMEI, closes the connection without a
 * reply. Every packet a tracker waits an answer for gets it in the manual's format ({@link
 * Gt06Encoder}); a packet that makes an event is answered only once Redis has the event. A packet
 * that cannot be read is logged and answered, so the tracker does not resend it forever; an
 * unreadable alarm packet still raises a generic alarm.
 */
public final class Gt06Handler extends TcpDeviceHandler<Gt06Frame> {
    private static final Logger log = LoggerFactory.getLogger(Gt06Handler.class);

    private boolean warnedCrc;

    public Gt06Handler(TcpDevices devices) {
        super(devices, "gt06");
    }

    @Override
    protected String claimedId(Channel channel, Gt06Frame first) {
        if (first.protocol() != Gt06Frame.LOGIN) {
            log.warn(
                    "GT06 packet {} from {} before login; closing",
                    String.format(Locale.ROOT, "%02x", first.protocol()),
                    ClientAddress.of(channel));
            devices.metrics().refused("gt06", "before_login");
            return null;
        }
        try {
            return Gt06Events.imei(first);
        } catch (IllegalArgumentException e) {
            log.warn("bad GT06 login from {}: {}", ClientAddress.of(channel), e.getMessage());
            devices.metrics().refused("gt06", "bad_credentials");
            return null;
        }
    }

    @Override
    protected void handle(Channel channel, Gt06Frame frame) {
        String imei = deviceId();
        if (!frame.crcValid() && !warnedCrc) {
            warnedCrc = true; // once per connection: such firmware gets every CRC wrong
            log.warn(
                    "{} sends GT06 packets with a wrong CRC (clone firmware?); accepted: {}",
                    ConnectionLabel.of(channel),
                    frame.hex());
        }
        Integer answered = Gt06Commands.answeredFlag(frame);
        if (answered != null) {
            PendingCommands.acknowledged(channel, answered);
            devices.touch(imei, channel, devices.sessionTtlSeconds());
            return;
        }
        Instant now = Instant.now();
        Optional<DeviceEvent> event;
        try {
            event = Gt06Events.of(frame, imei, now);
        } catch (IllegalArgumentException e) {
            log.warn(
                    "unreadable GT06 packet from {}: {}; packet {}",
                    ConnectionLabel.of(channel),
                    e.getMessage(),
                    frame.hex());
            event = Gt06Events.isAlarmPacket(frame.protocol())
                    ? Optional.of(Gt06Events.unreadableAlarm(frame, imei, now))
                    : Optional.empty();
        }
        // a packet that made an event is answered once Redis has it (the device resends until then)
        if (event.isPresent()) {
            devices.handOff(channel, event.get(), () -> Gt06Encoder.replyBytes(frame, Instant.now()));
        } else {
            ByteBuf reply = Gt06Encoder.replyBytes(frame, now);
            if (reply != null) {
                channel.writeAndFlush(reply);
            }
        }
        devices.touch(imei, channel, devices.sessionTtlSeconds());
    }
}
