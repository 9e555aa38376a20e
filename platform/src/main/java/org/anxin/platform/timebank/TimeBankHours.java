package org.anxin.platform.timebank;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Time-bank minutes moved in a period, per kind of entry (EARN, SPEND, DONATE_IN …), in one query. */
@Component
public class TimeBankHours {
    /** The entries of one kind and the sum of their minutes (negative for SPEND and DONATE_OUT). */
    public record KindMinutes(String kind, long entries, long minutes) {}

    private final JdbcClient db;

    TimeBankHours(JdbcClient db) {
        this.db = db;
    }

    /**
     * Entries made in [from, to); {@code everyEntry} false narrows them to those earned, spent or
     * refunded on the orders with the given ids (the orders of the seniors in scope), so a
     * donation between two volunteers counts only city-wide.
     */
    public List<KindMinutes> of(Instant from, Instant to, boolean everyEntry, List<Long> orderIds) {
        return db.sql("select kind, count(*) as entries, sum(minutes) as minutes from timebank_entries"
                        + " where at >= ? and at < ? and (?::boolean or order_id = any(?::bigint[]))"
                        + " group by kind order by kind")
                .params(Timestamp.from(from), Timestamp.from(to), everyEntry, orderIds.toArray(Long[]::new))
                .query((rs, n) -> new KindMinutes(rs.getString("kind"), rs.getLong("entries"), rs.getLong("minutes")))
                .list();
    }
}
