package org.anxin.gateway.forward;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.anxin.gateway.device.DeviceEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.ClusterCommandArguments;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Hands events to Redis Streams off the event loops, in two lanes, each a bounded queue drained
 * by a thread of its own over a connection of its own: the alarm lane (SOS, FALL, …) and the
 * events lane (positions and the rest). A lane pipelines a batch of XADDs, then reports each
 * event's outcome: the alarm lane one entry per event, the events lane one batch entry per stream
 * holding that stream's events of the batch (docs/events.md, contract v2). A device is acked only
 * from that report, so an ack always means "Redis has it"; an XADD Redis refuses fails only the
 * events of its own entry.
 * An SOS never waits for a batch of positions in flight, nor for one Redis refuses and this
 * forwarder retries (issue 15: an SOS does not queue behind positions anywhere on its way).
 *
 * <p>A batch of the events lane that starts small waits up to {@link #LINGER_NANOS} for more
 * events before it is written: at a steady offered rate the lane would otherwise wake, write and
 * read back a pipeline of a few events at a time, and Redis, the lane and every event loop (woken to
 * write the acks) pay their per-batch cost that many more times. The wait is a plain sleep, not a
 * wait on the queue, so the events arriving meanwhile do not wake the lane one by one. The alarm
 * lane never waits.
 */
public final class EventForwarder implements HandOff, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventForwarder.class);
    private static final int BATCH = 256;
    /** How long a small batch waits for more events: well inside the acks' latency budget. */
    static final long LINGER_NANOS = TimeUnit.MICROSECONDS.toNanos(1_000);
    /** A batch of at least this many is written at once: the Redis round trip already batches. */
    private static final int LINGER_BELOW = 32;

    private final UnifiedJedis redis;
    private final boolean cluster;
    private final EventStreams streams;
    private final String gatewayNode;
    private final Duration giveUpAfter;
    private final Lane events;
    /** Alarm-lane events (SOS, FALL, …). */
    private final Lane alarms;

    private final int highWater;
    private final int lowWater;
    private final Queue<Runnable> drainWaiters = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    public EventForwarder(
            UnifiedJedis redis, EventStreams streams, String gatewayNode, int capacity, Duration giveUpAfter) {
        this.redis = redis;
        this.cluster = redis instanceof JedisCluster;
        this.streams = streams;
        this.gatewayNode = gatewayNode;
        this.giveUpAfter = giveUpAfter;
        this.highWater = capacity / 2;
        this.lowWater = capacity / 8;
        this.events = new Lane("event-forwarder", capacity, true);
        this.alarms = new Lane("alarm-forwarder", Math.max(BATCH, capacity / 8), false);
        // started once both lanes are assigned, so that each lane's thread sees both
        events.thread.start();
        alarms.thread.start();
    }

    /**
     * Queues the event in its lane (a full alarm lane, some thousands of alarms, falls back to the
     * events lane rather than refuse one).
     */
    @Override
    public boolean submit(DeviceEvent event, Outcome outcome) {
        if (!running) {
            return false;
        }
        Pending pending = new Pending(event, outcome);
        return EventStreams.ALARM_LANE.contains(event.type()) && alarms.offer(pending) || events.offer(pending);
    }

    /** Positions and the like queued deep enough that connections should stop reading; alarms never count. */
    @Override
    public boolean congested() {
        return events.queue.size() + events.inFlight >= highWater;
    }

    @Override
    public void whenDrained(Runnable task) {
        drainWaiters.add(task);
        if (events.queue.size() + events.inFlight <= lowWater) {
            releaseDrainWaiters();
        }
    }

    /** Events waiting for Redis: queued in either lane, plus the batches being written. */
    public int queued() {
        return events.queue.size() + events.inFlight + alarms.queue.size() + alarms.inFlight;
    }

    /** A queue, the thread that drains it in batches, and what that thread is doing. */
    private final class Lane {
        private final BlockingQueue<Pending> queue;
        /** The lane's own: it formats instants in a buffer of its own (not thread-safe). */
        private final StreamEntries entries = new StreamEntries(streams, gatewayNode);

        /** Lingers for small batches and writes batch entries: the events lane. */
        private final boolean batched;

        private final Thread thread;
        /** Events taken from the queue and not yet reported: a batch stuck on a slow Redis counts too. */
        private volatile int inFlight;
        /** True while the lane waits for events: any offer wakes it. */
        private volatile boolean idle;
        /** Why the last XADD Redis refused was refused (this lane's thread only). */
        private RuntimeException lastRefusal;

        Lane(String threadName, int capacity, boolean batched) {
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.batched = batched;
            this.thread = new Thread(this::run, threadName);
            this.thread.setDaemon(true);
        }

        boolean offer(Pending pending) {
            boolean queued = queue.offer(pending);
            if (queued && idle) {
                LockSupport.unpark(thread);
            }
            return queued;
        }

        private void run() {
            List<Pending> batch = new ArrayList<>(BATCH);
            while (running || !queue.isEmpty()) {
                queue.drainTo(batch, BATCH);
                if (batch.isEmpty()) {
                    idle = true;
                    // an offer between the drain and the flag did not unpark us: look once more
                    if (queue.isEmpty() && running) {
                        LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
                    }
                    idle = false;
                    if (Thread.currentThread().isInterrupted()) {
                        break;
                    }
                    continue;
                }
                try {
                    if (batched && batch.size() < LINGER_BELOW) {
                        LockSupport.parkNanos(this, LINGER_NANOS);
                        queue.drainTo(batch, BATCH - batch.size());
                    }
                    inFlight = batch.size();
                    deliver(batch);
                    batch.clear();
                    inFlight = 0;
                    if (this == events && queue.size() <= lowWater) {
                        releaseDrainWaiters();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            for (Pending pending : batch) {
                report(pending, false);
            }
            for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
                report(pending, false);
            }
        }

        /**
         * Writes the batch as one pipeline and reports every event exactly once: stored as soon as
         * Redis answered its own XADD with an entry id, never before. An XADD Redis refused is written
         * again (with the others it refused) until {@code giveUpAfter}; a pipeline whose replies never
         * came (connection lost) is written again whole, since nothing is known about any of it. What
         * is still not stored then is reported as such, and only that.
         */
        private void deliver(List<Pending> batch) throws InterruptedException {
            long deadline = System.nanoTime() + giveUpAfter.toNanos();
            long backoffMillis = 50;
            List<Pending> todo = batch;
            while (true) {
                List<Pending> refused;
                RuntimeException cause;
                try {
                    refused = write(todo);
                    cause = lastRefusal;
                } catch (RuntimeException e) {
                    refused = todo;
                    cause = e;
                }
                if (refused.isEmpty()) {
                    return;
                }
                if (!running || System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMillis) > deadline) {
                    log.error(
                            "Redis did not take {} events ({}); they are not acked and their devices will resend",
                            refused.size(),
                            String.valueOf(cause));
                    for (Pending pending : refused) {
                        report(pending, false);
                    }
                    return;
                }
                log.warn(
                        "Redis hand-off of {} events failed ({}); retrying in {} ms",
                        refused.size(),
                        String.valueOf(cause),
                        backoffMillis);
                Thread.sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 1_000);
                todo = refused;
            }
        }

        /**
         * One pipeline of XADDs; reports the events Redis stored and returns those it refused.
         *
         * @throws RuntimeException when the replies did not all come (nothing is reported then)
         */
        private List<Pending> write(List<Pending> batch) {
            // no length cap: a cap would drop entries the platform has not stored yet; the platform trims
            // behind its consumer group's acknowledgements (docs/events.md, Retention)
            lastRefusal = null;
            List<List<Pending>> toWrite = batched ? byStream(batch) : singly(batch);
            List<Response<Object>> replies = new ArrayList<>(toWrite.size());
            try (AbstractPipeline pipeline = redis.pipelined()) {
                for (List<Pending> entry : toWrite) {
                    replies.add(pipeline.sendCommand(xadd(args(entry))));
                }
                pipeline.sync();
            }
            List<Pending> refused = new ArrayList<>(0);
            for (int i = 0; i < toWrite.size(); i++) {
                try {
                    replies.get(i).get(); // the new entry's id; throws if Redis refused this XADD
                } catch (RuntimeException e) {
                    lastRefusal = e;
                    refused.addAll(toWrite.get(i));
                    continue;
                }
                toWrite.get(i).forEach(pending -> report(pending, true));
            }
            return refused;
        }

        /** The XADD of one entry: a single entry for one event of the alarm lane, else a batch entry. */
        private byte[][] args(List<Pending> entry) {
            if (!batched) {
                return entries.xaddArgs(entry.get(0).event());
            }
            List<DeviceEvent> events = new ArrayList<>(entry.size());
            entry.forEach(pending -> events.add(pending.event()));
            return entries.xaddBatchArgs(entries.key(events.get(0)), events);
        }

        /** The batch by stream, each stream's events in their order. */
        private List<List<Pending>> byStream(List<Pending> batch) {
            Map<byte[], List<Pending>> streams = new IdentityHashMap<>();
            for (Pending pending : batch) {
                streams.computeIfAbsent(entries.key(pending.event()), key -> new ArrayList<>())
                        .add(pending);
            }
            return new ArrayList<>(streams.values());
        }

        private static List<List<Pending>> singly(List<Pending> batch) {
            List<List<Pending>> entries = new ArrayList<>(batch.size());
            batch.forEach(pending -> entries.add(List.of(pending)));
            return entries;
        }
    }

    /**
     * The XADD as Jedis sends it, built straight from the entry's bytes. A cluster pipeline routes
     * by the slot that {@link ClusterCommandArguments} works out from the key.
     */
    private CommandArguments xadd(byte[][] args) {
        CommandArguments command = cluster
                ? new ClusterCommandArguments(Protocol.Command.XADD)
                : new CommandArguments(Protocol.Command.XADD);
        command.key(args[0]);
        for (int i = 1; i < args.length; i++) {
            command.add(args[i]);
        }
        return command;
    }

    private static void report(Pending pending, boolean stored) {
        try {
            pending.outcome().handedOff(stored);
        } catch (RuntimeException e) {
            log.error("hand-off callback failed for device {}", pending.event().deviceId(), e);
        }
    }

    private void releaseDrainWaiters() {
        for (Runnable task = drainWaiters.poll(); task != null; task = drainWaiters.poll()) {
            task.run();
        }
    }

    /** Stops taking events, writes what is queued in both lanes (within the retry limit), then stops. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Lane lane : List.of(alarms, events)) {
            LockSupport.unpark(lane.thread);
        }
        for (Lane lane : List.of(alarms, events)) {
            lane.thread.join(giveUpAfter.toMillis() + 5_000);
        }
    }

    private record Pending(DeviceEvent event, Outcome outcome) {}
}
