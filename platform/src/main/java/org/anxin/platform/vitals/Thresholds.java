package org.anxin.platform.vitals;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A senior's alarm limits per kind: the desk's own, else the documented defaults. */
@Component
class Thresholds {
    /** The limits in force; {@code own}: set for this senior by the desk (else the defaults). */
    record Limit(VitalKind kind, String unit, Double low, Double high, boolean own) {
        boolean abnormal(double value) {
            return (low != null && value < low) || (high != null && value > high);
        }
    }

    private final JdbcClient db;
    private final Clock clock;

    Thresholds(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Map<VitalKind, Limit> forSenior(long seniorId) {
        Map<VitalKind, Limit> limits = new EnumMap<>(VitalKind.class);
        for (VitalKind kind : VitalKind.values()) {
            limits.put(kind, new Limit(kind, kind.unit, kind.defaultLow, kind.defaultHigh, false));
        }
        db.sql("select kind, low, high from vital_thresholds where senior_id = ?")
                .param(seniorId)
                .query(rs -> {
                    VitalKind kind = VitalKind.valueOf(rs.getString("kind"));
                    limits.put(
                            kind,
                            new Limit(
                                    kind,
                                    kind.unit,
                                    (Double) rs.getObject("low"),
                                    (Double) rs.getObject("high"),
                                    true));
                });
        return limits;
    }

    List<Limit> list(long seniorId) {
        return List.copyOf(forSenior(seniorId).values());
    }

    void set(long seniorId, VitalKind kind, Double low, Double high, String by) {
        db.sql("insert into vital_thresholds (senior_id, kind, low, high, updated_by, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (senior_id, kind) do update set low = excluded.low,"
                        + " high = excluded.high, updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                .params(seniorId, kind.name(), low, high, by, Timestamp.from(clock.instant()))
                .update();
    }

    void reset(long seniorId, VitalKind kind) {
        db.sql("delete from vital_thresholds where senior_id = ? and kind = ?")
                .params(seniorId, kind.name())
                .update();
    }
}
