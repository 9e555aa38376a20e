package org.anxin.platform.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored day plans. A plan is made by the node that claims its day with one statement: the
 * nightly job only when the day has no plan yet ({@link #claimNew}), the desk and re-plans when
 * nobody is solving it right now ({@link #claim}); a claim older than {@code staleBefore} is
 * taken over (its node died while solving).
 */
@Repository
class PlanStore {
    private final JdbcClient db;

    PlanStore(JdbcClient db) {
        this.db = db;
    }

    /** Where a visit stands in a stored plan. */
    record Placed(Long responderId, int seq) {}

    record Header(
            LocalDate date,
            PlanStatus status,
            int revision,
            String claimedBy,
            Instant claimedAt,
            String reason,
            Long hard,
            Long medium,
            Long soft,
            Long solverMillis,
            Integer movedVisits,
            String madeBy,
            Instant madeAt,
            boolean replanWanted) {}

    record StopRow(
            long orderId,
            Long responderId,
            Integer seq,
            Instant arrivalAt,
            Instant startAt,
            Instant endAt,
            Integer lateSeconds,
            boolean started) {}

    record ConstraintRow(String name, long hard, long medium, long soft, int matches) {}

    /** Claims a day that has no plan yet; empty when it has one (made, or being made). */
    boolean claimNew(LocalDate date, String node, Instant now, String reason) {
        return db.sql("insert into day_plans (plan_date, status, claimed_by, claimed_at, reason) values (?, ?, ?, ?, ?)"
                                + " on conflict (plan_date) do nothing")
                        .params(date, PlanStatus.SOLVING.name(), node, Timestamp.from(now), reason)
                        .update()
                == 1;
    }

    /** Claims the day unless another node is solving it since after {@code staleBefore}. */
    boolean claim(LocalDate date, String node, Instant now, Instant staleBefore, String reason) {
        return db.sql("insert into day_plans (plan_date, status, claimed_by, claimed_at, reason) values (?, ?, ?, ?, ?)"
                                + " on conflict (plan_date) do update set status = excluded.status,"
                                + " claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at,"
                                + " reason = excluded.reason, replan_wanted = false"
                                + " where day_plans.status <> ? or day_plans.claimed_at < ?")
                        .params(
                                date,
                                PlanStatus.SOLVING.name(),
                                node,
                                Timestamp.from(now),
                                reason,
                                PlanStatus.SOLVING.name(),
                                Timestamp.from(staleBefore))
                        .update()
                == 1;
    }

    /** Asks for a re-plan of the day if it has a plan; whoever solves it next (or now, after) does it. */
    boolean wantReplan(LocalDate date) {
        return db.sql("update day_plans set replan_wanted = true where plan_date = ?")
                        .param(date)
                        .update()
                == 1;
    }

    /** The days whose plan is READY and wanted re-planning, for the sweep. */
    List<LocalDate> replansWanted() {
        return db.sql("select plan_date from day_plans where replan_wanted and status = ? order by plan_date")
                .param(PlanStatus.READY.name())
                .query(LocalDate.class)
                .list();
    }

    /** Stores the plan made by the claiming node; false if the claim was lost meanwhile. */
    boolean save(
            LocalDate date,
            String node,
            List<StopRow> stops,
            List<ConstraintRow> constraints,
            long hard,
            long medium,
            long soft,
            long solverMillis,
            int moved,
            String madeBy,
            Instant now) {
        int claimed = db.sql("update day_plans set status = ?, revision = revision + 1, hard_score = ?,"
                        + " medium_score = ?, soft_score = ?, solver_millis = ?, moved_visits = ?, made_by = ?,"
                        + " made_at = ? where plan_date = ? and status = ? and claimed_by = ?")
                .params(
                        PlanStatus.READY.name(),
                        hard,
                        medium,
                        soft,
                        solverMillis,
                        moved,
                        madeBy,
                        Timestamp.from(now),
                        date,
                        PlanStatus.SOLVING.name(),
                        node)
                .update();
        if (claimed == 0) {
            return false;
        }
        db.sql("delete from plan_stops where plan_date = ?").param(date).update();
        db.sql("delete from plan_constraints where plan_date = ?").param(date).update();
        for (StopRow s : stops) {
            db.sql("insert into plan_stops (plan_date, order_id, responder_id, seq, arrival_at, start_at, end_at,"
                            + " late_seconds, started) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            date,
                            s.orderId(),
                            s.responderId(),
                            s.seq(),
                            ts(s.arrivalAt()),
                            ts(s.startAt()),
                            ts(s.endAt()),
                            s.lateSeconds(),
                            s.started())
                    .update();
        }
        for (ConstraintRow c : constraints) {
            db.sql("insert into plan_constraints (plan_date, constraint_name, hard_score, medium_score, soft_score,"
                            + " matches) values (?, ?, ?, ?, ?, ?)")
                    .params(date, c.name(), c.hard(), c.medium(), c.soft(), c.matches())
                    .update();
        }
        return true;
    }

    /** Gives the claim up after a failure; a day that never had a plan is left FAILED. */
    void release(LocalDate date, String node, String reason) {
        db.sql("update day_plans set status = case when revision = 0 then ? else ? end, reason = ?"
                        + " where plan_date = ? and status = ? and claimed_by = ?")
                .params(
                        PlanStatus.FAILED.name(),
                        PlanStatus.READY.name(),
                        reason,
                        date,
                        PlanStatus.SOLVING.name(),
                        node)
                .update();
    }

    Optional<Header> header(LocalDate date) {
        return db.sql("select * from day_plans where plan_date = ?")
                .param(date)
                .query(PlanStore::header)
                .optional();
    }

    List<StopRow> stops(LocalDate date) {
        return db.sql("select * from plan_stops where plan_date = ? order by responder_id nulls last, seq, order_id")
                .param(date)
                .query(PlanStore::stopRow)
                .list();
    }

    /** The responder's stops of that day, in order. */
    List<StopRow> stopsOf(LocalDate date, long responderId) {
        return stops(date).stream()
                .filter(s -> Long.valueOf(responderId).equals(s.responderId()))
                .toList();
    }

    Optional<StopRow> stopOf(long orderId) {
        return db.sql("select * from plan_stops where order_id = ? order by plan_date desc limit 1")
                .param(orderId)
                .query(PlanStore::stopRow)
                .optional();
    }

    private static StopRow stopRow(ResultSet rs, int n) throws SQLException {
        return new StopRow(
                rs.getLong("order_id"),
                (Long) rs.getObject("responder_id"),
                (Integer) rs.getObject("seq"),
                instant(rs, "arrival_at"),
                instant(rs, "start_at"),
                instant(rs, "end_at"),
                (Integer) rs.getObject("late_seconds"),
                rs.getBoolean("started"));
    }

    List<ConstraintRow> constraints(LocalDate date) {
        return db.sql("select * from plan_constraints where plan_date = ?"
                        + " order by hard_score, medium_score, soft_score, constraint_name")
                .param(date)
                .query((rs, n) -> new ConstraintRow(
                        rs.getString("constraint_name"),
                        rs.getLong("hard_score"),
                        rs.getLong("medium_score"),
                        rs.getLong("soft_score"),
                        rs.getInt("matches")))
                .list();
    }

    Map<Long, Placed> placed(LocalDate date) {
        Map<Long, Placed> placed = new HashMap<>();
        for (StopRow s : stops(date)) {
            placed.put(s.orderId(), new Placed(s.responderId(), s.seq() == null ? Integer.MAX_VALUE : s.seq()));
        }
        return placed;
    }

    Set<Long> absent(LocalDate date) {
        return new TreeSet<>(db.sql("select responder_id from plan_absences where plan_date = ?")
                .param(date)
                .query(Long.class)
                .list());
    }

    void addAbsence(LocalDate date, long responderId, String by, Instant now) {
        db.sql("insert into plan_absences (plan_date, responder_id, reported_by, reported_at) values (?, ?, ?, ?)"
                        + " on conflict do nothing")
                .params(date, responderId, by, Timestamp.from(now))
                .update();
    }

    Map<Long, Long> pins(LocalDate date) {
        Map<Long, Long> pins = new HashMap<>();
        db.sql("select order_id, responder_id from plan_pins where plan_date = ?")
                .param(date)
                .query(rs -> {
                    pins.put(rs.getLong("order_id"), rs.getLong("responder_id"));
                });
        return pins;
    }

    void pin(LocalDate date, long orderId, long responderId, String by, Instant now) {
        db.sql("insert into plan_pins (plan_date, order_id, responder_id, pinned_by, pinned_at) values (?, ?, ?, ?, ?)"
                        + " on conflict (plan_date, order_id) do update set responder_id = excluded.responder_id,"
                        + " pinned_by = excluded.pinned_by, pinned_at = excluded.pinned_at")
                .params(date, orderId, responderId, by, Timestamp.from(now))
                .update();
    }

    private static Header header(ResultSet rs, int n) throws SQLException {
        return new Header(
                rs.getObject("plan_date", LocalDate.class),
                PlanStatus.valueOf(rs.getString("status")),
                rs.getInt("revision"),
                rs.getString("claimed_by"),
                instant(rs, "claimed_at"),
                rs.getString("reason"),
                (Long) rs.getObject("hard_score"),
                (Long) rs.getObject("medium_score"),
                (Long) rs.getObject("soft_score"),
                (Long) rs.getObject("solver_millis"),
                (Integer) rs.getObject("moved_visits"),
                rs.getString("made_by"),
                instant(rs, "made_at"),
                rs.getBoolean("replan_wanted"));
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
