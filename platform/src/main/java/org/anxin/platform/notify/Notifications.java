package org.anxin.platform.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification log and the way into it; the module's public face. Callers queue an SMS or
 * a call inside their own transaction; {@link NotificationSender} sends it after the commit, so
 * nothing is sent for a change that was rolled back, and nothing queued is forgotten.
 */
@Service
public class Notifications {
    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String NOT_SENT = "NOT_SENT";
    static final String FAILED = "FAILED";

    private static final RowMapper<Notification> ROW = (rs, n) -> new Notification(
            rs.getLong("id"),
            (Long) rs.getObject("alarm_id"),
            rs.getString("recipient"),
            rs.getString("phone"),
            Notification.Channel.valueOf(rs.getString("channel")),
            rs.getString("purpose"),
            rs.getString("body"),
            rs.getString("status"),
            rs.getString("provider_sid"),
            rs.getString("error"),
            rs.getString("digits"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());

    private final JdbcClient db;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Notifications(JdbcClient db, Clock clock, ApplicationEventPublisher events) {
        this.db = db;
        this.clock = clock;
        this.events = events;
    }

    /** The purpose of a proactive care call (主动关怀): its call asks the senior to press 1 if all is well. */
    public static final String CARE_CHECK = "CARE_CHECK";

    /** The purpose of the call after a work order is closed: the caller scores it, 1–5. */
    public static final String EVALUATION = "EVALUATION";

    /** What to send, to whom, and why ({@code purpose}: FAMILY_ALERT, SUPERVISOR_ALERT, CARE_CHECK…). */
    public record Request(
            Long alarmId, String recipient, String phone, Notification.Channel channel, String purpose, String body) {}

    /** Logs the notification as pending; it is sent once the caller's transaction commits. */
    @Transactional
    public long queue(Request request) {
        Instant now = clock.instant();
        boolean noPhone = request.phone() == null || request.phone().isBlank();
        long id = db.sql("insert into notifications (alarm_id, recipient, phone, channel, purpose, body, status, error,"
                        + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(
                        request.alarmId(),
                        request.recipient(),
                        request.phone(),
                        request.channel().name(),
                        request.purpose(),
                        request.body(),
                        noPhone ? NOT_SENT : PENDING,
                        noPhone ? "not sent: no phone number" : null,
                        Timestamp.from(now),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        if (!noPhone) {
            events.publishEvent(new NotificationQueued(id));
        }
        return id;
    }

    public List<Notification> forAlarm(long alarmId) {
        return db.sql("select * from notifications where alarm_id = ? order by id")
                .param(alarmId)
                .query(ROW)
                .list();
    }

    public Optional<Notification> find(long id) {
        return db.sql("select * from notifications where id = ?")
                .param(id)
                .query(ROW)
                .optional();
    }

    /** Takes a pending notification for sending; empty if another sender has it or it is done. */
    Optional<Notification> claim(long id) {
        return db.sql("update notifications set status = ?, attempts = attempts + 1, updated_at = ?"
                        + " where id = ? and status = ? returning *")
                .params(SENDING, Timestamp.from(clock.instant()), id, PENDING)
                .query(ROW)
                .optional();
    }

    List<Long> pending() {
        return db.sql("select id from notifications where status = ? order by id limit 100")
                .param(PENDING)
                .query(Long.class)
                .list();
    }

    /** After a send attempt: the provider's answer, or the error (retried while attempts remain). */
    void settle(long id, String status, String providerSid, String error) {
        db.sql("update notifications set status = ?, provider_sid = coalesce(?, provider_sid), error = ?,"
                        + " updated_at = ? where id = ?")
                .params(status, providerSid, error, Timestamp.from(clock.instant()), id)
                .update();
    }

    int attempts(long id) {
        return db.sql("select attempts from notifications where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    /** A status callback from Twilio; false if no notification has that id and SID. */
    boolean statusReported(long id, String providerSid, String status, String errorCode) {
        return db.sql("update notifications set status = ?, error = coalesce(?, error), updated_at = ?"
                                + " where id = ? and provider_sid = ?")
                        .params(
                                status,
                                errorCode == null || errorCode.isBlank() ? null : "Twilio error " + errorCode,
                                Timestamp.from(clock.instant()),
                                id,
                                providerSid)
                        .update()
                > 0;
    }

    /** The digit a contact pressed on a call; tells the alarm desk. */
    @Transactional
    public boolean digitsPressed(long id, String callSid, String digits) {
        Optional<Notification> notification =
                find(id).filter(n -> n.channel() == Notification.Channel.VOICE && callSid.equals(n.providerSid()));
        if (notification.isEmpty()) {
            return false;
        }
        db.sql("update notifications set digits = ?, updated_at = ? where id = ?")
                .params(digits, Timestamp.from(clock.instant()), id)
                .update();
        Notification n = notification.get();
        events.publishEvent(new VoiceKeyPressed(id, callSid, n.purpose(), digits));
        if (n.alarmId() != null) {
            events.publishEvent(new FamilyResponded(n.alarmId(), id, n.recipient(), digits));
        }
        return true;
    }
}
