package org.anxin.sim.load;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * One simulated device on one connection: CONNECT, then PUBLISH as told, PINGREQ when idle,
 * DISCONNECT at the end. Everything runs on the channel's event loop except {@link #state()}.
 *
 * <p>QoS 1 messages in flight sit in a ring of {@value #WINDOW} slots indexed by packet id; a
 * device whose next slot is still taken sends nothing until that PUBACK arrives.
 */
final class LoadConnection extends LoadHandler {
    static final int WINDOW = 64;
    /** Packet ids run 1 … 32,768: a multiple of the window, so consecutive ids stay in consecutive slots. */
    static final int MAX_PACKET_ID = 32_768;

    private static final int QOS0_BATCH = 16;

    enum State {
        CONNECTING,
        CONNECTED,
        CLOSING,
        CLOSED
    }

    /**
     * What all connections of one run share.
     *
     * @param inFlightLimit QoS 1 messages a device may have unacked at once (at most {@value #WINDOW})
     * @param openLoop latency counts from each message's scheduled send time (paced runs)
     * @param sendLag how late messages left against their schedule (open loop): the loader's own lag
     */
    record Shared(
            int qos,
            boolean paced,
            PublishWindow window,
            LoadCounters counters,
            LatencyRecorder latency,
            int inFlightLimit,
            boolean openLoop,
            LatencyRecorder sendLag) {

        Shared(int qos, boolean paced, PublishWindow window, LoadCounters counters, LatencyRecorder latency) {
            this(qos, paced, window, counters, latency, WINDOW, false, new LatencyRecorder());
        }
    }

    private final byte[] connectPacket;
    private final PublishTemplate template;
    private final int[] ringIds = new int[WINDOW];
    private final long[] ringSentAt = new long[WINDOW];

    private volatile State state = State.CONNECTING;
    private int lastPacketId;
    private int inFlight;
    private boolean publishing;

    LoadConnection(String deviceId, byte[] connectPacket, PublishTemplate template, Shared shared) {
        super(deviceId, shared);
        this.connectPacket = connectPacket;
        this.template = template;
    }

    State state() {
        return state;
    }

    @Override
    public boolean connected() {
        return state == State.CONNECTED;
    }

    String deviceId() {
        return deviceId;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        hello(ctx, connectPacket, LoadError.CONNACK_TIMEOUT, "no CONNACK within 10 s");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof BrokerPacket.PubAck ack) {
            pubAck(ack.packetId());
        } else if (msg instanceof BrokerPacket.ConnAck connAck) {
            connAck(connAck.returnCode());
        } else if (msg instanceof BrokerPacket.Unexpected unexpected) {
            shared.counters()
                    .error(
                            LoadError.PROTOCOL,
                            "device " + deviceId + " got an unexpected packet of type " + unexpected.type());
        }
        // PINGRESP: reading it is enough, it resets the reader-idle timer
    }

    private void connAck(int returnCode) {
        if (resolved) {
            shared.counters().error(LoadError.PROTOCOL, "device " + deviceId + " got a second CONNACK");
            return;
        }
        helloAnswered();
        if (returnCode != 0) {
            failConnect(LoadError.CONNACK_REFUSED, "device " + deviceId + ": CONNACK return code " + returnCode);
            state = State.CLOSING;
            ctx.close();
            return;
        }
        connectedNow();
        state = State.CONNECTED;
        if (shared.window().isOpen(System.nanoTime())) {
            startPublishing();
        }
    }

    private void pubAck(int packetId) {
        long now = System.nanoTime();
        int slot = packetId & (WINDOW - 1);
        if (ringIds[slot] != packetId || packetId == 0) {
            shared.counters()
                    .error(
                            LoadError.PROTOCOL,
                            "device " + deviceId + ": PUBACK for packet id " + packetId + ", which is not in flight");
            return;
        }
        ringIds[slot] = 0;
        inFlight--;
        answered(now, ringSentAt[slot]);
    }

    @Override
    public void startPublishing() {
        if (shared.paced() || state != State.CONNECTED || publishing) {
            return;
        }
        publishing = true;
        if (shared.qos() == 1) {
            boolean sent = false;
            while (trySend()) {
                sent = true;
            }
            if (sent) {
                ctx.flush();
            }
        } else {
            pumpQos0();
        }
    }

    /** QoS 0 as fast as the socket takes it: a batch at a time, yielding to the other devices. */
    private void pumpQos0() {
        int batch = 0;
        while (batch < QOS0_BATCH
                && ctx.channel().isWritable()
                && shared.window().isOpen(System.nanoTime())
                && trySend()) {
            batch++;
        }
        if (batch > 0) {
            ctx.flush();
        }
        if (state == State.CONNECTED
                && ctx.channel().isWritable()
                && shared.window().isOpen(System.nanoTime())) {
            ctx.executor().execute(this::pumpQos0);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (!shared.paced() && shared.qos() == 0 && ctx.channel().isWritable()) {
            pumpQos0();
        }
        ctx.fireChannelWritabilityChanged();
    }

    /** Writes one PUBLISH (not flushed) if connected and, at QoS 1, the device's window has room. */
    @Override
    public boolean trySend() {
        return send(System.nanoTime(), false);
    }

    /** The same, for a message scheduled at {@code scheduledNanos} (open loop: latency counts from then). */
    @Override
    public boolean trySend(long scheduledNanos) {
        return send(scheduledNanos, shared.openLoop());
    }

    private boolean send(long scheduledNanos, boolean fromSchedule) {
        if (state != State.CONNECTED) {
            return false;
        }
        int packetId = 0;
        if (shared.qos() == 1) {
            int next = lastPacketId == MAX_PACKET_ID ? 1 : lastPacketId + 1;
            int slot = next & (WINDOW - 1);
            if (ringIds[slot] != 0 || inFlight >= shared.inFlightLimit()) {
                return false;
            }
            long now = System.nanoTime();
            if (fromSchedule) {
                sendLag.recordValue(Math.min(Math.max(0, now - scheduledNanos) / 1000, LatencyRecorder.HIGHEST_MICROS));
            }
            ringIds[slot] = next;
            ringSentAt[slot] = fromSchedule ? scheduledNanos : now;
            lastPacketId = next;
            inFlight++;
            packetId = next;
        }
        ctx.write(template.encode(ctx.alloc(), packetId), ctx.voidPromise());
        shared.counters().sent.increment();
        return true;
    }

    /** DISCONNECT and close; called on the event loop at the end of the run. */
    @Override
    public void disconnect() {
        State was = state;
        state = State.CLOSING;
        if (ctx == null) {
            return;
        }
        if (was == State.CONNECTED && ctx.channel().isActive()) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(MqttPackets.DISCONNECT)).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent idle && state == State.CONNECTED) {
            if (idle.state() == IdleState.WRITER_IDLE) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(MqttPackets.PINGREQ));
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
            failConnect(LoadError.CLOSED, "device " + deviceId + ": closed by the broker before CONNACK");
        } else if (state == State.CONNECTED) {
            shared.counters().error(LoadError.CLOSED, "device " + deviceId + ": closed by the broker");
        }
        shared.counters().lost.add(inFlight);
        inFlight = 0;
        state = State.CLOSED;
    }
}
