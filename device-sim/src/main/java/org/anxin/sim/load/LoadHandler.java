package org.anxin.sim.load;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every simulated device connection shares, whatever it speaks: the hello (CONNECT or login)
 * answered within 10 s or counted as a failed connect, the connect counters, one flush per read
 * batch, and errors counted by kind. Everything runs on the channel's event loop.
 */
abstract class LoadHandler extends ChannelInboundHandlerAdapter implements LoadDevice {
    static final long HELLO_TIMEOUT_SECONDS = 10;
    private static final Logger log = LoggerFactory.getLogger("device-sim.load");

    protected final String deviceId;
    protected final LoadConnection.Shared shared;
    protected ChannelHandlerContext ctx;
    protected Histogram latency;
    /** Open loop: how late this loop's messages left against their schedule. */
    protected Histogram sendLag;
    /** The hello was answered, refused, or given up on. */
    protected boolean resolved;
    /** Something was written in this read batch and waits for the batch's one flush. */
    protected boolean flushPending;

    private ScheduledFuture<?> helloTimeout;

    LoadHandler(String deviceId, LoadConnection.Shared shared) {
        this.deviceId = deviceId;
        this.shared = shared;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.latency = shared.latency().forLoop(ctx.executor());
        this.sendLag = shared.sendLag().forLoop(ctx.executor());
    }

    /** Sends the hello; unanswered within 10 s it is a failed connect of {@code kind}. */
    protected void hello(ChannelHandlerContext ctx, byte[] hello, LoadError kind, String unanswered) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(hello));
        helloTimeout = ctx.executor()
                .schedule(
                        () -> {
                            if (!resolved) {
                                failConnect(kind, unanswered);
                                ctx.close();
                            }
                        },
                        HELLO_TIMEOUT_SECONDS,
                        TimeUnit.SECONDS);
    }

    /** The hello was answered, either way: no more waiting for it. */
    protected void helloAnswered() {
        if (helloTimeout != null) {
            helloTimeout.cancel(false);
        }
    }

    /** Accepted: counted as connected. */
    protected void connectedNow() {
        helloAnswered();
        resolved = true;
        shared.counters().connected.increment();
        shared.counters().lastConnAckNanos.accumulateAndGet(System.nanoTime(), Math::max);
    }

    /**
     * A measured message was answered: its latency, the counters, and (unpaced, in the publish
     * window) the next message right away, flushed with the read batch.
     */
    protected void answered(long now, long sentAt) {
        latency.recordValue(Math.min((now - sentAt) / 1000, LatencyRecorder.HIGHEST_MICROS));
        LoadCounters counters = shared.counters();
        counters.acked.increment();
        if (shared.window().isOpen(now)) {
            counters.ackedInWindow.increment();
            if (!shared.paced() && trySend()) {
                flushPending = true;
            }
        }
    }

    @Override
    public void flush() {
        ctx.flush();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (flushPending) {
            flushPending = false;
            ctx.flush();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException) {
            shared.counters().error(LoadError.PROTOCOL, "device " + deviceId + ": " + cause.getMessage());
        } else {
            // a reset: channelInactive counts the close
            log.debug("device {}: {}", deviceId, cause.toString());
        }
        ctx.close();
    }

    protected void failConnect(LoadError kind, String detail) {
        resolved = true;
        shared.counters().connectFailures.increment();
        shared.counters().error(kind, detail);
    }
}
