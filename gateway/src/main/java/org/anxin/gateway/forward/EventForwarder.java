package org.anxin.gateway.forward;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Hands events to Redis Streams off the event loops: one thread drains two bounded queues, the
 * alarm lane's first (an SOS does not queue behind positions here either), and pipelines a batch
 * of XADDs (whatever devices and streams they are for), then reports each event's own outcome. A device is acked only from that report, so an ack always means "Redis has
 * it"; one XADD Redis refuses fails only its own event.
 *
 * <p>A batch that starts small waits up to {@link #LINGER_NANOS} for more events before it is
 * written: at a steady offered rate the forwarder would otherwise wake, write and read back a
 * pipeline of a few events at a time, and Redis, the forwarder and every event loop (woken to
 * write the acks) pay their per-batch cost that many more times. The wait is a plain sleep, not a
 * wait on the queue, so the events arriving meanwhile do not wake the forwarder one by one; an
 * alarm-lane event (SOS, FALL, …) ends it at once.
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
    private final StreamEntries entries;
    private final Duration giveUpAfter;
    private final BlockingQueue<Pending> queue;
    /** Alarm-lane events (SOS, FALL, …): taken before any event of {@link #queue}. */
    private final BlockingQueue<Pending> alarms;

    private final int highWater;
    private final int lowWater;
    private final Queue<Runnable> drainWaiters = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** Events taken from the queues and not yet reported: a batch stuck on a slow Redis counts too. */
    private volatile int inFlight;
    /** True while the forwarder waits for events: any submit wakes it. */
    private volatile boolean idle;
    /** True while the forwarder sleeps to let a small batch grow: an alarm wakes it. */
    private volatile boolean lingering;
    /** Why the last XADD Redis refused was refused (forwarder thread only). */
    private RuntimeException lastRefusal;

    public EventForwarder(
            UnifiedJedis redis, EventStreams streams, String gatewayNode, int capacity, Duration giveUpAfter) {
        this.redis = redis;
        this.cluster = redis instanceof JedisCluster;
        this.entries = new StreamEntries(streams, gatewayNode);
        this.giveUpAfter = giveUpAfter;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.alarms = new ArrayBlockingQueue<>(Math.max(BATCH, capacity / 8));
        this.highWater = capacity / 2;
        this.lowWater = capacity / 8;
        this.thread = new Thread(this::run, "event-forwarder");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Queues the event; an alarm-lane event goes in a queue of its own that every batch takes from
     * first, so an SOS never waits behind the positions queued before it (a full alarm queue, some
     * thousands of alarms, falls back to the events' queue rather than refuse one).
     */
    @Override
    public boolean submit(DeviceEvent event, Outcome outcome) {
        if (!running) {
            return false;
        }
        Pending pending = new Pending(event, outcome);
        boolean alarm = EventStreams.ALARM_LANE.contains(event.type());
        boolean queued = alarm && alarms.offer(pending) || queue.offer(pending);
        if (queued && (idle || alarm && lingering)) {
            LockSupport.unpark(thread); // an alarm does not wait for company either
        }
        return queued;
    }

    /** Positions and the like queued deep enough that connections should stop reading; alarms never count. */
    @Override
    public boolean congested() {
        return queue.size() + inFlight >= highWater;
    }

    @Override
    public void whenDrained(Runnable task) {
        drainWaiters.add(task);
        if (queue.size() + inFlight <= lowWater) {
            releaseDrainWaiters();
        }
    }

    /** Events waiting for Redis: queued (alarms included), plus the batch being written. */
    public int queued() {
        return queue.size() + alarms.size() + inFlight;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty() || !alarms.isEmpty()) {
            int alarmsTaken = take(batch);
            if (batch.isEmpty()) {
                idle = true;
                // a submit between take and the flag did not unpark us: look once more
                if (queue.isEmpty() && alarms.isEmpty() && running) {
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
                }
                idle = false;
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                continue;
            }
            try {
                // a batch of fewer than LINGER_BELOW holds every alarm queued (a full alarm queue,
                // the only way to an alarm among the events, means a batch far larger)
                if (batch.size() < LINGER_BELOW && alarmsTaken == 0) {
                    linger(batch);
                }
                inFlight = batch.size();
                deliver(batch);
                batch.clear();
                inFlight = 0;
                if (queue.size() <= lowWater) {
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
        for (BlockingQueue<Pending> waiting : List.of(alarms, queue)) {
            for (Pending pending = waiting.poll(); pending != null; pending = waiting.poll()) {
                report(pending, false);
            }
        }
    }

    /** Fills the batch: the queued alarms first, then the other events, up to {@link #BATCH}; the alarms taken. */
    private int take(List<Pending> batch) {
        int alarmsTaken = alarms.drainTo(batch, BATCH - batch.size());
        queue.drainTo(batch, BATCH - batch.size());
        return alarmsTaken;
    }

    /** Sleeps once for {@link #LINGER_NANOS} (less if an alarm comes), then takes what arrived. */
    private void linger(List<Pending> batch) {
        lingering = true;
        // an alarm queued between the take and the flag has not unparked us: look once more
        if (alarms.isEmpty()) {
            LockSupport.parkNanos(this, LINGER_NANOS);
        }
        lingering = false;
        take(batch);
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
        List<Response<Object>> replies = new ArrayList<>(batch.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (Pending pending : batch) {
                replies.add(pipeline.sendCommand(xadd(entries.xaddArgs(pending.event()))));
            }
            pipeline.sync();
        }
        List<Pending> refused = new ArrayList<>(0);
        for (int i = 0; i < batch.size(); i++) {
            Pending pending = batch.get(i);
            try {
                replies.get(i).get(); // the new entry's id; throws if Redis refused this XADD
            } catch (RuntimeException e) {
                lastRefusal = e;
                refused.add(pending);
                continue;
            }
            report(pending, true);
        }
        return refused;
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

    /** Stops taking events, writes what is queued (within the retry limit), then stops. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        LockSupport.unpark(thread);
        thread.join(giveUpAfter.toMillis() + 5_000);
    }

    private record Pending(DeviceEvent event, Outcome outcome) {}
}
