package org.anxin.platform.alarm;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AlarmRepository {
    private static final String SELECT = "select a.* from alarms a";
    static final String OPEN_STATUSES = "('RAISED', 'ACKNOWLEDGED', 'DISPATCHED', 'RESPONDER_ON_SCENE')";
    private static final RowMapper<Alarm> ROW = (rs, n) -> new Alarm(
            rs.getLong("id"),
            rs.getString("type"),
            rs.getInt("priority"),
            AlarmStatus.valueOf(rs.getString("status")),
            rs.getLong("senior_id"),
            null, // the senior's name and address: filled in from the senior module (withSeniors)
            null,
            rs.getString("device_id"),
            instant(rs.getTimestamp("raised_at")),
            instant(rs.getTimestamp("created_at")),
            (Double) rs.getObject("lat"),
            (Double) rs.getObject("lon"),
            rs.getInt("repeats"),
            rs.getString("detail"),
            rs.getString("outcome"),
            instant(rs.getTimestamp("answered_at")),
            rs.getString("answered_by"),
            rs.getString("responder"),
            rs.getInt("escalation_level"),
            instant(rs.getTimestamp("family_notified_at")),
            rs.getString("family_accepted_by"),
            instant(rs.getTimestamp("closed_at")));

    private final JdbcClient db;
    private final SeniorService seniors;

    AlarmRepository(JdbcClient db, SeniorService seniors) {
        this.db = db;
        this.seniors = seniors;
    }

    /** The alarms with their seniors' names and addresses, looked up in one query. */
    private List<Alarm> withSeniors(List<Alarm> alarms) {
        if (alarms.isEmpty()) {
            return alarms;
        }
        Map<Long, Senior> byId =
                seniors.byIds(alarms.stream().map(Alarm::seniorId).collect(Collectors.toSet()));
        return alarms.stream()
                .map(alarm -> {
                    Senior senior = byId.get(alarm.seniorId());
                    return senior == null ? alarm : alarm.withSenior(senior.name(), senior.address());
                })
                .toList();
    }

    record TimelineEntry(Instant at, String status, String action, String actor, String note) {}

    record NewAlarm(
            String type,
            long seniorId,
            String deviceId,
            Instant raisedAt,
            Instant createdAt,
            Double lat,
            Double lon,
            String detail) {}

    /**
     * A new alarm, or empty when one of this device and type is already open (unique index); an
     * alarm without a device (a senior's call) is one per senior and type instead
     * ({@code alarms_one_open_without_device}).
     */
    Optional<Long> insertIfNoneOpen(NewAlarm alarm) {
        String target = alarm.deviceId() == null
                ? "(senior_id, type) where device_id is null and status in "
                : "(device_id, type) where status in ";
        return db.sql("insert into alarms (type, priority, status, senior_id, device_id, raised_at, created_at, lat,"
                        + " lon, detail) values (?, ?, 'RAISED', ?, ?, ?, ?, ?, ?, ?) on conflict " + target
                        + OPEN_STATUSES + " do nothing returning id")
                .params(
                        alarm.type(),
                        AlarmKind.priority(alarm.type()),
                        alarm.seniorId(),
                        alarm.deviceId(),
                        Timestamp.from(alarm.raisedAt()),
                        Timestamp.from(alarm.createdAt()),
                        alarm.lat(),
                        alarm.lon(),
                        alarm.detail())
                .query(Long.class)
                .optional();
    }

    Optional<Long> countRepeatWithoutDevice(long seniorId, String type) {
        return db.sql("update alarms set repeats = repeats + 1, updated_at = now() where senior_id = ? and type = ?"
                        + " and device_id is null and status in " + OPEN_STATUSES + " returning id")
                .params(seniorId, type)
                .query(Long.class)
                .optional();
    }

    /** The senior's open alarms, by priority then age. */
    List<Alarm> openForSenior(long seniorId) {
        return db.sql(SELECT + " where a.senior_id = ? and a.status in " + OPEN_STATUSES
                        + " order by a.priority, a.created_at")
                .param(seniorId)
                .query(ROW)
                .list();
    }

    Optional<Long> countRepeat(String deviceId, String type) {
        return db.sql("update alarms set repeats = repeats + 1, updated_at = now() where device_id = ? and type = ?"
                        + " and status in " + OPEN_STATUSES + " returning id")
                .params(deviceId, type)
                .query(Long.class)
                .optional();
    }

    Optional<Long> findOpen(String deviceId, String type) {
        return db.sql("select id from alarms where device_id = ? and type = ? and status in " + OPEN_STATUSES)
                .params(deviceId, type)
                .query(Long.class)
                .optional();
    }

    /** Whether the device raised an alarm of this kind at or after {@code since} (open or not). */
    boolean raisedSince(String deviceId, String type, Instant since) {
        return db.sql("select count(*) from alarms where device_id = ? and type = ? and created_at >= ?")
                        .params(deviceId, type, Timestamp.from(since))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Moves the alarm on only if it is in one of {@code from}; false if it was not. The first
     * move by a person is the answer: its time and who are kept for the answer-time report.
     */
    boolean transition(
            long id,
            List<AlarmStatus> from,
            AlarmStatus to,
            String outcome,
            String responder,
            String actor,
            Instant at) {
        return db.sql(
                                "update alarms set status = ?, outcome = coalesce(?, outcome), responder = coalesce(?, responder),"
                                        + " answered_at = coalesce(answered_at, ?), answered_by = coalesce(answered_by, ?),"
                                        + " closed_at = case when ? then ?::timestamptz else null end, updated_at = now()"
                                        + " where id = ? and status = any(?)")
                        .params(
                                to.name(),
                                outcome,
                                responder,
                                Timestamp.from(at),
                                actor,
                                !to.open(),
                                Timestamp.from(at),
                                id,
                                from.stream().map(Enum::name).toArray(String[]::new))
                        .update()
                > 0;
    }

    void addTimeline(long alarmId, Instant at, AlarmStatus status, String action, String actor, String note) {
        db.sql("insert into alarm_timeline (alarm_id, at, status, action, actor, note) values (?, ?, ?, ?, ?, ?)")
                .params(alarmId, Timestamp.from(at), status == null ? null : status.name(), action, actor, note)
                .update();
    }

    /** Adds the entry unless the alarm already has one with this action and note; true if it was added. */
    boolean addTimelineOnce(long alarmId, Instant at, String action, String actor, String note) {
        return db.sql("insert into alarm_timeline (alarm_id, at, action, actor, note) select ?, ?, ?, ?, ?"
                                + " where not exists (select 1 from alarm_timeline where alarm_id = ? and action = ?"
                                + " and note = ?)")
                        .params(alarmId, Timestamp.from(at), action, actor, note, alarmId, action, note)
                        .update()
                > 0;
    }

    Optional<Alarm> find(long id) {
        return db.sql(SELECT + " where a.id = ?")
                .param(id)
                .query(ROW)
                .optional()
                .map(alarm -> withSeniors(List.of(alarm)).get(0));
    }

    /** Open alarms first, by priority then age (the queue); then closed ones, newest first. */
    List<Alarm> list(List<AlarmStatus> statuses, Set<Long> onlySeniors, int limit) {
        String where = " where a.status = any(?)";
        if (onlySeniors != null) {
            where += " and a.senior_id = any(?)";
        }
        String open = "a.status in " + OPEN_STATUSES;
        var query = db.sql(SELECT + where + " order by (" + open + ") desc, case when " + open
                        + " then a.priority end, case when " + open + " then a.created_at end,"
                        + " a.created_at desc, a.id desc limit ?")
                .param(statuses.stream().map(Enum::name).toArray(String[]::new));
        if (onlySeniors != null) {
            query = query.param(onlySeniors.toArray(Long[]::new));
        }
        return withSeniors(query.param(limit).query(ROW).list());
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

    /** Still RAISED and not yet escalated although created before {@code cutoff}: claims them. */
    List<Long> claimUnanswered(Instant cutoff, Instant now) {
        return db.sql("update alarms set escalation_level = 1, escalated_at = ?, updated_at = now()"
                        + " where status = 'RAISED' and escalation_level = 0 and created_at <= ? returning id")
                .params(Timestamp.from(now), Timestamp.from(cutoff))
                .query(Long.class)
                .list();
    }

    /**
     * Open, created before {@code cutoff}, the family not told yet and nobody of them already
     * going (accepted on the family page first): claims them.
     */
    List<Long> claimForFamily(Instant cutoff, Instant now) {
        return db.sql("update alarms set family_notified_at = ?, updated_at = now() where status in " + OPEN_STATUSES
                        + " and family_notified_at is null and family_accepted_by is null and created_at <= ?"
                        + " returning id")
                .params(Timestamp.from(now), Timestamp.from(cutoff))
                .query(Long.class)
                .list();
    }

    /** Open, nobody from the family accepted, and the last call was placed before {@code cutoff}. */
    List<Long> claimNextCall(Instant cutoff, Instant now) {
        return db.sql("update alarms set family_call_position = family_call_position + 1, family_call_at = ?,"
                        + " updated_at = now() where status in " + OPEN_STATUSES
                        + " and family_accepted_by is null and family_call_at <= ? returning id")
                .params(Timestamp.from(now), Timestamp.from(cutoff))
                .query(Long.class)
                .list();
    }

    /** The family calls begin with the contact at {@code position}. */
    void startCalls(long alarmId, int position, Instant now) {
        db.sql("update alarms set family_call_position = ?, family_call_at = ? where id = ?")
                .params(position, Timestamp.from(now), alarmId)
                .update();
    }

    /** The next call goes to the contact at {@code position}: those before it take no calls for the kind. */
    void skipCallsTo(long alarmId, int position) {
        db.sql("update alarms set family_call_position = ? where id = ?")
                .params(position, alarmId)
                .update();
    }

    void stopCalls(long alarmId) {
        db.sql("update alarms set family_call_at = null where id = ?")
                .param(alarmId)
                .update();
    }

    int callPosition(long alarmId) {
        return db.sql("select coalesce(family_call_position, 0) from alarms where id = ?")
                .param(alarmId)
                .query(Integer.class)
                .single();
    }

    boolean familyAccepted(long alarmId, String who) {
        return db.sql("update alarms set family_accepted_by = ?, family_call_at = null, updated_at = now()"
                                + " where id = ? and family_accepted_by is null")
                        .params(who, alarmId)
                        .update()
                > 0;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
