package org.anxin.gateway.protocol.watch;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
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
 * One watch connection: the first frame names the watch, which must be registered as a
 * {@code watch} device (checked in Redis, off the event loop) or the connection is closed without
 * a reply. Frames become events; the replies are the ones watches expect: LK and AL acknowledged
 * (AL only once the alarm is handed off), TKQ/TKQ2 echoed, INIT answered, UD not answered.
 */
public final class WatchHandler extends TcpDeviceHandler<WatchFrame> {
    private static final Logger log = LoggerFactory.getLogger(WatchHandler.class);
    /** The watch's latest frame: downlink commands copy its maker code and index form. */
    static final AttributeKey<WatchFrame> LAST_FRAME = AttributeKey.valueOf("anxin.watchLastFrame");

    public WatchHandler(TcpDevices devices) {
        super(devices, "watch");
    }

    @Override
    protected String claimedId(Channel channel, WatchFrame first) {
        return first.deviceId();
    }

    @Override
    protected void handle(Channel channel, WatchFrame frame) {
        String deviceId = deviceId();
        if (!deviceId.equals(frame.deviceId())) {
            log.warn("{} switched to id {} mid-connection; closing", ConnectionLabel.of(channel), frame.deviceId());
            channel.close();
            return;
        }
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
}
