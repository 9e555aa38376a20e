package org.anxin.platform.callcenter;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code calls} and {@code call_timeline} tables. */
@Repository
class CallLog {
    private static final String LIVE = "('IN_IVR', 'QUEUED', 'RINGING', 'ANSWERED')";
    private static final RowMapper<Call> ROW = (rs, n) -> new Call(
            rs.getLong("id"),
            rs.getString("call_sid"),
            CallDirection.valueOf(rs.getString("direction")),
            rs.getString("from_number"),
            rs.getString("to_number"),
            CallerKind.valueOf(rs.getString("caller_kind")),
            rs.getString("caller_name"),
            (Long) rs.getObject("senior_id"),
            CallStatus.valueOf(rs.getString("status")),
            rs.getString("twilio_status"),
            rs.getString("choice") == null ? null : IvrChoice.valueOf(rs.getString("choice")),
            rs.getString("ivr_path"),
            rs.getInt("priority"),
            rs.getString("purpose"),
            rs.getBoolean("after_hours"),
            instant(rs.getTimestamp("started_at")),
            instant(rs.getTimestamp("queued_at")),
            instant(rs.getTimestamp("answered_at")),
            rs.getString("answered_by"),
            rs.getString("claimed_by"),
            rs.getString("ringing"),
            instant(rs.getTimestamp("ended_at")),
            (Integer) rs.getObject("duration_seconds"),
            rs.getString("recording_url"),
            rs.getBoolean("callback_needed"),
            (Long) rs.getObject("alarm_id"),
            (Long) rs.getObject("notification_id"));

    private final JdbcClient db;

    CallLog(JdbcClient db) {
        this.db = db;
    }

    record NewCall(
            String callSid,
            CallDirection direction,
            String from,
            String to,
            Caller caller,
            CallStatus status,
            String purpose,
            boolean afterHours,
            Long alarmId,
            Long notificationId,
            Instant at) {}

    record CallStep(Instant at, String action, String actor, String note) {}

    /** Filters of the call list; null means any. */
    record Filter(
            Long seniorId,
            String operator,
            LocalDate date,
            ZoneId zone,
            CallDirection direction,
            CallStatus status,
            int limit) {}

    /** The new call's id, or empty when a call with this SID is on record (Twilio retried). */
    Optional<Long> insert(NewCall call) {
        return db.sql("insert into calls (call_sid, direction, from_number, to_number, caller_kind, caller_name,"
                        + " senior_id, status, purpose, after_hours, alarm_id, notification_id, started_at,"
                        + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (call_sid) do nothing returning id")
                .params(
                        call.callSid(),
                        call.direction().name(),
                        call.from(),
                        call.to(),
                        call.caller().kind().name(),
                        call.caller().describe(),
                        call.caller().seniorId(),
                        call.status().name(),
                        call.purpose(),
                        call.afterHours(),
                        call.alarmId(),
                        call.notificationId(),
                        Timestamp.from(call.at()),
                        Timestamp.from(call.at()))
                .query(Long.class)
                .optional();
    }

    Optional<Call> find(long id) {
        return db.sql("select * from calls where id = ?").param(id).query(ROW).optional();
    }

    Optional<Call> findBySid(String callSid) {
        return db.sql("select * from calls where call_sid = ?")
                .param(callSid)
                .query(ROW)
                .optional();
    }

    Optional<Call> findByNotification(long notificationId) {
        return db.sql("select * from calls where notification_id = ?")
                .param(notificationId)
                .query(ROW)
                .optional();
    }

    /** The caller's menu key: the call joins the queue at the choice's priority. */
    void chose(long id, IvrChoice choice, String key, Long alarmId, Instant now) {
        db.sql("update calls set choice = ?, priority = ?, ivr_path = ivr_path || ?, status = 'QUEUED',"
                        + " queued_at = coalesce(queued_at, ?), alarm_id = coalesce(?, alarm_id), updated_at = ?"
                        + " where id = ?")
                .params(choice.name(), choice.priority, key, Timestamp.from(now), alarmId, Timestamp.from(now), id)
                .update();
    }

    /** Rings {@code who} (an operator, or "supervisors") for this call, remembering whom it tried. */
    void ring(long id, String who, List<String> tried, boolean supervisors, Instant now) {
        db.sql("update calls set status = 'RINGING', ringing = ?, tried = tried || ?::text[],"
                        + " supervisor_tried = supervisor_tried or ?, updated_at = ? where id = ?")
                .params(who, tried.toArray(String[]::new), supervisors, Timestamp.from(now), id)
                .update();
    }

    /** The rung phone was not answered: back in the queue. */
    boolean backToQueue(long id, Instant now) {
        return db.sql("update calls set status = 'QUEUED', ringing = null, updated_at = ?"
                                + " where id = ? and status = 'RINGING'")
                        .params(Timestamp.from(now), id)
                        .update()
                > 0;
    }

    List<String> tried(long id) {
        String[] tried = db.sql("select tried from calls where id = ?")
                .param(id)
                .query((rs, n) -> (String[]) rs.getArray("tried").getArray())
                .single();
        return Arrays.asList(tried);
    }

    boolean supervisorTried(long id) {
        return db.sql("select supervisor_tried from calls where id = ?")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    /** Someone picked up: the call is theirs (and claimed by them unless someone claimed it already). */
    void answered(long id, String username, Instant now) {
        db.sql("update calls set status = 'ANSWERED', answered_at = coalesce(answered_at, ?),"
                        + " answered_by = coalesce(answered_by, ?), claimed_by = coalesce(claimed_by, ?),"
                        + " claimed_at = coalesce(claimed_at, ?), ringing = null, updated_at = ? where id = ?")
                .params(Timestamp.from(now), username, username, Timestamp.from(now), Timestamp.from(now), id)
                .update();
    }

    /** An operator takes the call on the console; false if someone else has it. */
    boolean claim(long id, String username, Instant now) {
        return db.sql("update calls set claimed_by = ?, claimed_at = ?, updated_at = ?"
                                + " where id = ? and (claimed_by is null or claimed_by = ?)")
                        .params(username, Timestamp.from(now), Timestamp.from(now), id, username)
                        .update()
                > 0;
    }

    /**
     * A call came to its end (or Twilio told us more about its end: duration, final status).
     * Unanswered inbound calls are kept for a call-back.
     */
    void ended(long id, CallStatus status, String twilioStatus, Integer duration, Instant now) {
        db.sql("update calls set status = ?, twilio_status = coalesce(?, twilio_status),"
                        + " duration_seconds = coalesce(?, duration_seconds), ended_at = coalesce(ended_at, ?),"
                        + " ringing = null, callback_needed = (direction = 'INBOUND' and answered_at is null),"
                        + " updated_at = ? where id = ?")
                .params(status.name(), twilioStatus, duration, Timestamp.from(now), Timestamp.from(now), id)
                .update();
    }

    /** A status callback that does not end the call (ringing, in-progress). */
    void twilioStatus(long id, CallStatus status, String twilioStatus, Instant now) {
        db.sql("update calls set status = ?, twilio_status = ?,"
                        + " answered_at = case when ? = 'ANSWERED' then coalesce(answered_at, ?) else answered_at end,"
                        + " updated_at = ? where id = ? and ended_at is null")
                .params(status.name(), twilioStatus, status.name(), Timestamp.from(now), Timestamp.from(now), id)
                .update();
    }

    void keyPressed(long id, String key, Instant now) {
        db.sql("update calls set ivr_path = ivr_path || ?, updated_at = ? where id = ?")
                .params(key, Timestamp.from(now), id)
                .update();
    }

    void recording(long id, String url, Instant now) {
        db.sql("update calls set recording_url = ?, updated_at = ? where id = ?")
                .params(url, Timestamp.from(now), id)
                .update();
    }

    /** Usernames on the phone or being rung now: not free for another call. */
    List<String> busy() {
        return db.sql("select coalesce(ringing, answered_by) from calls where status in ('RINGING', 'ANSWERED')"
                        + " and coalesce(ringing, answered_by) is not null")
                .query(String.class)
                .list();
    }

    /** How many queued calls come before this one (emergencies first, then by time queued). */
    int ahead(Call call) {
        return db.sql("select count(*) from calls where status = 'QUEUED' and id <> ? and (priority < ?"
                        + " or (priority = ? and (queued_at < ? or (queued_at = ? and id < ?))))")
                .params(
                        call.id(),
                        call.priority(),
                        call.priority(),
                        Timestamp.from(call.queuedAt()),
                        Timestamp.from(call.queuedAt()),
                        call.id())
                .query(Integer.class)
                .single();
    }

    /** Calls still going, emergencies first. */
    List<Call> live() {
        return db.sql("select * from calls where status in " + LIVE + " order by priority, coalesce(queued_at,"
                        + " started_at), id")
                .query(ROW)
                .list();
    }

    /** Unanswered inbound calls not yet called back (claimed or not), newest first. */
    List<Call> toCallBack(int limit) {
        return db.sql("select * from calls where callback_needed order by started_at desc limit ?")
                .param(limit)
                .query(ROW)
                .list();
    }

    void calledBack(long id, Instant now) {
        db.sql("update calls set callback_needed = false, updated_at = ? where id = ?")
                .params(Timestamp.from(now), id)
                .update();
    }

    /** Recent calls of a senior or from a number, newest first. */
    List<Call> recent(Long seniorId, String number, long exceptId, int limit) {
        return db.sql("select * from calls where id <> ? and (senior_id = ? or from_number = ? or to_number = ?)"
                        + " order by started_at desc, id desc limit ?")
                .params(exceptId, seniorId, number, number, limit)
                .query(ROW)
                .list();
    }

    List<Call> list(Filter filter) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (filter.seniorId() != null) {
            where.append(" and senior_id = ?");
            params.add(filter.seniorId());
        }
        if (filter.operator() != null) {
            where.append(" and (answered_by = ? or claimed_by = ?)");
            params.add(filter.operator());
            params.add(filter.operator());
        }
        if (filter.date() != null) {
            where.append(" and started_at >= ? and started_at < ?");
            params.add(Timestamp.from(filter.date().atStartOfDay(filter.zone()).toInstant()));
            params.add(Timestamp.from(
                    filter.date().plusDays(1).atStartOfDay(filter.zone()).toInstant()));
        }
        if (filter.direction() != null) {
            where.append(" and direction = ?");
            params.add(filter.direction().name());
        }
        if (filter.status() != null) {
            where.append(" and status = ?");
            params.add(filter.status().name());
        }
        params.add(filter.limit());
        return db.sql("select * from calls" + where + " order by started_at desc, id desc limit ?")
                .params(params)
                .query(ROW)
                .list();
    }

    void addTimeline(long callId, Instant at, String action, String actor, String note) {
        db.sql("insert into call_timeline (call_id, at, action, actor, note) values (?, ?, ?, ?, ?)")
                .params(callId, Timestamp.from(at), action, actor, note)
                .update();
    }

    List<CallStep> timeline(long callId) {
        return db.sql("select at, action, actor, note from call_timeline where call_id = ? order by at, id")
                .param(callId)
                .query((rs, n) -> new CallStep(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("action"),
                        rs.getString("actor"),
                        rs.getString("note")))
                .list();
    }

    /** Serialises the choice of whom to ring next across platform nodes (until the commit). */
    void lockQueue() {
        db.sql("select 1 from (select pg_advisory_xact_lock(12349)) as locked")
                .query(Integer.class)
                .single();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
