package org.anxin.platform.alarm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.anxin.platform.system.SeniorScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Alarm figures of a period for the city dashboard, each one SQL query over the alarms raised in
 * [from, to) by the seniors in scope. The answer is the first move an operator made (acknowledge,
 * dispatch, false alarm, cancel; {@code answered_at}), measured from {@code created_at}, as in
 * the answer-time report.
 */
@Component
public class AlarmFigures {
    /** The answer-time target: answered within 60 s, for 97.5 % of the alarms (telecare audit). */
    public static final int TARGET_SECONDS = 60;

    public static final double TARGET_PERCENT = AnswerTimes.TARGET_60;

    /** Alarms of one kind that ended (or stand) with one outcome: OPEN, FALSE_ALARM, CANCELLED or the resolution. */
    public record KindOutcome(String kind, String outcome, long alarms) {}

    /** How fast the alarms were answered; seconds null when none was answered. */
    public record Answering(
            long alarms,
            long answered,
            long withinTarget,
            int targetSeconds,
            Double medianSeconds,
            Double p90Seconds) {}

    private static final String OUTCOME = "case when status = 'RESOLVED' then coalesce(outcome, 'RESOLVED')"
            + " when status in ('FALSE_ALARM', 'CANCELLED') then status else 'OPEN' end";

    private final JdbcClient db;

    AlarmFigures(JdbcClient db) {
        this.db = db;
    }

    public List<KindOutcome> byKindAndOutcome(Instant from, Instant to, SeniorScope scope) {
        return db.sql("select type, " + OUTCOME + " as outcome, count(*) as alarms from alarms"
                        + " where created_at >= ? and created_at < ? and " + scope.where("senior_id")
                        + " group by 1, 2 order by 1, 2")
                .params(scope.paramsAfter(Timestamp.from(from), Timestamp.from(to)))
                .query((rs, n) -> new KindOutcome(rs.getString("type"), rs.getString("outcome"), rs.getLong("alarms")))
                .list();
    }

    public Answering answering(Instant from, Instant to, SeniorScope scope) {
        // greatest() skips nulls: an unanswered alarm must stay null, not become 0 s
        String seconds =
                "case when answered_at is not null then greatest(0, extract(epoch from answered_at - created_at)) end";
        List<Object> params = new ArrayList<>(List.of(TARGET_SECONDS));
        params.addAll(scope.paramsAfter(Timestamp.from(from), Timestamp.from(to)));
        return db.sql("select count(*) as alarms, count(answered_at) as answered,"
                        + " count(*) filter (where " + seconds + " <= ?) as within_target,"
                        + " percentile_disc(0.5) within group (order by " + seconds + ") as median,"
                        + " percentile_disc(0.9) within group (order by " + seconds + ") as p90"
                        + " from alarms where created_at >= ? and created_at < ? and " + scope.where("senior_id"))
                .params(params)
                .query((rs, n) -> new Answering(
                        rs.getLong("alarms"),
                        rs.getLong("answered"),
                        rs.getLong("within_target"),
                        TARGET_SECONDS,
                        seconds(rs, "median"),
                        seconds(rs, "p90")))
                .single();
    }

    /** The ids of the alarms raised in the period by the seniors in scope, e.g. to scope their dispatches. */
    public List<Long> ids(Instant from, Instant to, SeniorScope scope) {
        return db.sql("select id from alarms where created_at >= ? and created_at < ? and " + scope.where("senior_id"))
                .params(scope.paramsAfter(Timestamp.from(from), Timestamp.from(to)))
                .query(Long.class)
                .list();
    }

    /** Seconds to one decimal; null for none (percentile_disc skips unanswered alarms, whose time is null). */
    static Double seconds(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(value * 10) / 10.0;
    }
}
