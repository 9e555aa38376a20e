package org.anxin.gateway.protocol.gt06;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The server's answers, in the manual's format. Most packets are answered by an ack that echoes
 * the protocol number and serial, {@code 78 78 05 PN SERIAL CRC 0D 0A} (login →
 * {@code 787805010001d9dc0d0a}); the address request 0x2A by an address packet 0x97 and the time
 * request 0x8A by the time. Command answers (0x15, 0x21) get none: they answer us.
 */
public final class Gt06Encoder {
    /** No reverse geocoding here: "not available" for the address and the phone number, as trackers accept. */
    static final String NO_ADDRESS = "NA&&NA&&0##";

    private static final int ADDRESS_REPLY = 0x97;

    private Gt06Encoder() {}

    /** The reply a packet waits for, or null when it waits for none. */
    static byte[] replyTo(Gt06Frame frame, Instant now) {
        return switch (frame.protocol()) {
            case Gt06Frame.COMMAND_ANSWER, Gt06Frame.COMMAND_ANSWER_2 -> null;
            case Gt06Frame.ADDRESS_REQUEST -> address(frame.serial());
            case Gt06Frame.TIME_REQUEST -> time(frame.serial(), now);
            default -> ack(frame.protocol(), frame.serial());
        };
    }

    static ByteBuf replyBytes(Gt06Frame frame, Instant now) {
        byte[] reply = replyTo(frame, now);
        return reply == null ? null : Unpooled.wrappedBuffer(reply);
    }

    static byte[] ack(int protocol, int serial) {
        return packet(false, protocol, new byte[0], serial);
    }

    /** 0x97: command length, server flag (0), the address text; in 79 79 framing. */
    static byte[] address(int serial) {
        byte[] text = NO_ADDRESS.getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[1 + 4 + text.length];
        content[0] = (byte) (4 + text.length);
        System.arraycopy(text, 0, content, 5, text.length);
        return packet(true, ADDRESS_REPLY, content, serial);
    }

    /** 0x8A: YY MM DD hh mm ss in UTC. */
    static byte[] time(int serial, Instant now) {
        ZonedDateTime t = now.atZone(ZoneOffset.UTC);
        byte[] content = {
            (byte) (t.getYear() - 2000),
            (byte) t.getMonthValue(),
            (byte) t.getDayOfMonth(),
            (byte) t.getHour(),
            (byte) t.getMinute(),
            (byte) t.getSecond()
        };
        return packet(false, Gt06Frame.TIME_REQUEST, content, serial);
    }

    static byte[] packet(boolean extended, int protocol, byte[] content, int serial) {
        int length = 1 + content.length + 2 + 2; // protocol, content, serial, CRC
        int lengthBytes = extended ? 2 : 1;
        byte[] p = new byte[2 + lengthBytes + length + 2];
        int i = 0;
        p[i++] = (byte) (extended ? 0x79 : 0x78);
        p[i++] = (byte) (extended ? 0x79 : 0x78);
        if (extended) {
            p[i++] = (byte) (length >> 8);
        }
        p[i++] = (byte) length;
        p[i++] = (byte) protocol;
        System.arraycopy(content, 0, p, i, content.length);
        i += content.length;
        p[i++] = (byte) (serial >> 8);
        p[i++] = (byte) serial;
        int crc = Gt06Crc.of(p, 2, i);
        p[i++] = (byte) (crc >> 8);
        p[i++] = (byte) crc;
        p[i++] = 0x0D;
        p[i] = 0x0A;
        return p;
    }
}
