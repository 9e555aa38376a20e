package org.anxin.gateway.server;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/** "device-id@address" for log lines: every failure names the device and where it came from. */
public final class ConnectionLabel {
    public static final AttributeKey<String> DEVICE_ID = AttributeKey.valueOf("anxin.deviceId");

    private ConnectionLabel() {}

    public static String of(Channel channel) {
        String deviceId = channel.attr(DEVICE_ID).get();
        return (deviceId == null ? "?" : deviceId) + "@" + channel.remoteAddress();
    }
}
