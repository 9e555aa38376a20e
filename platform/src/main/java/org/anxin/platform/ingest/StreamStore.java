package org.anxin.platform.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anxin.platform.device.DeviceEvent;
import org.anxin.platform.device.DeviceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Stores stream entries as device events and acknowledges them (XACK) once committed. Entries
 * that break the contract are recorded in {@code rejected_events} and acknowledged, so one bad
 * entry never blocks a partition.
 */
@Component
class StreamStore {
    private static final Logger log = LoggerFactory.getLogger(StreamStore.class);
    /**
     * Events stored in one transaction at most: a read of 100 entries (LaneConsumer.BATCH) held 100
     * events before batch entries, and may hold up to 100 × 256 after a backlog since.
     */
    static final int EVENTS_PER_TRANSACTION = 1_000;

    private final UnifiedJedis redis;
    private final DeviceService devices;
    private final TransactionTemplate transactions;
    private final JdbcClient db;

    StreamStore(UnifiedJedis redis, DeviceService devices, TransactionTemplate transactions, JdbcClient db) {
        this.redis = redis;
        this.devices = devices;
        this.transactions = transactions;
        this.db = db;
    }

    /**
     * A partition's batch, its entries' events {@link #EVENTS_PER_TRANSACTION} at most per
     * transaction (one commit instead of one per event), each transaction's entries acknowledged
     * together once committed. If any of them breaks the transaction (an unregistered device, a
     * database error), it is rolled back and its entries stored one by one, so only that event is
     * rejected; an entry whose events cannot be read at all is stored (that is, rejected) alone, in
     * its place in the order.
     */
    void storeTogether(String stream, List<StreamEntry> entries) {
        List<StreamEntry> chunk = new ArrayList<>();
        List<Map<String, String>> chunkEvents = new ArrayList<>();
        for (StreamEntry entry : entries) {
            List<Map<String, String>> events;
            try {
                events = entry.getFields() == null ? List.of() : StreamEntries.events(entry.getFields());
            } catch (IllegalArgumentException unreadable) {
                storeChunk(stream, chunk, chunkEvents);
                storeOne(stream, entry);
                continue;
            }
            if (!chunk.isEmpty() && chunkEvents.size() + events.size() > EVENTS_PER_TRANSACTION) {
                storeChunk(stream, chunk, chunkEvents);
            }
            chunk.add(entry);
            chunkEvents.addAll(events);
        }
        storeChunk(stream, chunk, chunkEvents);
    }

    /** The entries' events in one transaction, then the entries acknowledged; both lists emptied. */
    private void storeChunk(String stream, List<StreamEntry> chunk, List<Map<String, String>> fields) {
        if (chunk.isEmpty()) {
            return;
        }
        List<StreamEntry> entries = List.copyOf(chunk);
        chunk.clear();
        try {
            List<DeviceEvent> events = fields.stream().map(StreamEntries::parse).toList();
            transactions.executeWithoutResult(status -> devices.recordAll(events));
        } catch (RuntimeException e) {
            log.debug("batch of {} on {} stored one by one: {}", entries.size(), stream, e.toString());
            entries.forEach(entry -> storeOne(stream, entry));
            return;
        } finally {
            fields.clear();
        }
        redis.xack(
                stream,
                LaneConsumer.GROUP,
                entries.stream().map(StreamEntry::getID).toArray(StreamEntryID[]::new));
    }

    /**
     * One entry, each of its events (a batch entry holds several) in a transaction of its own. An
     * event that breaks the contract, or that the database refuses as data (a time out of its
     * range, say), is recorded in {@code rejected_events} (a batch entry's events as
     * {@code <entry id>/<index>}, from 0) and the others are stored; a batch entry whose
     * {@code events} cannot be read is recorded whole. Then the entry is acknowledged: what is
     * rejected could never be stored, and the entries behind it in its partition (alarms among
     * them) must not wait for it. Anything else (the database down) leaves the entry pending, to be
     * read again; its events already stored are then found as duplicates (docs/events.md).
     */
    void storeOne(String stream, StreamEntry entry) {
        if (entry.getFields() == null) {
            // deleted from the stream while pending: nothing to store
            redis.xack(stream, LaneConsumer.GROUP, entry.getID());
            return;
        }
        String id = entry.getID().toString();
        List<Map<String, String>> events;
        try {
            events = StreamEntries.events(entry.getFields());
        } catch (IllegalArgumentException e) {
            events = List.of();
            reject(stream, id, entry.getFields(), e.getMessage());
        }
        boolean batch = StreamEntries.batch(entry.getFields());
        for (int i = 0; i < events.size(); i++) {
            storeEvent(stream, batch ? id + "/" + i : id, events.get(i));
        }
        redis.xack(stream, LaneConsumer.GROUP, entry.getID());
    }

    private void storeEvent(String stream, String id, Map<String, String> fields) {
        try {
            DeviceEvent event = StreamEntries.parse(fields);
            transactions.executeWithoutResult(status -> devices.record(event));
        } catch (IllegalArgumentException e) {
            reject(stream, id, fields, e.getMessage());
        } catch (DataIntegrityViolationException e) {
            reject(
                    stream,
                    id,
                    fields,
                    "the database refused it: "
                            + String.valueOf(e.getMostSpecificCause().getMessage()));
        }
    }

    private void reject(String stream, String id, Map<String, String> entryFields, String reason) {
        String fields = StreamEntries.printable(entryFields.toString());
        log.warn("rejected stream entry {} on {}: {}", id, stream, StreamEntries.printable(reason));
        try {
            db.sql("insert into rejected_events (stream, entry_id, reason, fields) values (?, ?, ?, ?)")
                    .params(stream, id, StreamEntries.printable(reason), fields)
                    .update();
        } catch (DataIntegrityViolationException e) {
            // not even its record could be stored: the log keeps it, and the partition goes on
            log.error("rejected stream entry {} on {} not recorded ({}): {}", id, stream, e, fields);
        }
    }
}
