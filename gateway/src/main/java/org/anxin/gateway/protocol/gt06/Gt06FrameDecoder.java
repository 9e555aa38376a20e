package org.anxin.gateway.protocol.gt06;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.anxin.gateway.server.ConnectionLabel;
import org.anxin.gateway.server.SkippedInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts GT06 packets out of the stream: {@code 78 78 LEN PN … SERIAL CRC 0D 0A}, or {@code 79 79}
 * with a two-byte length. A packet whose CRC is wrong but whose start, length and stop bytes agree
 * is passed on with {@link Gt06Frame#checksumValid()} false: clone firmware computes the CRC wrongly,
 * and dropping its SOS would be worse than accepting it (TCP has already checked the bytes). When
 * the stop bytes are not where the length byte says, the packet ends at its first {@code 0D 0A}
 * (firmware whose length byte lies, like the manual's own status example).
 *
 * <p>Input that is not a packet closes the connection when it comes first (a scanner, another
 * protocol). Once the connection has sent a good packet, garbage between packets is skipped up to
 * the next start bytes, logged (WARN the first time, then DEBUG) and counted, and the connection
 * goes on: one bad packet must not cost the SOS behind it.
 *
 * <p>Login of IMEI 123456789012345, from the GT06 protocol manual:
 * {@code 78 78 0D 01 01 23 45 67 89 01 23 45 00 01 8C DD 0D 0A}.
 */
public final class Gt06FrameDecoder extends ByteToMessageDecoder {
    static final int MAX_FRAME_BYTES = 4096;
    /** Start, length, protocol number, serial, CRC and stop bytes: a packet with no content. */
    private static final int MIN_FRAME_BYTES = 10;

    private static final Logger log = LoggerFactory.getLogger(Gt06FrameDecoder.class);

    private boolean seenPacket;
    private boolean warnedSkip;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 5) {
            return;
        }
        int start = in.readerIndex();
        int header = in.getUnsignedShort(start);
        if (header != 0x7878 && header != 0x7979) {
            skip(ctx, in, start + 1, String.format(java.util.Locale.ROOT, "no GT06 start bytes (%04x)", header), out);
            return;
        }
        boolean extended = header == 0x7979;
        int lengthBytes = extended ? 2 : 1;
        int length = extended ? in.getUnsignedShort(start + 2) : in.getUnsignedByte(start + 2);
        int total = 2 + lengthBytes + length + 2;
        if (length < 5 || total > MAX_FRAME_BYTES) {
            if (!seenPacket) {
                in.skipBytes(in.readableBytes());
                throw new TooLongFrameException("GT06 packet length " + length + " out of bounds");
            }
            skip(ctx, in, start + 2, "GT06 packet length " + length + " out of bounds", out);
            return;
        }
        if (in.readableBytes() < total) {
            return;
        }
        if (in.getByte(start + total - 2) != 0x0D || in.getByte(start + total - 1) != 0x0A) {
            // some firmware's length byte lies: the packet ends at its first stop bytes
            int stop = firstStop(in, start + MIN_FRAME_BYTES - 2);
            if (stop < 0) {
                skip(ctx, in, start + 2, "GT06 packet of length " + length + " without 0D 0A stop bytes", out);
                return;
            }
            total = stop + 2 - start;
        }
        byte[] frame = new byte[total];
        in.readBytes(frame);
        seenPacket = true;
        out.add(parse(frame, extended, lengthBytes));
    }

    /** Skips to the next start bytes at or after {@code from}; before any good packet, closes instead. */
    private void skip(ChannelHandlerContext ctx, ByteBuf in, int from, String reason, List<Object> out) {
        if (!seenPacket) {
            in.skipBytes(in.readableBytes());
            throw new CorruptedFrameException(reason);
        }
        int next = nextStart(in, from);
        int skipped = (next < 0 ? in.writerIndex() - 1 : next) - in.readerIndex();
        in.skipBytes(skipped); // without a start in sight, keep the last byte: half of the next one
        if (!warnedSkip) {
            warnedSkip = true;
            log.warn(
                    "{} sent {} bytes that are not a GT06 packet ({}); skipped, connection kept",
                    ConnectionLabel.of(ctx.channel()),
                    skipped,
                    reason);
        } else {
            log.debug("{} skipped {} bytes: {}", ConnectionLabel.of(ctx.channel()), skipped, reason);
        }
        out.add(new SkippedInput(skipped, reason));
    }

    private static int firstStop(ByteBuf in, int from) {
        for (int i = from; i + 1 < in.writerIndex(); i++) {
            if (in.getByte(i) == 0x0D && in.getByte(i + 1) == 0x0A) {
                return i;
            }
        }
        return -1;
    }

    private static int nextStart(ByteBuf in, int from) {
        for (int i = from; i + 1 < in.writerIndex(); i++) {
            byte b = in.getByte(i);
            if ((b == 0x78 || b == 0x79) && in.getByte(i + 1) == b) {
                return i;
            }
        }
        return -1;
    }

    static Gt06Frame parse(byte[] frame, boolean extended, int lengthBytes) {
        int total = frame.length;
        String hex = HexFormat.of().formatHex(frame);
        int crcAt = total - 4;
        int expected = ((frame[crcAt] & 0xFF) << 8) | (frame[crcAt + 1] & 0xFF);
        boolean crcValid = expected == Gt06Crc.of(frame, 2, crcAt);
        int protocolAt = 2 + lengthBytes;
        int serialAt = crcAt - 2;
        int serial = ((frame[serialAt] & 0xFF) << 8) | (frame[serialAt + 1] & 0xFF);
        byte[] content = Arrays.copyOfRange(frame, protocolAt + 1, serialAt);
        return new Gt06Frame(frame[protocolAt] & 0xFF, content, serial, extended, crcValid, hex);
    }
}
