package org.anxin.gateway.protocol.watch;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the byte stream into "3G" watch frames and undoes the protocol's escaping (0x7D 0x01..05
 * stand for 7D, '[', ']', ',', '*' inside binary content such as voice notes).
 *
 * <p>A heartbeat from a SeTracker watch (Traccar's test corpus): {@code [SG*8800000015*0002*LK]}.
 */
public final class WatchFrameDecoder extends ByteToMessageDecoder {
    private static final Pattern HEADER = Pattern.compile(
            "\\[([0-9A-Za-z]{2})\\*([0-9A-Za-z]{1,20})\\*(?:([0-9A-Fa-f]{4})\\*)?([0-9A-Fa-f]{4})\\*(.*)\\]",
            Pattern.DOTALL);

    private final int maxFrameBytes;

    public WatchFrameDecoder(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int start = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '[');
        if (start < 0) {
            int garbage = in.readableBytes();
            in.skipBytes(garbage);
            throw new CorruptedFrameException(garbage + " bytes outside a frame");
        }
        if (start > in.readerIndex()) {
            int garbage = start - in.readerIndex();
            in.readerIndex(start);
            throw new CorruptedFrameException(garbage + " bytes before a frame");
        }
        int end = in.indexOf(start, Math.min(in.writerIndex(), start + maxFrameBytes), (byte) ']');
        if (end < 0) {
            if (in.readableBytes() >= maxFrameBytes) {
                in.skipBytes(in.readableBytes());
                throw new TooLongFrameException("frame longer than " + maxFrameBytes + " bytes");
            }
            return; // wait for the rest
        }
        byte[] raw = new byte[end - start + 1];
        in.readBytes(raw);
        out.add(parse(raw));
    }

    static WatchFrame parse(byte[] raw) {
        String text = new String(unescape(raw), StandardCharsets.ISO_8859_1);
        Matcher header = HEADER.matcher(text);
        if (!header.matches()) {
            throw new CorruptedFrameException("not a watch frame: " + preview(text));
        }
        String content = header.group(5);
        int comma = content.indexOf(',');
        String type = comma < 0 ? content : content.substring(0, comma);
        String body = comma < 0 ? "" : content.substring(comma + 1);
        String readable = new String(raw, StandardCharsets.UTF_8);
        return new WatchFrame(header.group(1), header.group(2), header.group(3), type, body, readable);
    }

    private static byte[] unescape(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0x7D && i + 1 < raw.length && raw[i + 1] >= 1 && raw[i + 1] <= 5) {
                out.write(new byte[] {0x7D, '[', ']', ',', '*'}[raw[++i] - 1]);
            } else {
                out.write(raw[i]);
            }
        }
        return out.toByteArray();
    }

    private static String preview(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
