package org.anxin.sim.load;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * One "3G" watch or GT06 tracker on one TCP connection: log in (watch: the first LK; GT06: login),
 * then send heartbeats / status packets as told, one more when idle, close at the end. Neither
 * protocol has a message id the watch could match, and the server answers in order, so messages
 * in flight sit in a FIFO ring of {@value #WINDOW}; a GT06 ack must carry the serial at its head.
 * Keep-alive messages share the ring but are not measured.
 */
final class TcpLoadConnection extends LoadHandler {
    static final int WINDOW = 64;

    private static final int LOGIN_SERIAL = 1;

    private final LoadProtocol protocol;
    /** The watch's LK is the same bytes every time; GT06 packets differ by serial. */
    private final byte[] fixedMessage;

    private final long[] ringSentAt = new long[WINDOW];
    private final int[] ringSerial = new int[WINDOW];
    private final boolean[] ringMeasured = new boolean[WINDOW];
    private int head;
    private int size;
    private int measuredInFlight;

    private volatile boolean connected;
    private boolean closing;
    private int lastSerial = LOGIN_SERIAL;
    private boolean publishing;

    TcpLoadConnection(LoadProtocol protocol, String deviceId, LoadConnection.Shared shared) {
        super(deviceId, shared);
        this.protocol = protocol;
        this.fixedMessage = protocol == LoadProtocol.WATCH ? protocol.message(deviceId, 0) : null;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        hello(
                ctx,
                protocol.login(deviceId, LOGIN_SERIAL),
                LoadError.CONNACK_TIMEOUT,
                "device " + deviceId + ": login not answered within 10 s");
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

    private void loggedIn() {
        connectedNow();
        connected = true;
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
        answered(now, sentAt);
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
        helloAnswered();
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
}
