package org.anxin.gateway;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Stands where a protocol's handler stands in a fuzzed pipeline: hands each decoded message to the
 * code the handler would call (event decoding, reply encoding), releases it, and records anything
 * that escapes. Only a {@link DecoderException} may end a connection (the exception handler after
 * it logs why and closes); anything else is a bug.
 */
public final class FuzzProbe extends ChannelInboundHandlerAdapter {
    private final Consumer<Object> handler;
    private final List<Object> handled = new ArrayList<>();
    private Throwable escaped;

    public FuzzProbe(Consumer<Object> handler) {
        this.handler = handler;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            handler.accept(msg);
            handled.add(msg instanceof ByteBuf ? "bytes" : msg.getClass().getSimpleName());
        } catch (RuntimeException e) {
            escaped = e;
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof DecoderException)) {
            escaped = cause;
        }
        ctx.fireExceptionCaught(cause);
    }

    /** What the handler got, in order (the messages' class names). */
    public List<Object> handled() {
        return handled;
    }

    /** Throws what escaped, if anything did. */
    public void assertNothingEscaped() {
        if (escaped != null) {
            throw new AssertionError("escaped the pipeline: " + escaped, escaped);
        }
    }

    /** Writes {@code input} in {@code reads} pieces, as the network may cut it. */
    public static void writeInPieces(io.netty.channel.embedded.EmbeddedChannel channel, byte[] input, int reads) {
        int pieces = Math.max(1, Math.min(reads, input.length));
        int at = 0;
        for (int i = 0; i < pieces && channel.isActive(); i++) {
            int end = i == pieces - 1 ? input.length : at + input.length / pieces;
            channel.writeInbound(Unpooled.wrappedBuffer(input, at, end - at));
            at = end;
        }
    }

    /** Fuzzing writes millions of bad frames: one WARN each would drown the run. Returns the old levels' restorer. */
    public static Runnable quiet(String... loggers) {
        List<Runnable> restore = new ArrayList<>();
        for (String name : loggers) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            Level before = logger.getLevel();
            logger.setLevel(Level.ERROR);
            restore.add(() -> logger.setLevel(before));
        }
        return () -> restore.forEach(Runnable::run);
    }
}
