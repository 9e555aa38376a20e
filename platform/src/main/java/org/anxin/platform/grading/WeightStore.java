package org.anxin.platform.grading;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The one row of weights and thresholds (seeded with the documented defaults by V63). */
@Component
class WeightStore {
    private final JdbcClient db;

    WeightStore(JdbcClient db) {
        this.db = db;
    }

    GradingWeights current() {
        return db.sql("select * from provider_grading_weights where id = 1")
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp("updated_at");
                    return new GradingWeights(
                            rs.getDouble("on_time"),
                            rs.getDouble("verified"),
                            rs.getDouble("anomaly_free"),
                            rs.getDouble("rating"),
                            rs.getDouble("complaints"),
                            rs.getDouble("follow_up"),
                            rs.getDouble("grade_a"),
                            rs.getDouble("grade_b"),
                            rs.getDouble("grade_c"),
                            at == null ? null : at.toInstant(),
                            rs.getString("updated_by"));
                })
                .single();
    }

    void save(GradingWeights w, String by, Instant at) {
        db.sql("update provider_grading_weights set on_time = ?, verified = ?, anomaly_free = ?, rating = ?,"
                        + " complaints = ?, follow_up = ?, grade_a = ?, grade_b = ?, grade_c = ?, updated_at = ?,"
                        + " updated_by = ? where id = 1")
                .params(
                        w.onTime(),
                        w.verified(),
                        w.anomalyFree(),
                        w.rating(),
                        w.complaints(),
                        w.followUp(),
                        w.gradeA(),
                        w.gradeB(),
                        w.gradeC(),
                        Timestamp.from(at),
                        by)
                .update();
    }
}
