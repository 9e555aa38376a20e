package org.anxin.platform.alarm;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Family SMS held back for one contact's quiet hours ({@code family_holds}). Claimed by deleting
 * the due rows, so that of several platform nodes only one sends each; the hold of an alarm
 * closed meanwhile is dropped unsent.
 */
@Component
class FamilyHolds {
    /** A held SMS that fell due; {@code open}: its alarm is still open, so it goes. */
    record Due(long alarmId, String phone, String recipient, boolean open) {}

    private final JdbcClient db;

    FamilyHolds(JdbcClient db) {
        this.db = db;
    }

    void hold(long alarmId, String phone, String recipient, Instant until) {
        db.sql("insert into family_holds (alarm_id, phone, recipient, held_until) values (?, ?, ?, ?)"
                        + " on conflict (alarm_id, phone) do nothing")
                .params(alarmId, phone, recipient, Timestamp.from(until))
                .update();
    }

    /** Claims the holds due at {@code now}, oldest alarm first. */
    List<Due> claimDue(Instant now) {
        return db.sql("with due as (delete from family_holds where held_until <= ? returning alarm_id, phone,"
                        + " recipient, id) select d.alarm_id, d.phone, d.recipient, a.status in "
                        + AlarmRepository.OPEN_STATUSES + " as open from due d join alarms a on a.id = d.alarm_id"
                        + " order by d.alarm_id, d.id")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Due(
                        rs.getLong("alarm_id"),
                        rs.getString("phone"),
                        rs.getString("recipient"),
                        rs.getBoolean("open")))
                .list();
    }
}
