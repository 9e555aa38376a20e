package org.anxin.platform.callcenter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code tickets} and {@code ticket_timeline} tables. */
@Repository
class TicketStore {
    private static final String ACTIVE = "('OPEN', 'REFERRED', 'ACCEPTED')";

    private final JdbcClient db;
    private final Clock clock;

    TicketStore(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    record NewTicket(
            TicketKind kind,
            String category,
            String summary,
            Long seniorId,
            Long callId,
            String createdBy,
            Instant dueAt,
            Integer satisfaction,
            Long providerId,
            Instant at) {}

    record TicketStep(Instant at, TicketStatus status, String action, String actor, String note) {}

    /** Filters of the list; null means any. */
    record Filter(
            TicketKind kind,
            List<TicketStatus> statuses,
            Long seniorId,
            String assignee,
            String category,
            SlaState sla,
            int limit) {}

    long insert(NewTicket t) {
        return db.sql("insert into tickets (kind, category, summary, status, senior_id, call_id, created_by, assignee,"
                        + " created_at, updated_at, due_at, satisfaction, provider_id)"
                        + " values (?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " returning id")
                .params(
                        t.kind().name(),
                        t.category(),
                        t.summary(),
                        t.seniorId(),
                        t.callId(),
                        t.createdBy(),
                        t.createdBy(),
                        Timestamp.from(t.at()),
                        Timestamp.from(t.at()),
                        t.dueAt() == null ? null : Timestamp.from(t.dueAt()),
                        t.satisfaction(),
                        t.providerId())
                .query(Long.class)
                .single();
    }

    Optional<Ticket> find(long id) {
        Instant now = clock.instant();
        return db.sql("select * from tickets where id = ?")
                .param(id)
                .query((rs, n) -> row(rs, now))
                .optional();
    }

    List<Ticket> openFor(long seniorId) {
        Instant now = clock.instant();
        return db.sql("select * from tickets where senior_id = ? and status in " + ACTIVE + " order by created_at")
                .param(seniorId)
                .query((rs, n) -> row(rs, now))
                .list();
    }

    List<Ticket> forCall(long callId) {
        Instant now = clock.instant();
        return db.sql("select * from tickets where call_id = ? order by id")
                .param(callId)
                .query((rs, n) -> row(rs, now))
                .list();
    }

    List<Ticket> list(Filter filter) {
        Instant now = clock.instant();
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (filter.kind() != null) {
            where.append(" and kind = ?");
            params.add(filter.kind().name());
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.append(" and status = any(?)");
            params.add(filter.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (filter.seniorId() != null) {
            where.append(" and senior_id = ?");
            params.add(filter.seniorId());
        }
        if (filter.assignee() != null) {
            where.append(" and assignee = ?");
            params.add(filter.assignee());
        }
        if (filter.category() != null) {
            where.append(" and category = ?");
            params.add(filter.category());
        }
        params.add(filter.sla() == null ? filter.limit() : 5000);
        List<Ticket> tickets = db.sql("select * from tickets" + where + " order by (status in " + ACTIVE
                        + ") desc, due_at nulls last, id desc limit ?")
                .params(params)
                .query((rs, n) -> row(rs, now))
                .list();
        if (filter.sla() == null) {
            return tickets;
        }
        return tickets.stream()
                .filter(t -> t.sla() == filter.sla())
                .limit(filter.limit())
                .toList();
    }

    /** Moves the ticket on only from one of {@code from}; false if it was elsewhere. */
    boolean move(long id, List<TicketStatus> from, TicketStatus to, Instant now) {
        return db.sql("update tickets set status = ?, updated_at = ?,"
                                + " closed_at = case when ? in ('CLOSED', 'CANCELLED') then ?::timestamptz end"
                                + " where id = ? and status = any(?)")
                        .params(
                                to.name(),
                                Timestamp.from(now),
                                to.name(),
                                Timestamp.from(now),
                                id,
                                from.stream().map(Enum::name).toArray(String[]::new))
                        .update()
                > 0;
    }

    void referred(long id, String to, Instant at, Instant dueAt) {
        db.sql("update tickets set referred_to = ?, referred_at = ?, due_at = ? where id = ?")
                .params(to, Timestamp.from(at), Timestamp.from(dueAt), id)
                .update();
    }

    void accepted(long id, String by, Instant at) {
        db.sql("update tickets set accepted_by = ?, accepted_at = ? where id = ?")
                .params(by, Timestamp.from(at), id)
                .update();
    }

    void resolved(long id, String resolution, Integer satisfaction) {
        db.sql("update tickets set resolution = coalesce(?, resolution), satisfaction = coalesce(?, satisfaction)"
                        + " where id = ?")
                .params(resolution, satisfaction, id)
                .update();
    }

    /** Locks the ticket's row until the caller's transaction ends. */
    void lock(long id) {
        db.sql("select id from tickets where id = ? for update")
                .params(id)
                .query(Long.class)
                .optional();
    }

    /** Links the order booked from the ticket; false when the ticket already has one. */
    boolean orderBooked(long id, long orderId) {
        return db.sql("update tickets set order_id = ? where id = ? and order_id is null")
                        .params(orderId, id)
                        .update()
                > 0;
    }

    /** Links the alarm raised from the ticket; false when the ticket already has one. */
    boolean alarmRaised(long id, long alarmId) {
        return db.sql("update tickets set alarm_id = ? where id = ? and alarm_id is null")
                        .params(alarmId, id)
                        .update()
                > 0;
    }

    void evaluationAsked(long id, long notificationId) {
        db.sql("update tickets set evaluation_notification_id = ? where id = ?")
                .params(notificationId, id)
                .update();
    }

    /** The closed ticket whose evaluation call this was, if any. */
    Optional<Ticket> byEvaluationCall(long notificationId) {
        Instant now = clock.instant();
        return db.sql("select * from tickets where evaluation_notification_id = ?")
                .param(notificationId)
                .query((rs, n) -> row(rs, now))
                .optional();
    }

    boolean assign(long id, String username, Instant now) {
        return db.sql("update tickets set assignee = ?, updated_at = ? where id = ? and status in " + ACTIVE)
                        .params(username, Timestamp.from(now), id)
                        .update()
                > 0;
    }

    /** Referrals not accepted by their deadline and not yet reminded: claims them (once, across nodes). */
    List<Long> claimReferralReminders(Instant now) {
        return db.sql(
                        "update tickets set reminded_at = ?, updated_at = ? where kind = 'REFERRAL' and status = 'REFERRED'"
                                + " and reminded_at is null and due_at <= ? returning id")
                .params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(now))
                .query(Long.class)
                .list();
    }

    /** Tracking tasks past their due date and not yet marked: claims them (once, across nodes). */
    List<Long> claimOverdueTracking(Instant now) {
        return db.sql("update tickets set overdue_at = ?, updated_at = ? where kind = 'TRACKING' and status = 'OPEN'"
                        + " and overdue_at is null and due_at <= ? returning id")
                .params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(now))
                .query(Long.class)
                .list();
    }

    void addTimeline(long ticketId, Instant at, TicketStatus status, String action, String actor, String note) {
        db.sql("insert into ticket_timeline (ticket_id, at, status, action, actor, note) values (?, ?, ?, ?, ?, ?)")
                .params(ticketId, Timestamp.from(at), status == null ? null : status.name(), action, actor, note)
                .update();
    }

    List<TicketStep> timeline(long ticketId) {
        return db.sql("select at, status, action, actor, note from ticket_timeline where ticket_id = ?"
                        + " order by at, id")
                .param(ticketId)
                .query((rs, n) -> new TicketStep(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("status") == null ? null : TicketStatus.valueOf(rs.getString("status")),
                        rs.getString("action"),
                        rs.getString("actor"),
                        rs.getString("note")))
                .list();
    }

    private static Ticket row(ResultSet rs, Instant now) throws SQLException {
        TicketKind kind = TicketKind.valueOf(rs.getString("kind"));
        TicketStatus status = TicketStatus.valueOf(rs.getString("status"));
        Instant dueAt = instant(rs.getTimestamp("due_at"));
        Instant acceptedAt = instant(rs.getTimestamp("accepted_at"));
        Instant closedAt = instant(rs.getTimestamp("closed_at"));
        return new Ticket(
                rs.getLong("id"),
                kind,
                rs.getString("category"),
                rs.getString("summary"),
                status,
                (Long) rs.getObject("senior_id"),
                (Long) rs.getObject("call_id"),
                rs.getString("created_by"),
                rs.getString("assignee"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                dueAt,
                rs.getString("referred_to"),
                acceptedAt,
                rs.getString("accepted_by"),
                instant(rs.getTimestamp("reminded_at")),
                instant(rs.getTimestamp("overdue_at")),
                (Integer) rs.getObject("satisfaction"),
                rs.getString("resolution"),
                closedAt,
                (Long) rs.getObject("order_id"),
                (Long) rs.getObject("alarm_id"),
                (Long) rs.getObject("provider_id"),
                sla(kind, status, dueAt, acceptedAt, closedAt, now));
    }

    /** A deadline's state: met or missed once done, else on time or overdue against now. */
    static SlaState sla(
            TicketKind kind, TicketStatus status, Instant dueAt, Instant acceptedAt, Instant closedAt, Instant now) {
        if (dueAt == null || status == TicketStatus.CANCELLED) {
            return SlaState.NONE;
        }
        Instant done = kind == TicketKind.REFERRAL ? acceptedAt : closedAt;
        if (kind != TicketKind.REFERRAL && kind != TicketKind.TRACKING) {
            return SlaState.NONE;
        }
        if (done != null) {
            return done.isAfter(dueAt) ? SlaState.MISSED : SlaState.MET;
        }
        return now.isAfter(dueAt) ? SlaState.OVERDUE : SlaState.ON_TIME;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
