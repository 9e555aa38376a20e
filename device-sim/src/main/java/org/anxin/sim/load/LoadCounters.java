package org.anxin.sim.load;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counters shared by all connections, written from the event loops. The first error of each kind
 * is logged with its detail; the rest are only counted, so 25,000 refusals make one log line.
 */
final class LoadCounters {
    private static final Logger log = LoggerFactory.getLogger("device-sim.load");

    final LongAdder attempted = new LongAdder();
    final LongAdder connected = new LongAdder();
    final LongAdder connectFailures = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder ackedInWindow = new LongAdder();
    /** QoS 1 messages that can no longer be acked: their connection closed. */
    final LongAdder lost = new LongAdder();

    final AtomicLong lastConnAckNanos = new AtomicLong();
    private final Map<LoadError, LongAdder> errors = new EnumMap<>(LoadError.class);

    LoadCounters() {
        for (LoadError kind : LoadError.values()) {
            errors.put(kind, new LongAdder());
        }
    }

    void error(LoadError kind, String detail) {
        error(kind, 1, detail);
    }

    void error(LoadError kind, long count, String detail) {
        LongAdder counter = errors.get(kind);
        boolean first = counter.sum() == 0;
        counter.add(count);
        if (first) {
            log.warn("first {} error: {} (further ones are counted, not logged)", kind.jsonName(), detail);
        }
    }

    long errors(LoadError kind) {
        return errors.get(kind).sum();
    }

    long errorTotal() {
        long total = 0;
        for (LongAdder counter : errors.values()) {
            total += counter.sum();
        }
        return total;
    }

    Map<String, Long> errorsByKind() {
        Map<String, Long> byKind = new LinkedHashMap<>();
        errors.forEach((kind, counter) -> byKind.put(kind.jsonName(), counter.sum()));
        return byKind;
    }

    /**
     * Sent and neither acked nor lost. Acks and losses are read before the sends: a message is
     * counted as sent before it can be acked, so this never reads 0 while one is still out (read the
     * other way round, an ack and the next send landing between the two reads hid that send).
     */
    long inFlight() {
        long settled = acked.sum() + lost.sum();
        return sent.sum() - settled;
    }
}
