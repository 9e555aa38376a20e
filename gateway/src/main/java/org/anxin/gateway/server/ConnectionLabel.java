package org.anxin.gateway.server;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/** "device-id@address" for log lines: every failure names the device and where it came from. */
public final class ConnectionLabel {
    public static final AttributeKey<String> DEVICE_ID = AttributeKey.valueOf("anxin.deviceId");

    private ConnectionLabel() {}

    /**
     * A client-supplied identifier made safe for one log line: control characters (a forged line
     * break) become {@code ?}, and it is cut at 64 characters.
     */
    public static String clean(String id) {
        if (id == null) {
            return "?";
        }
        StringBuilder safe = new StringBuilder(Math.min(id.length(), 65));
        for (int i = 0; i < id.length() && safe.length() < 64; i++) {
            char c = id.charAt(i);
            safe.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c);
        }
        return id.length() > 64 ? safe.append('…').toString() : safe.toString();
    }

    public static String of(Channel channel) {
        String deviceId = channel.attr(DEVICE_ID).get();
        return (deviceId == null ? "?" : deviceId) + "@" + ClientAddress.of(channel);
    }
}
