package org.anxin.platform.ingest;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anxin.platform.device.DeviceEvent;
import org.anxin.platform.device.DeviceService;
import org.anxin.platform.system.BackgroundLoop;
import org.anxin.platform.system.StreamGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
 * Reads every partition of both lanes ({@code anxin:alarms:{p}} for device alarms, read first, and
 * {@code anxin:events:{p}} for the rest) through the consumer group {@code anxin-platform}. Each entry is
 * stored in one database transaction and acknowledged (XACK) only after it committed, so a crash
 * loses nothing: what this node read but did not store is reclaimed by another node (XAUTOCLAIM)
 * once idle for 30 s. Entries that break the contract are recorded and acknowledged, so one bad
 * entry never blocks a partition.
 */
@Component
class EventStreamConsumer extends BackgroundLoop {
    static final String GROUP = "anxin-platform";
    private static final Logger log = LoggerFactory.getLogger(EventStreamConsumer.class);
    private static final long RECLAIM_IDLE_MILLIS = 30_000;
    private static final long RECLAIM_EVERY_MILLIS = 15_000;
    /** Device alarms (SOS, FALL, …): read ahead of everything else. */
    static final String ALARMS = "anxin:alarms:";
    /** Everything else (positions, heartbeats, vitals, online/offline). */
    static final String EVENTS = "anxin:events:";

    private static final int BATCH = 100;

    private final JedisPooled redis;
    private final DeviceService devices;
    private final TransactionTemplate transactions;
    private final JdbcClient db;
    private final int partitions;
    private final String consumer =
            "platform-" + ManagementFactory.getRuntimeMXBean().getName();

    EventStreamConsumer(
            JedisPooled redis,
            DeviceService devices,
            TransactionTemplate transactions,
            JdbcClient db,
            @Value("${anxin.event-partitions}") int partitions) {
        super("event-stream-consumer", 5_000);
        this.redis = redis;
        this.devices = devices;
        this.transactions = transactions;
        this.db = db;
        this.partitions = partitions;
    }

    @Override
    protected void loop() {
        long backoff = 100;
        long nextReclaim = 0;
        boolean groupsReady = false;
        while (running()) {
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
        for (String stream : allStreams()) {
            StreamGroups.ensure(redis, stream, GROUP);
        }
    }

    /**
     * One read over both lanes (alarm streams first, so a blocking read wakes for an alarm too).
     * Alarm entries are stored first; between one partition's events and the next, any alarm
     * that arrived meanwhile goes ahead, so an SOS never waits behind a backlog of positions.
     */
    private void readAll(StreamEntryID from) {
        boolean pendingOnly = !StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY.equals(from);
        XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(BATCH);
        if (!pendingOnly) {
            params.block(1_000);
        }
        List<Map.Entry<String, List<StreamEntry>>> batches = read(allStreams(), from, params);
        for (Map.Entry<String, List<StreamEntry>> batch : batches) {
            if (batch.getKey().startsWith(ALARMS)) {
                handleAll(batch);
            }
        }
        for (Map.Entry<String, List<StreamEntry>> batch : batches) {
            if (!batch.getKey().startsWith(ALARMS)) {
                storeTogether(batch.getKey(), batch.getValue());
                if (!pendingOnly) {
                    read(
                                    alarmStreams(),
                                    from,
                                    XReadGroupParams.xReadGroupParams().count(BATCH))
                            .forEach(this::handleAll);
                }
            }
        }
    }

    private List<Map.Entry<String, List<StreamEntry>>> read(
            List<String> keys, StreamEntryID from, XReadGroupParams params) {
        Map<String, StreamEntryID> streams = new LinkedHashMap<>();
        keys.forEach(key -> streams.put(key, from));
        List<Map.Entry<String, List<StreamEntry>>> batches = redis.xreadGroup(GROUP, consumer, params, streams);
        return batches == null ? List.of() : batches;
    }

    private void handleAll(Map.Entry<String, List<StreamEntry>> batch) {
        for (StreamEntry entry : batch.getValue()) {
            handle(batch.getKey(), entry);
        }
    }

    private void reclaim() {
        for (String stream : allStreams()) {
            Map.Entry<StreamEntryID, List<StreamEntry>> claimed = redis.xautoclaim(
                    stream,
                    GROUP,
                    consumer,
                    RECLAIM_IDLE_MILLIS,
                    new StreamEntryID(0, 0),
                    XAutoClaimParams.xAutoClaimParams().count(BATCH));
            for (StreamEntry entry : claimed.getValue()) {
                log.info("reclaimed event {} on {} left pending by a stopped consumer", entry.getID(), stream);
                handle(stream, entry);
            }
        }
    }

    /**
     * A partition's batch of ordinary events in one transaction (one commit instead of one per
     * event), acknowledged together once committed. If any of them breaks the transaction (an
     * unregistered device, a database error), the batch is rolled back and stored entry by entry,
     * so only that entry is rejected. Alarms never wait for this: they are stored one by one.
     */
    private void storeTogether(String stream, List<StreamEntry> entries) {
        List<StreamEntry> present =
                entries.stream().filter(e -> e.getFields() != null).toList();
        try {
            List<DeviceEvent> events = present.stream()
                    .map(entry -> StreamEntries.parse(entry.getFields()))
                    .toList();
            transactions.executeWithoutResult(status -> events.forEach(devices::record));
        } catch (RuntimeException e) {
            log.debug("batch of {} on {} stored one by one: {}", entries.size(), stream, e.toString());
            entries.forEach(entry -> handle(stream, entry));
            return;
        }
        if (!entries.isEmpty()) {
            redis.xack(stream, GROUP, entries.stream().map(StreamEntry::getID).toArray(StreamEntryID[]::new));
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
        if (!running()) {
            return backoff;
        }
        log.warn("event stream consumer: {}; retrying in {} ms", e.toString(), backoff);
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            halt();
        }
        return Math.min(backoff * 2, 5_000);
    }

    /** The alarm lane first, then the events lane, each in partition order. */
    private List<String> allStreams() {
        List<String> keys = new ArrayList<>(alarmStreams());
        for (int p = 0; p < partitions; p++) {
            keys.add(EVENTS + p);
        }
        return keys;
    }

    private List<String> alarmStreams() {
        List<String> keys = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            keys.add(ALARMS + p);
        }
        return keys;
    }
}
