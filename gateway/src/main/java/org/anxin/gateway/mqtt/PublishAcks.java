package org.anxin.gateway.mqtt;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.util.internal.PlatformDependent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.anxin.gateway.forward.HandOff;

/**
 * Brings hand-off outcomes back to the event loops in bulk. The forwarder reports a whole batch of
 * events at once; instead of one event-loop task per event (and one flush per event), each loop
 * gets one task per batch that writes every PUBACK that batch earned and then flushes each
 * connection once. An outcome is only ever the forwarder's report that Redis answered that event's
 * XADD, so nothing here can ack earlier than before.
 */
final class PublishAcks {
    private final Map<EventLoop, LoopAcks> loops = new ConcurrentHashMap<>();

    /** The outcome to hand with a publish from {@code channel}: acks it, or closes, on its event loop. */
    HandOff.Outcome outcome(Channel channel, MqttSession session, MqttQoS qos, int packetId) {
        LoopAcks acks = loops.computeIfAbsent(channel.eventLoop(), LoopAcks::new);
        return new Pending(acks, channel, session, qos == MqttQoS.AT_LEAST_ONCE ? packetId : -1);
    }

    /** The encoded PUBACK: 0x40, remaining length 2, the packet id (valid for MQTT 3.1.1 and 5: reason 0 may be left out). */
    static ByteBuf pubAck(Channel channel, int packetId) {
        ByteBuf buf = channel.alloc().ioBuffer(4);
        buf.writeByte(0x40).writeByte(2).writeShort(packetId);
        return buf;
    }

    private static final class Pending implements HandOff.Outcome {
        private final LoopAcks acks;
        private final Channel channel;
        private final MqttSession session;
        /** -1 at QoS 0: nothing to answer. */
        private final int packetId;

        private volatile boolean stored;

        Pending(LoopAcks acks, Channel channel, MqttSession session, int packetId) {
            this.acks = acks;
            this.channel = channel;
            this.session = session;
            this.packetId = packetId;
        }

        @Override
        public void handedOff(boolean stored) {
            this.stored = stored;
            acks.add(this);
        }
    }

    /** One event loop's outcomes waiting to be answered; drained by one task on that loop. */
    private static final class LoopAcks {
        private final EventLoop loop;
        private final Queue<Pending> done = PlatformDependent.newMpscQueue();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final List<Channel> toFlush = new ArrayList<>();

        LoopAcks(EventLoop loop) {
            this.loop = loop;
        }

        void add(Pending pending) {
            done.offer(pending);
            if (scheduled.compareAndSet(false, true)) {
                loop.execute(this::drain);
            }
        }

        private void drain() {
            scheduled.set(false); // what arrives from here on schedules another drain
            for (Pending pending = done.poll(); pending != null; pending = done.poll()) {
                Channel channel = pending.channel;
                if (!pending.stored) {
                    // no ack: the device keeps the message and redelivers it when it reconnects
                    channel.attr(MqttSession.OFFLINE_REASON).set("handoff-failed");
                    channel.close();
                } else if (pending.packetId >= 0 && channel.isActive()) {
                    channel.write(pubAck(channel, pending.packetId), channel.voidPromise());
                    if (pending.session.markFlushDue()) {
                        toFlush.add(channel);
                    }
                }
            }
            for (int i = 0; i < toFlush.size(); i++) {
                Channel channel = toFlush.get(i);
                MqttSession.of(channel).flushDone();
                channel.flush();
            }
            toFlush.clear();
        }
    }
}
