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
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

/**
 * Hands events to Redis Streams off the event loops: one thread drains a bounded queue and
 * pipelines a batch of XADDs, then reports each event's outcome. A device is acked only from
 * that report, so an ack always means "Redis has it".
 */
public final class EventForwarder implements HandOff, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventForwarder.class);
    private static final int BATCH = 256;

    private final UnifiedJedis redis;
    private final EventStreams streams;
    private final String gatewayNode;
    private final Duration giveUpAfter;
    private final BlockingQueue<Pending> queue;
    private final int highWater;
    private final int lowWater;
    private final Queue<Runnable> drainWaiters = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** Events taken from the queue and not yet reported: a batch stuck on a slow Redis counts too. */
    private volatile int inFlight;

    public EventForwarder(
            UnifiedJedis redis, EventStreams streams, String gatewayNode, int capacity, Duration giveUpAfter) {
        this.redis = redis;
        this.streams = streams;
        this.gatewayNode = gatewayNode;
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
                boolean stored = writeWithRetry(batch);
                for (Pending pending : batch) {
                    report(pending, stored);
                }
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

    private boolean writeWithRetry(List<Pending> batch) throws InterruptedException {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        long backoffMillis = 50;
        while (true) {
            try {
                write(batch);
                return true;
            } catch (RuntimeException e) {
                if (!running || System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMillis) > deadline) {
                    log.error(
                            "Redis did not take {} events ({}); they are not acked and their devices will resend",
                            batch.size(),
                            e.toString());
                    return false;
                }
                log.warn("Redis hand-off failed ({}); retrying in {} ms", e.toString(), backoffMillis);
                Thread.sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 1_000);
            }
        }
    }

    private void write(List<Pending> batch) {
        // no length cap: a cap would drop entries the platform has not stored yet; the platform trims
        // behind its consumer group's acknowledgements (docs/events.md, Retention)
        XAddParams params = XAddParams.xAddParams();
        List<Response<StreamEntryID>> replies = new ArrayList<>(batch.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (Pending pending : batch) {
                DeviceEvent event = pending.event();
                replies.add(pipeline.xadd(
                        streams.keyOf(event.deviceId(), event.type()), params, event.toStreamFields(gatewayNode)));
            }
            pipeline.sync();
        }
        for (Response<StreamEntryID> reply : replies) {
            reply.get(); // throws if that XADD failed
        }
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
