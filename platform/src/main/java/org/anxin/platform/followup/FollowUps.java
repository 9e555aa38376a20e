package org.anxin.platform.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.anxin.platform.order.OrderRecords;
import org.anxin.platform.order.OrderView;
import org.anxin.platform.order.VisitCompleted;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up calls (回访): a share ({@code ANXIN_FOLLOW_UP_SHARE}) of completed visits is
 * queued at check-out for an operator to call. Which ones is decided by a seeded hash of the
 * order id, so the sample is repeatable and cannot be steered by who books or serves the order.
 * An operator claims one, calls, and records the result; a call that reaches nobody puts it back
 * in the queue, up to {@link #MAX_ATTEMPTS} calls. Every step goes on the order's timeline with
 * who took it, which is the audit trail.
 */
@Service
class FollowUps {
    static final int MAX_ATTEMPTS = 3;
    private static final long SEED = 0x12349L;
    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

    private final JdbcClient db;
    private final OrderRecords orders;
    private final SeniorService seniors;
    private final Clock clock;
    private volatile double share;

    FollowUps(JdbcClient db, OrderRecords orders, SeniorService seniors, Clock clock, FollowUpProperties properties) {
        this.db = db;
        this.orders = orders;
        this.seniors = seniors;
        this.clock = clock;
        share(properties.share());
    }

    record FollowUp(
            long id,
            long orderId,
            FollowUpStatus status,
            Instant queuedAt,
            int attempts,
            String claimedBy,
            Instant claimedAt,
            Boolean reached,
            Integer satisfied,
            String note,
            String recordedBy,
            Instant recordedAt) {}

    /** The share of completed visits sampled, 0 to 1; changeable for tests. */
    void share(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("ANXIN_FOLLOW_UP_SHARE must be between 0 and 1, not " + share);
        }
        this.share = share;
    }

    double share() {
        return share;
    }

    /** Whether the order falls into a sample of {@code share}: a seeded hash of its id, uniform in [0, 1). */
    static boolean sampled(long orderId, double share) {
        long z = orderId * 0x9E3779B97F4A7C15L + SEED;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53 < share;
    }

    @EventListener
    @Transactional
    void queue(VisitCompleted visit) {
        if (!sampled(visit.orderId(), share)) {
            return;
        }
        int added = db.sql("insert into follow_ups (order_id, status, queued_at) values (?, ?, ?)"
                        + " on conflict (order_id) do nothing")
                .params(visit.orderId(), FollowUpStatus.PENDING.name(), Timestamp.from(clock.instant()))
                .update();
        if (added == 1) {
            orders.note(visit.orderId(), "FOLLOW_UP_QUEUED", "system", null);
        }
    }

    List<FollowUp> list(Set<FollowUpStatus> statuses) {
        return db.sql("select * from follow_ups where status = any(?) order by queued_at, id limit 500")
                .param(statuses.stream().map(Enum::name).toArray(String[]::new))
                .query((rs, n) -> of(rs))
                .list();
    }

    FollowUp get(long id) {
        return db.sql("select * from follow_ups where id = ?")
                .param(id)
                .query((rs, n) -> of(rs))
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("no follow-up " + id));
    }

    @Transactional
    FollowUp claim(long id, Viewer viewer) {
        FollowUp f = lockOpen(id, viewer);
        if (f.claimedBy() == null) {
            Instant now = clock.instant();
            db.sql("update follow_ups set status = ?, claimed_by = ?, claimed_at = ? where id = ?")
                    .params(FollowUpStatus.CLAIMED.name(), viewer.username(), Timestamp.from(now), id)
                    .update();
            note(f, "FOLLOW_UP_CLAIMED", viewer, null);
        }
        return get(id);
    }

    /**
     * The call's result. Reached: DONE with the senior's or family's satisfaction (1–5). Not
     * reached: back to PENDING for another call, or DONE unreached after the last attempt.
     */
    @Transactional
    FollowUp record(long id, boolean reached, Integer satisfied, String note, Viewer viewer) {
        if (reached && satisfied == null) {
            throw ApiProblem.badRequest("satisfied (1–5) is required when the call reached someone");
        }
        if (!reached && satisfied != null) {
            throw ApiProblem.badRequest("satisfied is given only when the call reached someone");
        }
        FollowUp f = lockOpen(id, viewer);
        Timestamp now = Timestamp.from(clock.instant());
        int attempts = reached ? f.attempts() : f.attempts() + 1;
        boolean done = reached || attempts >= MAX_ATTEMPTS;
        db.sql("update follow_ups set status = ?, attempts = ?, claimed_by = null, claimed_at = null, reached = ?,"
                        + " satisfied = ?, note = ?, recorded_by = ?, recorded_at = ? where id = ?")
                .params(
                        (done ? FollowUpStatus.DONE : FollowUpStatus.PENDING).name(),
                        attempts,
                        reached,
                        satisfied,
                        note,
                        viewer.username(),
                        now,
                        id)
                .update();
        String what = reached
                ? "satisfied " + satisfied + "/5"
                : "nobody reached (call " + attempts + " of " + MAX_ATTEMPTS + ")";
        note(f, reached ? "FOLLOW_UP_DONE" : "FOLLOW_UP_UNREACHED", viewer, what + (note == null ? "" : ": " + note));
        log.info("follow-up {} of order {} recorded by {}: {}", id, f.orderId(), viewer.username(), what);
        return get(id);
    }

    /** The follow-up, locked; 409 if it is done or another operator holds it. */
    private FollowUp lockOpen(long id, Viewer viewer) {
        FollowUp f = db.sql("select * from follow_ups where id = ? for update")
                .param(id)
                .query((rs, n) -> of(rs))
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("no follow-up " + id));
        if (f.status() == FollowUpStatus.DONE) {
            throw ApiProblem.conflict(
                    "follow-up " + id + " is done (recorded by " + f.recordedBy() + " at " + f.recordedAt() + ")");
        }
        if (f.claimedBy() != null && !f.claimedBy().equals(viewer.username())) {
            throw ApiProblem.conflict("follow-up " + id + " was claimed by " + f.claimedBy() + " at " + f.claimedAt());
        }
        return f;
    }

    private void note(FollowUp f, String action, Viewer viewer, String note) {
        orders.note(f.orderId(), action, viewer.username(), note);
    }

    /** The follow-up with what the operator needs for the call: the order, the senior's phone and contacts. */
    FollowUpView view(FollowUp f) {
        OrderView order = orders.view(f.orderId());
        return new FollowUpView(
                f, order, seniors.find(order.seniorId()).orElseThrow().phone(), seniors.contacts(order.seniorId()));
    }

    private static FollowUp of(ResultSet rs) throws SQLException {
        return new FollowUp(
                rs.getLong("id"),
                rs.getLong("order_id"),
                FollowUpStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("queued_at").toInstant(),
                rs.getInt("attempts"),
                rs.getString("claimed_by"),
                instant(rs.getTimestamp("claimed_at")),
                (Boolean) rs.getObject("reached"),
                (Integer) rs.getObject("satisfied"),
                rs.getString("note"),
                rs.getString("recorded_by"),
                instant(rs.getTimestamp("recorded_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
