package org.anxin.sim.storm;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The MQTT a reconnecting device needs, by hand: CONNECT (3.1.1, protocol level 4, or MQTT 5,
 * level 5 with no properties), PINGREQ, DISCONNECT; and from the broker CONNACK (its return or
 * reason code) and PINGRESP. Section numbers are those of the OASIS standards.
 */
final class StormPackets {
    static final byte[] PINGREQ = {(byte) 0xC0, 0x00};
    static final byte[] DISCONNECT = {(byte) 0xE0, 0x00};

    /** MQTT 5 CONNACK reason "Server busy" (3.2.2.2). */
    static final int SERVER_BUSY = 0x89;
    /** MQTT 3.1.1 CONNACK return code "Server unavailable" (3.2.2.3). */
    static final int SERVER_UNAVAILABLE = 0x03;
    /** MQTT 5 CONNACK reason "Server unavailable". */
    static final int SERVER_UNAVAILABLE_5 = 0x88;

    private StormPackets() {}

    /** CONNECT with clean session/start, user name = client id, the password. */
    static byte[] connect(String clientId, byte[] password, int keepAliveSeconds, boolean mqtt5) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(64);
        writeString(body, "MQTT".getBytes(StandardCharsets.UTF_8));
        body.write(mqtt5 ? 5 : 4);
        body.write(0x02 | 0x40 | 0x80); // clean session, password, user name
        body.write(keepAliveSeconds >>> 8);
        body.write(keepAliveSeconds & 0xFF);
        if (mqtt5) {
            body.write(0); // no properties
        }
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        writeString(body, id);
        writeString(body, id);
        writeString(body, password);
        byte[] bytes = body.toByteArray();
        ByteArrayOutputStream packet = new ByteArrayOutputStream(bytes.length + 5);
        packet.write(0x10);
        int rest = bytes.length;
        do {
            int digit = rest & 0x7F;
            rest >>>= 7;
            packet.write(rest > 0 ? digit | 0x80 : digit);
        } while (rest > 0);
        packet.write(bytes, 0, bytes.length);
        return packet.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, byte[] utf8) {
        out.write(utf8.length >>> 8);
        out.write(utf8.length & 0xFF);
        out.write(utf8, 0, utf8.length);
    }

    /** A CONNACK's return (3.1.1) or reason (5) code. */
    record ConnAck(int code) {}

    /** PINGRESP, or any other packet a device does not act on. */
    record Other(int type) {}

    /** Frames broker packets; a CONNACK becomes {@link ConnAck}, anything else {@link Other}. */
    static final class Decoder extends ByteToMessageDecoder {
        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            int start = in.readerIndex();
            int readable = in.readableBytes();
            if (readable < 2) {
                return;
            }
            int remaining = 0;
            int lengthBytes = 0;
            int digit;
            do {
                if (lengthBytes == 4) {
                    in.skipBytes(readable);
                    throw new CorruptedFrameException("remaining length longer than 4 bytes");
                }
                if (1 + lengthBytes >= readable) {
                    return;
                }
                digit = in.getUnsignedByte(start + 1 + lengthBytes);
                remaining |= (digit & 0x7F) << (7 * lengthBytes);
                lengthBytes++;
            } while ((digit & 0x80) != 0);
            int body = start + 1 + lengthBytes;
            if (readable < 1 + lengthBytes + remaining) {
                return;
            }
            int type = in.getUnsignedByte(start) >>> 4;
            if (type == 2 && remaining >= 2) {
                out.add(new ConnAck(in.getUnsignedByte(body + 1)));
            } else {
                out.add(new Other(type));
            }
            in.readerIndex(body + remaining);
        }
    }
}
