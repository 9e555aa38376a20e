package org.anxin.gateway.protocol.gt06;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Cuts GT06 packets out of the stream: {@code 78 78 LEN PN … SERIAL CRC 0D 0A}, or {@code 79 79}
 * with a two-byte length. A wrong start, stop or CRC is corrupt input: the connection is closed.
 *
 * <p>Login of IMEI 123456789012345, from the GT06 protocol manual:
 * {@code 78 78 0D 01 01 23 45 67 89 01 23 45 00 01 8C DD 0D 0A}.
 */
public final class Gt06FrameDecoder extends ByteToMessageDecoder {
    static final int MAX_FRAME_BYTES = 4096;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 5) {
            return;
        }
        int start = in.readerIndex();
        int header = in.getUnsignedShort(start);
        boolean extended;
        if (header == 0x7878) {
            extended = false;
        } else if (header == 0x7979) {
            extended = true;
        } else {
            in.skipBytes(in.readableBytes());
            throw new CorruptedFrameException(
                    String.format(java.util.Locale.ROOT, "no GT06 start bytes (%04x)", header));
        }
        int length = extended ? in.getUnsignedShort(start + 2) : in.getUnsignedByte(start + 2);
        int lengthBytes = extended ? 2 : 1;
        int total = 2 + lengthBytes + length + 2;
        if (length < 5 || total > MAX_FRAME_BYTES) {
            in.skipBytes(in.readableBytes());
            throw new TooLongFrameException("GT06 packet length " + length + " out of bounds");
        }
        if (in.readableBytes() < total) {
            return;
        }
        byte[] frame = new byte[total];
        in.readBytes(frame);
        out.add(parse(frame, extended, lengthBytes));
    }

    static Gt06Frame parse(byte[] frame, boolean extended, int lengthBytes) {
        int total = frame.length;
        String hex = HexFormat.of().formatHex(frame);
        if (frame[total - 2] != 0x0D || frame[total - 1] != 0x0A) {
            throw new CorruptedFrameException("GT06 packet without 0D 0A stop bytes: " + hex);
        }
        int crcAt = total - 4;
        int expected = ((frame[crcAt] & 0xFF) << 8) | (frame[crcAt + 1] & 0xFF);
        int actual = Gt06Crc.of(frame, 2, crcAt);
        if (expected != actual) {
            throw new CorruptedFrameException(
                    String.format(java.util.Locale.ROOT, "GT06 CRC %04x, computed %04x: %s", expected, actual, hex));
        }
        int protocolAt = 2 + lengthBytes;
        int serialAt = crcAt - 2;
        int serial = ((frame[serialAt] & 0xFF) << 8) | (frame[serialAt + 1] & 0xFF);
        byte[] content = Arrays.copyOfRange(frame, protocolAt + 1, serialAt);
        return new Gt06Frame(frame[protocolAt] & 0xFF, content, serial, extended, hex);
    }
}
