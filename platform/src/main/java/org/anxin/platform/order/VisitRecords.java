package org.anxin.platform.order;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.anxin.platform.dispatch.Responder;
import org.anxin.platform.dispatch.Responders;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Visits as the monthly settlement reads them (the module's public face for it): a visit is an
 * order that was checked in ({@code ARRIVED} and on, not a {@code NO_SHOW}), settled with the
 * provider its worker belonged to at check-in.
 */
@Service
public class VisitRecords {
    private static final String VISITS =
            "select * from service_orders where provider_id = ? and status in ('ARRIVED', 'IN_SERVICE', 'COMPLETED',"
                    + " 'RATED')";

    private final JdbcClient db;
    private final VisitAnomalies anomalies;
    private final SeniorService seniors;
    private final Responders responders;

    VisitRecords(JdbcClient db, VisitAnomalies anomalies, SeniorService seniors, Responders responders) {
        this.db = db;
        this.anomalies = anomalies;
        this.seniors = seniors;
        this.responders = responders;
    }

    /** The provider's visits checked in within [from, to), in check-in order. */
    public List<VisitRecord> checkedIn(long providerId, Instant from, Instant to) {
        return records(db.sql(VISITS + " and arrived_at >= ? and arrived_at < ? order by arrived_at, id")
                .params(providerId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> ServiceOrder.of(rs))
                .list());
    }

    /** The provider's visits checked in before {@code from} that became payable by a clearance in [from, to). */
    public List<VisitRecord> clearedIn(long providerId, Instant from, Instant to) {
        return records(db.sql(VISITS + " and arrived_at < ? and id in (select order_id from visit_anomalies"
                                + " where cleared_at >= ? and cleared_at < ?) order by arrived_at, id")
                        .params(providerId, Timestamp.from(from), Timestamp.from(from), Timestamp.from(to))
                        .query((rs, n) -> ServiceOrder.of(rs))
                        .list())
                .stream()
                .filter(v -> v.payable()
                        && !v.clearedAt().isBefore(from)
                        && v.clearedAt().isBefore(to))
                .toList();
    }

    /** Providers with a visit checked in, or an anomaly cleared, within [from, to). */
    public Set<Long> providers(Instant from, Instant to) {
        return new TreeSet<>(db.sql("select provider_id from service_orders where arrived_at >= ? and arrived_at < ?"
                        + " and provider_id is not null union select o.provider_id from visit_anomalies a"
                        + " join service_orders o on o.id = a.order_id where a.cleared_at >= ? and a.cleared_at < ?")
                .params(Timestamp.from(from), Timestamp.from(to), Timestamp.from(from), Timestamp.from(to))
                .query(Long.class)
                .list());
    }

    /** Stores a visit's missing check-out (a statement holding it back is being closed). */
    public void holdMissingCheckOut(long orderId, String actor) {
        anomalies.holdMissingCheckOut(orderId, actor);
    }

    private List<VisitRecord> records(List<ServiceOrder> orders) {
        Map<Long, List<Anomaly>> flags = anomalies.of(orders);
        Map<Long, String> seniorNames = new HashMap<>();
        Map<Long, String> workerNames = new HashMap<>();
        return orders.stream()
                .map(o -> new VisitRecord(
                        o.id(),
                        o.seniorId(),
                        seniorNames.computeIfAbsent(
                                o.seniorId(),
                                id -> seniors.find(id).map(Senior::name).orElse("#" + id)),
                        o.itemName(),
                        o.responderId(),
                        workerNames.computeIfAbsent(
                                o.responderId(),
                                id -> responders.find(id).map(Responder::name).orElse("#" + id)),
                        o.providerId(),
                        o.arrivedAt(),
                        o.completedAt(),
                        o.serviceMinutes(),
                        fen(o.price()),
                        fen(o.subsidy()),
                        fen(o.seniorPays()),
                        List.copyOf(flags.get(o.id()))))
                .toList();
    }

    private static int fen(Money amount) {
        return Math.toIntExact(amount.fen());
    }
}
