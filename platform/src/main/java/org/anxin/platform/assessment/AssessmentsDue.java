package org.anxin.platform.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.anxin.platform.system.SeniorScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many seniors in scope are due for re-assessment: their latest assessment's due date falls in
 * a period, or has passed (overdue), in one query.
 */
@Component
public class AssessmentsDue {
    /** Seniors assessed, those whose re-assessment falls due in the period, and those overdue today. */
    public record Count(long assessed, long dueInPeriod, long overdue) {}

    private final JdbcClient db;

    AssessmentsDue(JdbcClient db) {
        this.db = db;
    }

    /** Due in [first, last] (both included); overdue: due on or before {@code today}, as the reminder list says. */
    public Count count(LocalDate first, LocalDate last, LocalDate today, SeniorScope scope) {
        List<Object> params = new ArrayList<>(List.of(first, last, today));
        params.addAll(List.of(scope.params()));
        return db.sql("select count(*) as assessed,"
                        + " count(*) filter (where due_on >= ? and due_on <= ?) as due,"
                        + " count(*) filter (where due_on <= ?) as overdue"
                        + " from (select distinct on (senior_id) senior_id, due_on from assessments where "
                        + scope.where("senior_id") + " order by senior_id, assessed_on desc, id desc) latest")
                .params(params)
                .query((rs, n) -> new Count(rs.getLong("assessed"), rs.getLong("due"), rs.getLong("overdue")))
                .single();
    }
}
