package org.anxin.sim.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;

/**
 * Frames broker → client bytes into {@link BrokerPacket}s, waiting for whole packets. A PUBACK on
 * the wire is {@code 40 02 00 07} (packet id 7, MQTT 3.1.1 section 3.4); a CONNACK accepting the
 * connection is {@code 20 02 00 00} (3.2). One instance per channel.
 */
final class BrokerPacketDecoder extends ByteToMessageDecoder {
    /** Nothing a publishing client is sent comes near this; more means the stream is garbage. */
    static final int MAX_REMAINING_LENGTH = 1 << 20;

    private static final BrokerPacket.PingResp PINGRESP = new BrokerPacket.PingResp();

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int readable = in.readableBytes();
        if (readable < 2) {
            return;
        }
        int firstByte = in.getUnsignedByte(start);
        int remaining = 0;
        int lengthBytes = 0;
        int digit;
        do {
            if (lengthBytes == 4) {
                throw garbage(in, "remaining length longer than 4 bytes");
            }
            if (1 + lengthBytes >= readable) {
                return;
            }
            digit = in.getUnsignedByte(start + 1 + lengthBytes);
            remaining |= (digit & 0x7F) << (7 * lengthBytes);
            lengthBytes++;
        } while ((digit & 0x80) != 0);
        if (remaining > MAX_REMAINING_LENGTH) {
            throw garbage(in, "packet of " + remaining + " bytes from the broker");
        }
        int headerLength = 1 + lengthBytes;
        if (readable < headerLength + remaining) {
            return;
        }
        int body = start + headerLength;
        int type = firstByte >>> 4;
        switch (type) {
            case 2 -> {
                expectLength(in, "CONNACK", remaining, 2);
                out.add(new BrokerPacket.ConnAck((in.getByte(body) & 0x01) != 0, in.getUnsignedByte(body + 1)));
            }
            case 4 -> {
                expectLength(in, "PUBACK", remaining, 2);
                out.add(new BrokerPacket.PubAck(in.getUnsignedShort(body)));
            }
            case 13 -> {
                expectLength(in, "PINGRESP", remaining, 0);
                out.add(PINGRESP);
            }
            default -> out.add(new BrokerPacket.Unexpected(type, remaining));
        }
        in.readerIndex(body + remaining);
    }

    private static void expectLength(ByteBuf in, String packet, int actual, int expected) {
        if (actual != expected) {
            throw garbage(in, packet + " with remaining length " + actual + ", MQTT 3.1.1 says " + expected);
        }
    }

    /** The stream cannot be framed any further: drop what is buffered, so it is reported once. */
    private static CorruptedFrameException garbage(ByteBuf in, String problem) {
        in.skipBytes(in.readableBytes());
        return new CorruptedFrameException(problem);
    }
}
