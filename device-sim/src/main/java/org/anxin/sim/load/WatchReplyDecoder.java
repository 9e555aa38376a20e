package org.anxin.sim.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Frames server → watch text into {@link TcpReply.Watch}: {@code [3G*8800000001*0002*LK]} (maker,
 * id, content length as four hex digits, content), waiting for the closing bracket. One instance
 * per channel.
 */
final class WatchReplyDecoder extends ByteToMessageDecoder {
    /** A reply a watch load device is sent is a few dozen bytes; more means garbage. */
    static final int MAX_FRAME = 1024;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            return;
        }
        if (in.getByte(in.readerIndex()) != '[') {
            throw garbage(in, "a watch reply starts with '['");
        }
        int end = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) ']');
        if (end < 0) {
            if (in.readableBytes() > MAX_FRAME) {
                throw garbage(in, "no ']' within " + MAX_FRAME + " bytes");
            }
            return;
        }
        String text = in.toString(in.readerIndex() + 1, end - in.readerIndex() - 1, StandardCharsets.US_ASCII);
        in.readerIndex(end + 1);
        String[] parts = text.split("\\*", 4);
        if (parts.length < 4 || parts[2].length() != 4) {
            throw new CorruptedFrameException("not a [MAKER*ID*LEN*CONTENT] watch reply: [" + text + "]");
        }
        int length;
        try {
            length = Integer.parseInt(parts[2], 16);
        } catch (NumberFormatException e) {
            throw new CorruptedFrameException("watch reply length is not hex: [" + text + "]");
        }
        if (length != parts[3].length()) {
            throw new CorruptedFrameException("watch reply length " + length + " but content '" + parts[3] + "'");
        }
        out.add(new TcpReply.Watch(parts[1], parts[3]));
    }

    private static CorruptedFrameException garbage(ByteBuf in, String problem) {
        in.skipBytes(in.readableBytes());
        return new CorruptedFrameException(problem);
    }
}
