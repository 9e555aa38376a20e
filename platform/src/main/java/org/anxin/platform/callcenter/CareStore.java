package org.anxin.platform.callcenter;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code care_schedules} and {@code care_checks} tables. */
@Repository
class CareStore {
    private static final RowMapper<CareSchedule> SCHEDULE = (rs, n) -> new CareSchedule(
            rs.getLong("id"),
            rs.getLong("senior_id"),
            CareFrequency.valueOf(rs.getString("frequency")),
            (Integer) rs.getObject("day_of_week"),
            rs.getObject("window_start", LocalTime.class),
            rs.getObject("window_end", LocalTime.class),
            rs.getBoolean("active"),
            rs.getTimestamp("next_due_at").toInstant(),
            rs.getString("created_by"),
            rs.getTimestamp("created_at").toInstant());
    private static final RowMapper<CareCheck> CHECK = (rs, n) -> new CareCheck(
            rs.getLong("id"),
            rs.getLong("schedule_id"),
            rs.getLong("senior_id"),
            CareCheckStatus.valueOf(rs.getString("status")),
            rs.getInt("attempts"),
            instant(rs.getTimestamp("called_at")),
            instant(rs.getTimestamp("retry_at")),
            rs.getString("digits"),
            (Long) rs.getObject("alarm_id"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());

    private final JdbcClient db;

    CareStore(JdbcClient db) {
        this.db = db;
    }

    long insertSchedule(
            long seniorId,
            CareFrequency frequency,
            Integer dayOfWeek,
            LocalTime start,
            LocalTime end,
            Instant nextDue,
            String by,
            Instant now) {
        return db.sql("insert into care_schedules (senior_id, frequency, day_of_week, window_start, window_end,"
                        + " next_due_at, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(
                        seniorId,
                        frequency.name(),
                        dayOfWeek,
                        start,
                        end,
                        Timestamp.from(nextDue),
                        by,
                        Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    CareSchedule schedule(long id) {
        return db.sql("select * from care_schedules where id = ?")
                .param(id)
                .query(SCHEDULE)
                .optional()
                .orElse(null);
    }

    List<CareSchedule> schedules(Long seniorId) {
        if (seniorId == null) {
            return db.sql("select * from care_schedules order by id")
                    .query(SCHEDULE)
                    .list();
        }
        return db.sql("select * from care_schedules where senior_id = ? order by id")
                .param(seniorId)
                .query(SCHEDULE)
                .list();
    }

    boolean stop(long id) {
        return db.sql("update care_schedules set active = false where id = ? and active")
                        .param(id)
                        .update()
                > 0;
    }

    /** Active schedules due by {@code now}, locked so that another node skips them until the commit. */
    List<CareSchedule> lockDue(Instant now) {
        return db.sql("select * from care_schedules where active and next_due_at <= ? order by next_due_at"
                        + " limit 50 for update skip locked")
                .param(Timestamp.from(now))
                .query(SCHEDULE)
                .list();
    }

    void dueNext(long scheduleId, Instant next) {
        db.sql("update care_schedules set next_due_at = ? where id = ?")
                .params(Timestamp.from(next), scheduleId)
                .update();
    }

    long insertCheck(long scheduleId, long seniorId, Instant now) {
        return db.sql("insert into care_checks (schedule_id, senior_id, status, attempts, called_at, created_at,"
                        + " updated_at) values (?, ?, 'CALLING', 1, ?, ?, ?) returning id")
                .params(scheduleId, seniorId, Timestamp.from(now), Timestamp.from(now), Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    void calling(long checkId, long notificationId) {
        db.sql("update care_checks set notification_id = ? where id = ?")
                .params(notificationId, checkId)
                .update();
    }

    record Due(long id, long seniorId) {}

    /** Retries whose time has come: claimed (once, across nodes) and calling again. */
    List<Due> claimRetries(Instant now) {
        return db.sql("update care_checks set status = 'CALLING', attempts = attempts + 1, called_at = ?,"
                        + " call_ended_at = null, call_sid = null, notification_id = null, digits = null,"
                        + " retry_at = null, updated_at = ? where status = 'RETRY' and retry_at <= ?"
                        + " returning id, senior_id")
                .params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(now))
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("senior_id")))
                .list();
    }

    /** Calls over without a 1, or silent too long, with retries left: to be called again at {@code retryAt}. */
    List<Due> claimUnansweredToRetry(Instant timedOut, int retries, Instant retryAt, Instant now) {
        return db.sql(
                        "update care_checks set status = 'RETRY', retry_at = ?, updated_at = ? where status = 'CALLING'"
                                + " and (call_ended_at is not null or called_at <= ?) and attempts <= ? returning id, senior_id")
                .params(Timestamp.from(retryAt), Timestamp.from(now), Timestamp.from(timedOut), retries)
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("senior_id")))
                .list();
    }

    /** The same with no retries left: given up on (the caller raises the alarm). */
    List<Due> claimUnansweredToEscalate(Instant timedOut, int retries, Instant now) {
        return db.sql("update care_checks set status = 'NO_ANSWER', updated_at = ? where status = 'CALLING'"
                        + " and (call_ended_at is not null or called_at <= ?) and attempts > ? returning id, senior_id")
                .params(Timestamp.from(now), Timestamp.from(timedOut), retries)
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("senior_id")))
                .list();
    }

    void alarmRaised(long checkId, long alarmId) {
        db.sql("update care_checks set alarm_id = ? where id = ?")
                .params(alarmId, checkId)
                .update();
    }

    void placed(long notificationId, String callSid) {
        db.sql("update care_checks set call_sid = ? where notification_id = ?")
                .params(callSid, notificationId)
                .update();
    }

    /** The senior pressed a key: 1 is all well; anything else ends this call without it. */
    void keyPressed(long notificationId, String digits, Instant now) {
        db.sql("update care_checks set digits = ?, status = case when ? = '1' then 'OK' else status end,"
                        + " call_ended_at = case when ? = '1' then call_ended_at else ? end, updated_at = ?"
                        + " where notification_id = ? and status = 'CALLING'")
                .params(digits, digits, digits, Timestamp.from(now), Timestamp.from(now), notificationId)
                .update();
    }

    void callEnded(String callSid, Instant now) {
        db.sql("update care_checks set call_ended_at = ?, updated_at = ? where call_sid = ? and status = 'CALLING'")
                .params(Timestamp.from(now), Timestamp.from(now), callSid)
                .update();
    }

    List<CareCheck> checks(Long seniorId, int limit) {
        String where = seniorId == null ? "" : " where senior_id = " + seniorId.longValue();
        return db.sql("select * from care_checks" + where + " order by created_at desc, id desc limit ?")
                .param(limit)
                .query(CHECK)
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
