package org.anxin.platform.device;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code device_events} small: one partition per month (UTC) made three months ahead, months
 * wholly older than the retention dropped, and the default partition (events of a far-off clock,
 * or of months not made yet) emptied of what is older than the retention. Hourly, and once in a
 * cluster: the run holds a PostgreSQL advisory lock for its transaction, and a node that does not
 * get it leaves the run to the one that did.
 */
@Component
class EventRetention {
    private static final Logger log = LoggerFactory.getLogger(EventRetention.class);
    static final int MONTHS_AHEAD = 3;
    static final long LOCK = 0x616e78696e0e01L; // "anxin" + event retention
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM", Locale.ROOT);

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final EventRetentionProperties properties;
    private final Clock clock;

    EventRetention(JdbcClient db, TransactionTemplate tx, EventRetentionProperties properties, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${anxin.events.retention-first-ms:60000}", fixedDelay = 3_600_000)
    void hourly() {
        try {
            run(clock.instant());
        } catch (RuntimeException e) {
            log.warn("device event retention failed (next try in an hour): {}", e.toString());
        }
    }

    /** One run as of {@code now}; false when another node holds the run. */
    boolean run(Instant now) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!db.sql("select pg_try_advisory_xact_lock(?)")
                    .param(LOCK)
                    .query(Boolean.class)
                    .single()) {
                return false;
            }
            LocalDate thisMonth = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
            for (int ahead = 0; ahead <= MONTHS_AHEAD; ahead++) {
                ensureMonth(thisMonth.plusMonths(ahead));
            }
            Instant cutoff = now.minus(properties.retention());
            for (Month month : months()) {
                if (!month.end().isAfter(cutoff)) {
                    db.sql("drop table " + month.table()).update();
                    log.info("device events of {} dropped (retention {})", month.table(), properties.retention());
                }
            }
            int old = db.sql("delete from device_events_default where event_time < ?")
                    .param(Timestamp.from(cutoff))
                    .update();
            if (old > 0) {
                log.info("{} device events older than the retention deleted from the default partition", old);
            }
            return true;
        }));
    }

    /**
     * Makes the month's partition unless it exists. Rows of that month already in the default
     * partition move into it first: PostgreSQL refuses a partition whose rows sit in the default.
     */
    private void ensureMonth(LocalDate month) {
        String table = "device_events_" + month.format(SUFFIX);
        boolean exists = db.sql("select to_regclass(?) is not null")
                .param(table)
                .query(Boolean.class)
                .single();
        if (exists) {
            return;
        }
        Timestamp from = Timestamp.from(month.atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp to =
                Timestamp.from(month.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        db.sql("create table " + table + " (like device_events including defaults)")
                .update();
        int moved = db.sql("with moved as (delete from device_events_default where event_time >= ? and event_time < ?"
                        + " returning *) insert into " + table + " select * from moved")
                .params(from, to)
                .update();
        db.sql("alter table device_events attach partition " + table + " for values from ('" + from.toInstant()
                        + "') to ('" + to.toInstant() + "')")
                .update();
        log.info("device events partition {} made{}", table, moved > 0 ? " (" + moved + " events moved into it)" : "");
    }

    /** The month partitions there are, oldest first. */
    List<Month> months() {
        return db.sql("select c.relname from pg_inherits i"
                        + " join pg_class c on c.oid = i.inhrelid"
                        + " where i.inhparent = 'device_events'::regclass and c.relname ~ '^device_events_[0-9]{4}_[0-9]{2}$'"
                        + " order by c.relname")
                .query((rs, n) -> new Month(rs.getString(1), monthEnd(rs.getString(1))))
                .list();
    }

    private static Instant monthEnd(String table) {
        String suffix = table.substring("device_events_".length());
        LocalDate month =
                LocalDate.of(Integer.parseInt(suffix.substring(0, 4)), Integer.parseInt(suffix.substring(5, 7)), 1);
        return month.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    record Month(String table, Instant end) {}
}
