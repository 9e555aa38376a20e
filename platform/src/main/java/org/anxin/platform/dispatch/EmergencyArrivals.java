package org.anxin.platform.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How fast responders reached the seniors of the alarms dispatched in a period: arrival (the
 * responder's "arrived") minus acceptance, against the dispatch's own circle (10 minutes for an
 * emergency unless the city set another), in one query.
 */
@Component
public class EmergencyArrivals {
    /** Dispatches that arrived, how many inside their circle, and the median and p90 in seconds. */
    public record Arrivals(long arrived, long withinCircle, Double medianSeconds, Double p90Seconds) {}

    private final JdbcClient db;

    EmergencyArrivals(JdbcClient db) {
        this.db = db;
    }

    /**
     * The alarm dispatches created in [from, to) that arrived; {@code everyAlarm} false narrows them
     * to the alarms with the given ids (those of the seniors in scope).
     */
    public Arrivals of(Instant from, Instant to, boolean everyAlarm, List<Long> alarmIds) {
        String seconds = "greatest(0, extract(epoch from arrived_at - accepted_at))";
        return db.sql("select count(*) as arrived, count(*) filter (where " + seconds + " <= circle_seconds) as within,"
                        + " percentile_disc(0.5) within group (order by " + seconds + ") as median,"
                        + " percentile_disc(0.9) within group (order by " + seconds + ") as p90"
                        + " from dispatches where alarm_id is not null and accepted_at is not null"
                        + " and arrived_at is not null and created_at >= ? and created_at < ?"
                        + " and (?::boolean or alarm_id = any(?::bigint[]))")
                .params(Timestamp.from(from), Timestamp.from(to), everyAlarm, alarmIds.toArray(Long[]::new))
                .query((rs, n) -> new Arrivals(
                        rs.getLong("arrived"), rs.getLong("within"), seconds(rs, "median"), seconds(rs, "p90")))
                .single();
    }

    private static Double seconds(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(value * 10) / 10.0;
    }
}
