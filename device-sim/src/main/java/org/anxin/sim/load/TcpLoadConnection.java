package org.anxin.sim.load;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One "3G" watch or GT06 tracker on one TCP connection: log in (watch: the first LK; GT06: login),
 * then send heartbeats / status packets as told, one more when idle, close at the end. Neither
 * protocol has a message id the watch could match, and the server answers in order, so messages
 * in flight sit in a FIFO ring of {@value #WINDOW}; a GT06 ack must carry the serial at its head.
 * Keep-alive messages share the ring but are not measured.
 */
final class TcpLoadConnection extends ChannelInboundHandlerAdapter implements LoadDevice {
    static final int WINDOW = 64;

    private static final Logger log = LoggerFactory.getLogger("device-sim.load");
    private static final long LOGIN_TIMEOUT_SECONDS = 10;
    private static final int LOGIN_SERIAL = 1;

    private final LoadProtocol protocol;
    private final String deviceId;
    private final LoadConnection.Shared shared;
    /** The watch's LK is the same bytes every time; GT06 packets differ by serial. */
    private final byte[] fixedMessage;

    private final long[] ringSentAt = new long[WINDOW];
    private final int[] ringSerial = new int[WINDOW];
    private final boolean[] ringMeasured = new boolean[WINDOW];
    private int head;
    private int size;
    private int measuredInFlight;

    private volatile boolean connected;
    private boolean resolved;
    private boolean closing;
    private ChannelHandlerContext ctx;
    private Histogram latency;
    private ScheduledFuture<?> loginTimeout;
    private int lastSerial = LOGIN_SERIAL;
    private boolean flushPending;
    private boolean publishing;

    TcpLoadConnection(LoadProtocol protocol, String deviceId, LoadConnection.Shared shared) {
        this.protocol = protocol;
        this.deviceId = deviceId;
        this.shared = shared;
        this.fixedMessage = protocol == LoadProtocol.WATCH ? protocol.message(deviceId, 0) : null;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.latency = shared.latency().forLoop(ctx.executor());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(protocol.login(deviceId, LOGIN_SERIAL)));
        loginTimeout = ctx.executor()
                .schedule(
                        () -> {
                            if (!resolved) {
                                failConnect(
                                        LoadError.CONNACK_TIMEOUT,
                                        "device " + deviceId + ": login not answered within 10 s");
                                ctx.close();
                            }
                        },
                        LOGIN_TIMEOUT_SECONDS,
                        TimeUnit.SECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof TcpReply reply)) {
            return;
        }
        if (!resolved) {
            if (protocol.answersLogin(reply, deviceId, LOGIN_SERIAL)) {
                loggedIn();
            } else {
                shared.counters()
                        .error(LoadError.PROTOCOL, "device " + deviceId + ": " + reply + " before its login ack");
            }
            return;
        }
        acked(reply);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (flushPending) {
            flushPending = false;
            ctx.flush();
        }
    }

    private void loggedIn() {
        loginTimeout.cancel(false);
        resolved = true;
        connected = true;
        shared.counters().connected.increment();
        shared.counters().lastConnAckNanos.accumulateAndGet(System.nanoTime(), Math::max);
        if (shared.window().isOpen(System.nanoTime())) {
            startPublishing();
        }
    }

    private void acked(TcpReply reply) {
        long now = System.nanoTime();
        if (size == 0 || !protocol.answersMessage(reply, deviceId, ringSerial[head])) {
            shared.counters()
                    .error(
                            LoadError.PROTOCOL,
                            "device " + deviceId + ": " + reply
                                    + (size == 0
                                            ? " with nothing in flight"
                                            : " does not answer serial " + ringSerial[head]));
            return;
        }
        boolean measured = ringMeasured[head];
        long sentAt = ringSentAt[head];
        head = (head + 1) & (WINDOW - 1);
        size--;
        if (!measured) {
            return;
        }
        measuredInFlight--;
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
    public void startPublishing() {
        if (shared.paced() || !connected || publishing) {
            return;
        }
        publishing = true;
        if (trySend()) {
            ctx.flush();
        }
    }

    @Override
    public boolean trySend() {
        return connected && write(true);
    }

    private boolean write(boolean measured) {
        if (size == WINDOW) {
            return false;
        }
        int serial = lastSerial == 0xFFFF ? 1 : lastSerial + 1;
        lastSerial = serial;
        int slot = (head + size) & (WINDOW - 1);
        ringSerial[slot] = serial;
        ringSentAt[slot] = System.nanoTime();
        ringMeasured[slot] = measured;
        size++;
        byte[] bytes = fixedMessage != null ? fixedMessage : protocol.message(deviceId, serial);
        ctx.write(Unpooled.wrappedBuffer(bytes), ctx.voidPromise());
        if (measured) {
            measuredInFlight++;
            shared.counters().sent.increment();
        }
        return true;
    }

    @Override
    public void flush() {
        ctx.flush();
    }

    @Override
    public void disconnect() {
        closing = true;
        connected = false;
        if (ctx != null) {
            ctx.close();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent idle && connected) {
            if (idle.state() == IdleState.WRITER_IDLE) {
                if (write(false)) {
                    ctx.flush();
                }
            } else if (idle.state() == IdleState.READER_IDLE) {
                shared.counters()
                        .error(LoadError.PING_TIMEOUT, "device " + deviceId + ": nothing read for 1.5 × keep-alive");
                ctx.close();
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (loginTimeout != null) {
            loginTimeout.cancel(false);
        }
        if (!resolved) {
            resolved = true;
            failConnect(LoadError.CLOSED, "device " + deviceId + ": closed by the server before the login ack");
        } else if (!closing) {
            shared.counters().error(LoadError.CLOSED, "device " + deviceId + ": closed by the server");
        }
        shared.counters().lost.add(measuredInFlight);
        measuredInFlight = 0;
        connected = false;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException) {
            shared.counters().error(LoadError.PROTOCOL, "device " + deviceId + ": " + cause.getMessage());
        } else {
            log.debug("device {}: {}", deviceId, cause.toString());
        }
        ctx.close();
    }

    private void failConnect(LoadError kind, String detail) {
        resolved = true;
        shared.counters().connectFailures.increment();
        shared.counters().error(kind, detail);
    }
}
