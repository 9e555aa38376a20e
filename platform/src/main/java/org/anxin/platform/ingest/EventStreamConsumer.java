package org.anxin.platform.ingest;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anxin.platform.device.DeviceEvent;
import org.anxin.platform.device.DeviceService;
import org.anxin.platform.system.StreamGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Reads every event partition through the consumer group {@code anxin-platform}. Each entry is
 * stored in one database transaction and acknowledged (XACK) only after it committed, so a crash
 * loses nothing: what this node read but did not store is reclaimed by another node (XAUTOCLAIM)
 * once idle for 30 s. Entries that break the contract are recorded and acknowledged, so one bad
 * entry never blocks a partition.
 */
@Component
class EventStreamConsumer implements SmartLifecycle {
    static final String GROUP = "anxin-platform";
    private static final Logger log = LoggerFactory.getLogger(EventStreamConsumer.class);
    private static final long RECLAIM_IDLE_MILLIS = 30_000;
    private static final long RECLAIM_EVERY_MILLIS = 15_000;

    private final JedisPooled redis;
    private final DeviceService devices;
    private final TransactionTemplate transactions;
    private final JdbcClient db;
    private final int partitions;
    private final String consumer =
            "platform-" + ManagementFactory.getRuntimeMXBean().getName();
    private volatile boolean running;
    private Thread thread;

    EventStreamConsumer(
            JedisPooled redis,
            DeviceService devices,
            TransactionTemplate transactions,
            JdbcClient db,
            @Value("${anxin.event-partitions}") int partitions) {
        this.redis = redis;
        this.devices = devices;
        this.transactions = transactions;
        this.db = db;
        this.partitions = partitions;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "event-stream-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        long backoff = 100;
        long nextReclaim = 0;
        boolean groupsReady = false;
        while (running) {
            try {
                if (!groupsReady) {
                    createGroups();
                    // our own entries read before a restart of this consumer come first
                    readAll(new StreamEntryID(0, 0));
                    groupsReady = true;
                }
                if (System.currentTimeMillis() >= nextReclaim) {
                    reclaim();
                    nextReclaim = System.currentTimeMillis() + RECLAIM_EVERY_MILLIS;
                }
                readAll(StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY);
                backoff = 100;
            } catch (JedisDataException e) {
                if (StreamGroups.lost(e)) {
                    groupsReady = false; // Redis lost its data: make the groups again
                }
                backoff = pause(backoff, e);
            } catch (RuntimeException e) {
                backoff = pause(backoff, e);
            }
        }
    }

    private void createGroups() {
        for (int p = 0; p < partitions; p++) {
            StreamGroups.ensure(redis, stream(p), GROUP);
        }
    }

    private void readAll(StreamEntryID from) {
        Map<String, StreamEntryID> streams = new LinkedHashMap<>();
        for (int p = 0; p < partitions; p++) {
            streams.put(stream(p), from);
        }
        XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(100);
        if (StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY.equals(from)) {
            params.block(1_000);
        }
        List<Map.Entry<String, List<StreamEntry>>> batches = redis.xreadGroup(GROUP, consumer, params, streams);
        if (batches == null) {
            return;
        }
        for (Map.Entry<String, List<StreamEntry>> batch : batches) {
            for (StreamEntry entry : batch.getValue()) {
                handle(batch.getKey(), entry);
            }
        }
    }

    private void reclaim() {
        for (int p = 0; p < partitions; p++) {
            Map.Entry<StreamEntryID, List<StreamEntry>> claimed = redis.xautoclaim(
                    stream(p),
                    GROUP,
                    consumer,
                    RECLAIM_IDLE_MILLIS,
                    new StreamEntryID(0, 0),
                    XAutoClaimParams.xAutoClaimParams().count(100));
            for (StreamEntry entry : claimed.getValue()) {
                log.info("reclaimed event {} on {} left pending by a stopped consumer", entry.getID(), stream(p));
                handle(stream(p), entry);
            }
        }
    }

    private void handle(String stream, StreamEntry entry) {
        if (entry.getFields() == null) {
            // deleted from the stream while pending: nothing to store
            redis.xack(stream, GROUP, entry.getID());
            return;
        }
        try {
            DeviceEvent event = StreamEntries.parse(entry.getFields());
            transactions.executeWithoutResult(status -> devices.record(event));
        } catch (IllegalArgumentException e) {
            log.warn("rejected stream entry {} on {}: {}", entry.getID(), stream, e.getMessage());
            db.sql("insert into rejected_events (stream, entry_id, reason, fields) values (?, ?, ?, ?)")
                    .params(
                            stream,
                            entry.getID().toString(),
                            e.getMessage(),
                            entry.getFields().toString())
                    .update();
        }
        redis.xack(stream, GROUP, entry.getID());
    }

    private long pause(long backoff, RuntimeException e) {
        if (!running) {
            return backoff;
        }
        log.warn("event stream consumer: {}; retrying in {} ms", e.toString(), backoff);
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
        return Math.min(backoff * 2, 5_000);
    }

    private static String stream(int partition) {
        return "anxin:events:" + partition;
    }
}
