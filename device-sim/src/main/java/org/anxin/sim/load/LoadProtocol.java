package org.anxin.sim.load;

import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.anxin.sim.wire.Gt06Packets;
import org.anxin.sim.wire.WatchFrames;

/**
 * The protocol a load run speaks, and for the TCP device protocols what is measured:
 *
 * <ul>
 *   <li>{@code mqtt}: QoS 0/1 PUBLISH of a LOCATION event, send → PUBACK; ids {@code load-1 …}.
 *   <li>{@code watch}: the {@code LK} heartbeat {@code [3G*8800000001*000A*LK,0,0,100]}, which the
 *       server answers at once with {@code [3G*8800000001*0002*LK]}; the first LK is the login.
 *       Ids have 10 digits: the prefix (default {@code 88}) and the device number, zero-padded.
 *   <li>{@code gt06}: status packets (0x13) acked with the same serial by {@code 78 78 05 13 …},
 *       after a login (0x01) acked the same way. Ids are 15-digit IMEIs: the prefix (default
 *       {@code 86}) and the device number, zero-padded.
 * </ul>
 */
public enum LoadProtocol {
    MQTT(0, "load-"),
    WATCH(10, "88"),
    GT06(15, "86");

    /** GT06 terminal information: GPS tracking on, no alarm; voltage 4 of 6, GSM 4 of 4; English. */
    private static final int TERMINAL_INFO = 0x40;

    private static final int ALARM_LANGUAGE = 0x0002;

    private final int idDigits;
    private final String defaultPrefix;

    LoadProtocol(int idDigits, String defaultPrefix) {
        this.idDigits = idDigits;
        this.defaultPrefix = defaultPrefix;
    }

    static LoadProtocol named(String name) {
        for (LoadProtocol protocol : values()) {
            if (protocol.wireName().equals(name)) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("--protocol must be mqtt, watch or gt06, not '" + name + "'");
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    String defaultPrefix() {
        return defaultPrefix;
    }

    /** Refuses a prefix that cannot number {@code devices} devices in this protocol's ids. */
    void checkPrefix(String prefix, int devices) {
        if (this == MQTT) {
            if (prefix.isEmpty() || prefix.chars().anyMatch(c -> c == '/' || c == '+' || c == '#')) {
                throw new IllegalArgumentException("--id-prefix must be non-empty and free of '/', '+' and '#'");
            }
            return;
        }
        if (!prefix.matches("[0-9]+")) {
            throw new IllegalArgumentException(
                    "--id-prefix of " + wireName() + " ids must be digits, not '" + prefix + "'");
        }
        int room = idDigits - prefix.length();
        if (room < Integer.toString(devices).length()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "--id-prefix %s leaves %d of a %s id's %d digits, too few to number %d devices",
                    prefix,
                    Math.max(room, 0),
                    wireName(),
                    idDigits,
                    devices));
        }
    }

    String deviceId(String prefix, int n) {
        if (this == MQTT) {
            return prefix + n;
        }
        String number = Integer.toString(n);
        return prefix + "0".repeat(idDigits - prefix.length() - number.length()) + number;
    }

    /** The first thing a device writes: its login. */
    byte[] login(String deviceId, int serial) {
        return switch (this) {
            case WATCH -> heartbeat(deviceId);
            case GT06 -> Gt06Packets.login(deviceId, serial);
            case MQTT -> throw new IllegalStateException("MQTT devices log in with CONNECT");
        };
    }

    /** One measured message (watch: LK heartbeat; GT06: status packet). */
    byte[] message(String deviceId, int serial) {
        return switch (this) {
            case WATCH -> heartbeat(deviceId);
            case GT06 -> Gt06Packets.status(TERMINAL_INFO, 4, 4, ALARM_LANGUAGE, serial);
            case MQTT -> throw new IllegalStateException("MQTT messages come from a PublishTemplate");
        };
    }

    boolean answersLogin(TcpReply reply, String deviceId, int serial) {
        return answers(reply, deviceId, 0x01, serial);
    }

    boolean answersMessage(TcpReply reply, String deviceId, int serial) {
        return answers(reply, deviceId, 0x13, serial);
    }

    private boolean answers(TcpReply reply, String deviceId, int gt06Protocol, int serial) {
        if (this == WATCH && reply instanceof TcpReply.Watch watch) {
            return watch.deviceId().equals(deviceId) && watch.content().equals("LK");
        }
        if (this == GT06 && reply instanceof TcpReply.Gt06Ack ack) {
            return ack.protocol() == gt06Protocol && ack.serial() == serial;
        }
        return false;
    }

    ByteToMessageDecoder replyDecoder() {
        return switch (this) {
            case WATCH -> new WatchReplyDecoder();
            case GT06 -> new Gt06AckDecoder();
            case MQTT -> new BrokerPacketDecoder();
        };
    }

    private static byte[] heartbeat(String deviceId) {
        return WatchFrames.heartbeat("3G", deviceId, 0, 0, 100).getBytes(StandardCharsets.US_ASCII);
    }
}
