package org.anxin.sim.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few MQTT 3.1.1 packets a load device sends, encoded by hand so that nothing but bytes is
 * shared with any broker (section numbers are those of the OASIS MQTT 3.1.1 standard). Everything
 * that does not change per message is encoded once.
 */
final class MqttPackets {
    /** 3.12 PINGREQ: type 12, no variable header, no payload. */
    static final byte[] PINGREQ = {(byte) 0xC0, 0x00};

    /** 3.14 DISCONNECT: type 14, no variable header, no payload. */
    static final byte[] DISCONNECT = {(byte) 0xE0, 0x00};

    private static final int CLEAN_SESSION = 0x02;
    private static final int PASSWORD_FLAG = 0x40;
    private static final int USERNAME_FLAG = 0x80;

    private MqttPackets() {}

    /**
     * 3.1 CONNECT, protocol level 4, clean session; user name and password only when a password
     * is given (the user name is then the client id).
     */
    static byte[] connect(String clientId, byte[] password, int keepAliveSeconds) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(64);
        writeString(body, "MQTT".getBytes(StandardCharsets.UTF_8));
        body.write(4);
        int flags = CLEAN_SESSION;
        if (password != null) {
            flags |= USERNAME_FLAG | PASSWORD_FLAG;
        }
        body.write(flags);
        body.write(keepAliveSeconds >>> 8);
        body.write(keepAliveSeconds & 0xFF);
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        writeString(body, id);
        if (password != null) {
            writeString(body, id);
            writeString(body, password);
        }
        return packet(0x10, body.toByteArray());
    }

    /**
     * 3.3 PUBLISH with DUP and RETAIN clear. At QoS 1 the packet id is left 0 at {@link
     * PublishTemplate#packetIdOffset()}, to be set per message.
     */
    static PublishTemplate publish(String topic, byte[] payload, int qos) {
        if (qos != 0 && qos != 1) {
            throw new IllegalArgumentException("QoS must be 0 or 1, not " + qos);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(topic.length() + payload.length + 8);
        writeString(body, topic.getBytes(StandardCharsets.UTF_8));
        int packetIdAt = body.size();
        if (qos == 1) {
            body.write(0);
            body.write(0);
        }
        body.write(payload, 0, payload.length);
        byte[] bytes = body.toByteArray();
        byte[] packet = packet(0x30 | qos << 1, bytes);
        int headerLength = packet.length - bytes.length;
        return new PublishTemplate(packet, qos == 1 ? headerLength + packetIdAt : -1);
    }

    /** 2.2.3 Remaining Length: 7 bits a byte, least significant group first, at most 4 bytes. */
    static void writeRemainingLength(ByteArrayOutputStream out, int length) {
        if (length < 0 || length > 268_435_455) {
            throw new IllegalArgumentException("remaining length out of range: " + length);
        }
        int rest = length;
        do {
            int digit = rest & 0x7F;
            rest >>>= 7;
            out.write(rest > 0 ? digit | 0x80 : digit);
        } while (rest > 0);
    }

    private static byte[] packet(int firstByte, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 5);
        out.write(firstByte);
        writeRemainingLength(out, body.length);
        out.write(body, 0, body.length);
        return out.toByteArray();
    }

    /** 1.5.3 UTF-8 encoded string: two-byte big-endian length, then the bytes. */
    private static void writeString(ByteArrayOutputStream out, byte[] utf8) {
        if (utf8.length > 65_535) {
            throw new IllegalArgumentException("MQTT string longer than 65,535 bytes");
        }
        out.write(utf8.length >>> 8);
        out.write(utf8.length & 0xFF);
        out.write(utf8, 0, utf8.length);
    }
}
