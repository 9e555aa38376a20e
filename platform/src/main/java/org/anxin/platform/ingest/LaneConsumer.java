package org.anxin.platform.ingest;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.anxin.platform.system.BackgroundLoop;
import org.anxin.platform.system.StreamGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Reads partitions of one lane of the device event streams (every one, or one on a Redis Cluster)
 * through the consumer group {@code anxin-platform}, on a thread of its own, and hands each partition's batch to its store.
 * Entries are acknowledged (XACK) only once stored, so a crash loses nothing: what this node read
 * but failed to store it reads again after a pause (up to 5 s), and what a stopped node left pending
 * is reclaimed by another node (XAUTOCLAIM) once idle for 30 s. Each lane has its
 * own thread and its own blocking read, so an alarm never waits for a batch of positions being
 * stored (docs/events.md); the two lanes are the beans of {@link Lanes}, built by {@link LaneReaders}.
 */
final class LaneConsumer extends BackgroundLoop {
    static final String GROUP = "anxin-platform";
    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(LaneConsumer.class);
    private static final long RECLAIM_IDLE_MILLIS = 30_000;
    private static final long RECLAIM_EVERY_MILLIS = 15_000;

    private final UnifiedJedis redis;
    private final List<String> streams;
    private final BiConsumer<String, List<StreamEntry>> store;
    private final String consumer =
            "platform-" + ManagementFactory.getRuntimeMXBean().getName();

    /**
     * {@code streams}: partitions of {@code anxin:alarms:} or {@code anxin:events:}, read together
     * (all of them on one server, one each on a cluster: {@link LaneReaders}); {@code store} stores
     * one partition's entries (in stream order) and acknowledges them.
     */
    LaneConsumer(
            String threadName, UnifiedJedis redis, List<String> streams, BiConsumer<String, List<StreamEntry>> store) {
        super(threadName, 5_000);
        this.redis = redis;
        this.streams = List.copyOf(streams);
        this.store = store;
    }

    @Override
    protected void loop() {
        long backoff = 100;
        long nextReclaim = 0;
        boolean groupsReady = false;
        while (running()) {
            try {
                if (!groupsReady) {
                    streams.forEach(stream -> StreamGroups.ensure(redis, stream, GROUP));
                    // our own entries read before a restart of this consumer come first
                    read(
                            new StreamEntryID(0, 0),
                            XReadGroupParams.xReadGroupParams().count(BATCH));
                    groupsReady = true;
                }
                if (System.currentTimeMillis() >= nextReclaim) {
                    reclaim();
                    nextReclaim = System.currentTimeMillis() + RECLAIM_EVERY_MILLIS;
                }
                read(
                        StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY,
                        XReadGroupParams.xReadGroupParams().count(BATCH).block(1_000));
                backoff = 100;
            } catch (JedisDataException e) {
                if (StreamGroups.lost(e)) {
                    groupsReady = false; // Redis lost its data: make the groups again
                }
                backoff = pause(backoff, e);
            } catch (RuntimeException e) {
                // a batch that failed to store (the database restarting, say) stays pending for this
                // consumer: read it again after the pause rather than after another node's reclaim
                groupsReady = false;
                backoff = pause(backoff, e);
            }
        }
    }

    private void read(StreamEntryID from, XReadGroupParams params) {
        Map<String, StreamEntryID> keys = new LinkedHashMap<>();
        streams.forEach(stream -> keys.put(stream, from));
        List<Map.Entry<String, List<StreamEntry>>> batches = redis.xreadGroup(GROUP, consumer, params, keys);
        if (batches != null) {
            batches.forEach(batch -> store.accept(batch.getKey(), batch.getValue()));
        }
    }

    private void reclaim() {
        for (String stream : streams) {
            Map.Entry<StreamEntryID, List<StreamEntry>> claimed = redis.xautoclaim(
                    stream,
                    GROUP,
                    consumer,
                    RECLAIM_IDLE_MILLIS,
                    new StreamEntryID(0, 0),
                    XAutoClaimParams.xAutoClaimParams().count(BATCH));
            if (!claimed.getValue().isEmpty()) {
                log.info(
                        "reclaimed {} events on {} left pending by a stopped consumer",
                        claimed.getValue().size(),
                        stream);
                store.accept(stream, claimed.getValue());
            }
        }
    }

    private long pause(long backoff, RuntimeException e) {
        if (!running()) {
            return backoff;
        }
        log.warn("{}: {}; retrying in {} ms", streams.get(0), e.toString(), backoff);
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            halt();
        }
        return Math.min(backoff * 2, 5_000);
    }
}
