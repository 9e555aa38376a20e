package org.anxin.sim.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;
import org.anxin.sim.wire.Gt06Packets;

/**
 * Frames server → tracker bytes into {@link TcpReply.Gt06Ack}s, checking length, CRC-ITU and the
 * {@code 0D 0A} stop bits. The login ack from the GT06 manual: {@code 78 78 05 01 00 01 D9 DC 0D 0A}
 * (protocol 0x01, serial 1). One instance per channel.
 */
final class Gt06AckDecoder extends ByteToMessageDecoder {

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        if (in.readableBytes() < 3) {
            return;
        }
        int first = in.getUnsignedByte(start);
        if ((first != 0x78 && first != 0x79) || in.getUnsignedByte(start + 1) != first) {
            throw garbage(
                    in, String.format(java.util.Locale.ROOT, "GT06 packets start 78 78 or 79 79, not %02x", first));
        }
        boolean extended = first == 0x79;
        int head = extended ? 4 : 3;
        if (in.readableBytes() < head) {
            return;
        }
        int length = extended ? in.getUnsignedShort(start + 2) : in.getUnsignedByte(start + 2);
        if (length < 5) {
            throw garbage(in, "GT06 packet length " + length + " is less than 5");
        }
        int total = head + length + 2;
        if (in.readableBytes() < total) {
            return;
        }
        byte[] packet = new byte[total];
        in.readBytes(packet);
        if (packet[total - 2] != 0x0D || packet[total - 1] != 0x0A) {
            throw new CorruptedFrameException("GT06 packet does not end 0D 0A");
        }
        int crc = ((packet[total - 4] & 0xFF) << 8) | (packet[total - 3] & 0xFF);
        int expected = Gt06Packets.crc16x25(packet, 2, total - 4);
        if (crc != expected) {
            throw new CorruptedFrameException(
                    String.format(java.util.Locale.ROOT, "GT06 CRC %04x, expected %04x", crc, expected));
        }
        int serial = ((packet[total - 6] & 0xFF) << 8) | (packet[total - 5] & 0xFF);
        out.add(new TcpReply.Gt06Ack(packet[head] & 0xFF, serial));
    }

    private static CorruptedFrameException garbage(ByteBuf in, String problem) {
        in.skipBytes(in.readableBytes());
        return new CorruptedFrameException(problem);
    }
}
