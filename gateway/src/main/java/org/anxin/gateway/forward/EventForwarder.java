package org.anxin.gateway.forward;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.anxin.gateway.device.DeviceEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

/**
 * Hands events to Redis Streams off the event loops: one thread drains a bounded queue and
 * pipelines a batch of XADDs (whatever devices and streams they are for), then reports each
 * event's own outcome. A device is acked only from that report, so an ack always means "Redis has
 * it"; one XADD Redis refuses fails only its own event.
 */
public final class EventForwarder implements HandOff, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventForwarder.class);
    private static final int BATCH = 256;
    private static final XAddParams XADD = XAddParams.xAddParams();

    private final UnifiedJedis redis;
    private final StreamEntries entries;
    private final Duration giveUpAfter;
    private final BlockingQueue<Pending> queue;
    private final int highWater;
    private final int lowWater;
    private final Queue<Runnable> drainWaiters = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** Events taken from the queue and not yet reported: a batch stuck on a slow Redis counts too. */
    private volatile int inFlight;
    /** Why the last XADD Redis refused was refused (forwarder thread only). */
    private RuntimeException lastRefusal;

    public EventForwarder(
            UnifiedJedis redis, EventStreams streams, String gatewayNode, int capacity, Duration giveUpAfter) {
        this.redis = redis;
        this.entries = new StreamEntries(streams, gatewayNode);
        this.giveUpAfter = giveUpAfter;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.highWater = capacity / 2;
        this.lowWater = capacity / 8;
        this.thread = new Thread(this::run, "event-forwarder");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public boolean submit(DeviceEvent event, Outcome outcome) {
        return running && queue.offer(new Pending(event, outcome));
    }

    @Override
    public boolean congested() {
        return queued() >= highWater;
    }

    @Override
    public void whenDrained(Runnable task) {
        drainWaiters.add(task);
        if (queued() <= lowWater) {
            releaseDrainWaiters();
        }
    }

    /** Events waiting for Redis: queued, plus the batch being written. */
    public int queued() {
        return queue.size() + inFlight;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
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
        List<Response<byte[]>> replies = new ArrayList<>(batch.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (Pending pending : batch) {
                DeviceEvent event = pending.event();
                replies.add(pipeline.xadd(entries.key(event), XADD, entries.fields(event)));
            }
            pipeline.sync();
        }
        List<Pending> refused = new ArrayList<>(0);
        for (int i = 0; i < batch.size(); i++) {
            Pending pending = batch.get(i);
            try {
                replies.get(i).get(); // throws if Redis refused this XADD
            } catch (RuntimeException e) {
                lastRefusal = e;
                refused.add(pending);
                continue;
            }
            report(pending, true);
        }
        return refused;
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
        thread.join(giveUpAfter.toMillis() + 5_000);
    }

    private record Pending(DeviceEvent event, Outcome outcome) {}
}
