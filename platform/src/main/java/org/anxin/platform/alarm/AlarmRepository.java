package org.anxin.platform.alarm;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AlarmRepository {
    private static final String SELECT =
            "select a.*, s.name as senior_name, s.address from alarms a" + " join seniors s on s.id = a.senior_id";
    private static final String OPEN_STATUSES = "('RAISED', 'ACKNOWLEDGED', 'DISPATCHED', 'RESPONDER_ON_SCENE')";
    private static final RowMapper<Alarm> ROW = (rs, n) -> new Alarm(
            rs.getLong("id"),
            rs.getString("type"),
            AlarmStatus.valueOf(rs.getString("status")),
            rs.getLong("senior_id"),
            rs.getString("senior_name"),
            rs.getString("address"),
            rs.getString("device_id"),
            rs.getTimestamp("raised_at").toInstant(),
            (Double) rs.getObject("lat"),
            (Double) rs.getObject("lon"),
            rs.getInt("repeats"),
            rs.getString("outcome"));

    private final JdbcClient db;

    AlarmRepository(JdbcClient db) {
        this.db = db;
    }

    record TimelineEntry(Instant at, String status, String action, String actor, String note) {}

    /** A new alarm, or empty when one of this device and type is already open (unique index). */
    Optional<Long> insertIfNoneOpen(
            String type, long seniorId, String deviceId, Instant raisedAt, Double lat, Double lon) {
        return db.sql("insert into alarms (type, status, senior_id, device_id, raised_at, lat, lon) values"
                        + " (?, 'RAISED', ?, ?, ?, ?, ?) on conflict (device_id, type) where status in " + OPEN_STATUSES
                        + " do nothing returning id")
                .params(type, seniorId, deviceId, Timestamp.from(raisedAt), lat, lon)
                .query(Long.class)
                .optional();
    }

    Optional<Long> countRepeat(String deviceId, String type) {
        return db.sql("update alarms set repeats = repeats + 1, updated_at = now() where device_id = ? and type = ?"
                        + " and status in " + OPEN_STATUSES + " returning id")
                .params(deviceId, type)
                .query(Long.class)
                .optional();
    }

    /** Moves the alarm on only if it is in one of {@code from}; false if it was not. */
    boolean transition(long id, List<AlarmStatus> from, AlarmStatus to, String outcome) {
        return db.sql("update alarms set status = ?, outcome = coalesce(?, outcome), updated_at = now()"
                                + " where id = ? and status = any(?)")
                        .params(
                                to.name(),
                                outcome,
                                id,
                                from.stream().map(Enum::name).toArray(String[]::new))
                        .update()
                > 0;
    }

    void addTimeline(long alarmId, AlarmStatus status, String action, String actor, String note) {
        db.sql("insert into alarm_timeline (alarm_id, status, action, actor, note) values (?, ?, ?, ?, ?)")
                .params(alarmId, status == null ? null : status.name(), action, actor, note)
                .update();
    }

    Optional<Alarm> find(long id) {
        return db.sql(SELECT + " where a.id = ?").param(id).query(ROW).optional();
    }

    List<Alarm> list(List<AlarmStatus> statuses, String familyUsername, int limit) {
        String where = " where a.status = any(?)";
        if (familyUsername != null) {
            where += " and a.senior_id in (select senior_id from user_seniors where username = ?)";
        }
        var query = db.sql(SELECT + where + " order by a.raised_at desc, a.id desc limit ?")
                .param(statuses.stream().map(Enum::name).toArray(String[]::new));
        if (familyUsername != null) {
            query = query.param(familyUsername);
        }
        return query.param(limit).query(ROW).list();
    }

    List<TimelineEntry> timeline(long alarmId) {
        return db.sql("select at, status, action, actor, note from alarm_timeline where alarm_id = ? order by at, id")
                .param(alarmId)
                .query((rs, n) -> new TimelineEntry(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("status"),
                        rs.getString("action"),
                        rs.getString("actor"),
                        rs.getString("note")))
                .list();
    }
}
