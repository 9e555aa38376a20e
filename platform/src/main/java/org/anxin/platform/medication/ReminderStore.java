package org.anxin.platform.medication;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReminderStore {
    private final JdbcClient db;

    ReminderStore(JdbcClient db) {
        this.db = db;
    }

    /** Claims the reminder: its id when this node is the first, empty when one was already claimed. */
    Optional<Long> claim(long seniorId, String medicine, String dose, Instant dueAt, String channel, Instant now) {
        return db.sql("insert into medication_reminders (senior_id, medicine, dose, due_at, channel, created_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (senior_id, medicine, due_at) do nothing"
                        + " returning id")
                .params(seniorId, medicine, dose, Timestamp.from(dueAt), channel, Timestamp.from(now))
                .query(Long.class)
                .optional();
    }

    void sent(long id, long notificationId) {
        db.sql("update medication_reminders set channel = 'SMS', notification_id = ? where id = ?")
                .params(notificationId, id)
                .update();
    }

    /** The REMIND command that carries the reminder to the senior's watch. */
    void commanded(long id, long commandId) {
        db.sql("update medication_reminders set command_id = ? where id = ?")
                .params(commandId, id)
                .update();
    }

    List<MedicationReminder> forSenior(long seniorId, int limit) {
        return db.sql("select * from medication_reminders where senior_id = ? order by due_at desc, id desc limit ?")
                .params(seniorId, limit)
                .query((rs, n) -> new MedicationReminder(
                        rs.getLong("id"),
                        rs.getLong("senior_id"),
                        rs.getString("medicine"),
                        rs.getString("dose"),
                        rs.getTimestamp("due_at").toInstant(),
                        rs.getString("channel"),
                        (Long) rs.getObject("notification_id"),
                        (Long) rs.getObject("command_id"),
                        null,
                        null))
                .list();
    }
}
