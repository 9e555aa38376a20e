package org.anxin.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every frame in and out as hex at DEBUG, with the device id, so a field capture pastes into a test.
 * The MQTT instance masks the password of a CONNECT (each byte shown as {@code **}): a debug log is
 * no place for device secrets. The watch instance masks the password of a {@code PW} command the
 * gateway writes ({@code [3G*ID*0009*PW,**]}, each digit as {@code **}).
 */
@Sharable
public final class FrameLogger extends ChannelDuplexHandler {
    /** For GT06, whose frames carry no secret. */
    public static final FrameLogger INSTANCE = new FrameLogger(false, false);
    /** For MQTT: CONNECT passwords masked. */
    public static final FrameLogger MQTT = new FrameLogger(true, false);
    /** For "3G" watches: the SMS control password of a {@code PW} command masked. */
    public static final FrameLogger WATCH = new FrameLogger(false, true);

    private static final byte[] PW = "*PW,".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final Logger log = LoggerFactory.getLogger("org.anxin.gateway.frames");
    private static final int CONNECT = 0x10;

    private final boolean maskConnectPassword;
    private final boolean maskWatchPassword;

    private FrameLogger(boolean maskConnectPassword, boolean maskWatchPassword) {
        this.maskConnectPassword = maskConnectPassword;
        this.maskWatchPassword = maskWatchPassword;
    }

    public static boolean enabled() {
        return log.isDebugEnabled();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes) {
            log.debug("{} <- {}", ConnectionLabel.of(ctx.channel()), hex(bytes));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf bytes) {
            log.debug("{} -> {}", ConnectionLabel.of(ctx.channel()), written(bytes));
        }
        ctx.write(msg, promise);
    }

    /** Outgoing bytes as this logger writes them: hex, a watch PW command's password masked. */
    public String written(ByteBuf bytes) {
        if (!maskWatchPassword) {
            return ByteBufUtil.hexDump(bytes);
        }
        int start = bytes.readerIndex();
        int end = bytes.writerIndex();
        for (int at = start; at + PW.length <= end; at++) {
            if (startsWith(bytes, at, PW)) {
                int from = at + PW.length;
                int to = from;
                while (to < end && bytes.getByte(to) != ']') {
                    to++;
                }
                return ByteBufUtil.hexDump(bytes, start, from - start)
                        + "**".repeat(to - from)
                        + ByteBufUtil.hexDump(bytes, to, end - to);
            }
        }
        return ByteBufUtil.hexDump(bytes);
    }

    private static boolean startsWith(ByteBuf bytes, int at, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes.getByte(at + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The bytes as this logger writes them: hex, a CONNECT's password masked on the MQTT instance. */
    public String hex(ByteBuf bytes) {
        if (!maskConnectPassword
                || !bytes.isReadable()
                || (bytes.getUnsignedByte(bytes.readerIndex()) & 0xF0) != CONNECT) {
            return ByteBufUtil.hexDump(bytes);
        }
        return connectWithoutPassword(bytes);
    }

    /** A CONNECT read as MQTT 3.1.1 or 5; one cut short shows only its first bytes. */
    static String connectWithoutPassword(ByteBuf bytes) {
        int start = bytes.readerIndex();
        int end = bytes.writerIndex();
        Cursor in = new Cursor(bytes, start + 1, end);
        try {
            in.varInt(); // remaining length
            in.skip(in.u16()); // protocol name
            int level = in.u8();
            int flags = in.u8();
            in.skip(2); // keep-alive
            if (level == 5) {
                in.skip(in.varInt()); // properties
            }
            in.skip(in.u16()); // client id
            if ((flags & 0x04) != 0) {
                if (level == 5) {
                    in.skip(in.varInt()); // will properties
                }
                in.skip(in.u16()); // will topic
                in.skip(in.u16()); // will payload
            }
            if ((flags & 0x80) != 0) {
                in.skip(in.u16()); // user name
            }
            if ((flags & 0x40) == 0) {
                return ByteBufUtil.hexDump(bytes);
            }
            int length = in.u16();
            int from = in.at;
            in.skip(length);
            return ByteBufUtil.hexDump(bytes, start, from - start)
                    + "**".repeat(length)
                    + ByteBufUtil.hexDump(bytes, from + length, end - from - length);
        } catch (IndexOutOfBoundsException e) {
            int shown = Math.min(8, end - start);
            return ByteBufUtil.hexDump(bytes, start, shown) + "… (CONNECT of " + (end - start)
                    + " bytes in this read, rest not shown: it may hold the password)";
        }
    }

    /** Reads within {@code [at, end)} of the buffer, never past what was received. */
    private static final class Cursor {
        private final ByteBuf bytes;
        private final int end;
        private int at;

        Cursor(ByteBuf bytes, int at, int end) {
            this.bytes = bytes;
            this.at = at;
            this.end = end;
        }

        int u8() {
            skip(1);
            return bytes.getUnsignedByte(at - 1);
        }

        int u16() {
            skip(2);
            return bytes.getUnsignedShort(at - 2);
        }

        int varInt() {
            int value = 0;
            for (int shift = 0; shift < 28; shift += 7) {
                int b = u8();
                value |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IndexOutOfBoundsException("variable length over 4 bytes");
        }

        void skip(int n) {
            if (n < 0 || at + n > end) {
                throw new IndexOutOfBoundsException("past the read");
            }
            at += n;
        }
    }
}
