package org.anxin.platform.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anxin.platform.dispatch.Responders;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The flags that hold a visit back from payment, raised when the fact is known and stored with
 * who and when: a far check-in (by the worker, with a reason) and an overlap with another visit of
 * the same worker at check-in, a visit too short at check-out. A missing check-out is seen from
 * the visit as it is (checked in, not out) and stored when a statement is closed. The desk clears
 * a flag with a reason; each flag and clearance is also on the order's timeline.
 */
@Component
class VisitAnomalies {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final JdbcClient db;
    private final OrderStore store;
    private final Responders responders;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;
    private final double minShare;

    VisitAnomalies(
            JdbcClient db,
            OrderStore store,
            Responders responders,
            ApplicationEventPublisher events,
            Clock clock,
            ZoneId zone,
            OrderProperties properties) {
        this.db = db;
        this.store = store;
        this.responders = responders;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
        this.minShare = properties.minVisitShare();
    }

    /** At check-in: the worker's reason for checking in far from the home, and other visits still open. */
    void checkedIn(ServiceOrder o, int meters, double limitMeters, String farReason, String worker) {
        if (farReason != null) {
            flag(
                    o.id(),
                    AnomalyKind.FAR_CHECK_IN,
                    String.format(
                            Locale.ROOT,
                            "checked in %d m from the senior's home (accepted within %.0f m): %s",
                            meters,
                            limitMeters,
                            farReason),
                    worker);
        }
        List<ServiceOrder> open = db.sql("select * from service_orders where responder_id = ? and id <> ?"
                        + " and status in ('ARRIVED', 'IN_SERVICE') order by id")
                .params(o.responderId(), o.id())
                .query((rs, n) -> ServiceOrder.of(rs))
                .list();
        for (ServiceOrder other : open) {
            flag(
                    o.id(),
                    AnomalyKind.OVERLAP,
                    "the worker was still on site at order " + other.id() + " (checked in " + local(other.arrivedAt())
                            + ", not checked out)",
                    "system");
            flag(
                    other.id(),
                    AnomalyKind.OVERLAP,
                    "the worker checked in at order " + o.id() + " (" + local(clock.instant())
                            + ") before checking out here",
                    "system");
        }
    }

    /** At check-out: too short if on site less than the share of the item's standard duration. */
    void checkedOut(ServiceOrder o, Duration onSite) {
        double neededMinutes = o.durationMinutes() * minShare;
        if (onSite.toSeconds() < neededMinutes * 60) {
            flag(
                    o.id(),
                    AnomalyKind.TOO_SHORT,
                    String.format(
                            Locale.ROOT,
                            "%.1f min on site; a verified visit needs at least %.1f min (%.0f %% of the standard %d min)",
                            onSite.toSeconds() / 60.0,
                            neededMinutes,
                            minShare * 100,
                            o.durationMinutes()),
                    "system");
        }
    }

    /** Stores the missing check-out of a visit still open, so a late check-out does not clear it. */
    void holdMissingCheckOut(long orderId, String actor) {
        flag(orderId, AnomalyKind.MISSING_CHECK_OUT, "no check-out when the statement was closed", actor);
    }

    private void flag(long orderId, AnomalyKind kind, String reason, String actor) {
        int inserted = db.sql("insert into visit_anomalies (order_id, kind, reason, flagged_at, flagged_by)"
                        + " values (?, ?, ?, ?, ?) on conflict (order_id, kind) do nothing")
                .params(orderId, kind.name(), reason, Timestamp.from(clock.instant()), actor)
                .update();
        if (inserted == 1) {
            store.note(orderId, null, "FLAGGED", actor, kind + ": " + reason, null);
        }
    }

    /**
     * Clears a flag, which makes the visit payable once none is left: in its own month's statement
     * if that is still open, else in the statement of the month it is cleared in.
     */
    @Transactional
    List<Anomaly> clear(long orderId, AnomalyKind kind, String reason, Viewer viewer) {
        ServiceOrder o = store.lock(orderId);
        Anomaly anomaly = of(o).stream()
                .filter(a -> a.kind() == kind)
                .findFirst()
                .orElseThrow(() -> ApiProblem.notFound("order " + orderId + " has no " + kind + " anomaly"));
        if (anomaly.cleared()) {
            throw ApiProblem.conflict("the " + kind + " anomaly of order " + orderId + " was cleared by "
                    + anomaly.clearedBy() + " at " + anomaly.clearedAt());
        }
        if (anomaly.flaggedAt() == null) {
            flag(orderId, kind, anomaly.reason(), "system");
        }
        db.sql("update visit_anomalies set cleared_at = ?, cleared_by = ?, clear_reason = ?"
                        + " where order_id = ? and kind = ?")
                .params(Timestamp.from(clock.instant()), viewer.username(), reason, orderId, kind.name())
                .update();
        store.note(orderId, null, "ANOMALY_CLEARED", viewer.username(), kind + ": " + reason, null);
        ServiceOrder cleared = store.get(orderId);
        if (verified(
                cleared)) { // the last open flag of a finished visit: it now counts (e.g. the time bank credits it)
            events.publishEvent(VisitCompleted.of(
                    cleared, responders.get(cleared.responderId()).username(), true));
        }
        return of(cleared);
    }

    /**
     * A verified visit: checked out, and no anomaly left open. Settlement pays only these, and the
     * time bank credits only these.
     */
    boolean verified(ServiceOrder o) {
        return (o.status() == OrderStatus.COMPLETED || o.status() == OrderStatus.RATED)
                && of(o).stream().allMatch(Anomaly::cleared);
    }

    /** The order's anomalies, stored and seen, in the order of {@link AnomalyKind}. */
    List<Anomaly> of(ServiceOrder o) {
        return of(List.of(o)).get(o.id());
    }

    /** The anomalies of each order: one query for them all. */
    Map<Long, List<Anomaly>> of(Collection<ServiceOrder> orders) {
        Map<Long, List<Anomaly>> byOrder = new HashMap<>();
        orders.forEach(o -> byOrder.put(o.id(), new ArrayList<>()));
        db.sql("select * from visit_anomalies where order_id = any(?)")
                .param(byOrder.keySet().toArray(Long[]::new))
                .query(rs -> {
                    byOrder.get(rs.getLong("order_id")).add(stored(rs));
                });
        for (ServiceOrder o : orders) {
            List<Anomaly> anomalies = byOrder.get(o.id());
            boolean open = o.status() == OrderStatus.ARRIVED || o.status() == OrderStatus.IN_SERVICE;
            if (open && anomalies.stream().noneMatch(a -> a.kind() == AnomalyKind.MISSING_CHECK_OUT)) {
                anomalies.add(new Anomaly(
                        AnomalyKind.MISSING_CHECK_OUT,
                        "checked in " + local(o.arrivedAt()) + ", not checked out (yet)",
                        null,
                        "system",
                        null,
                        null,
                        null));
            }
            anomalies.sort((a, b) -> a.kind().compareTo(b.kind()));
        }
        return byOrder;
    }

    private static Anomaly stored(ResultSet rs) throws SQLException {
        Timestamp cleared = rs.getTimestamp("cleared_at");
        return new Anomaly(
                AnomalyKind.valueOf(rs.getString("kind")),
                rs.getString("reason"),
                rs.getTimestamp("flagged_at").toInstant(),
                rs.getString("flagged_by"),
                cleared == null ? null : cleared.toInstant(),
                rs.getString("cleared_by"),
                rs.getString("clear_reason"));
    }

    private String local(Instant t) {
        return MINUTE.format(t.atZone(zone));
    }
}
