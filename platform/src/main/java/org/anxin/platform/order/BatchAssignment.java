package org.anxin.platform.order;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.anxin.platform.catalog.Catalog;
import org.anxin.platform.dispatch.OrderWorkforce;
import org.anxin.platform.dispatch.ProviderStanding;
import org.anxin.platform.dispatch.Responder;
import org.anxin.platform.dispatch.Responders;
import org.anxin.platform.dispatch.TravelModel;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Geo;
import org.anxin.platform.system.Viewer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigns the REQUESTED orders whose window starts in [from, to) as one batch. The ETA runs from
 * each responder's live position to the senior's home by the dispatcher's travel model, within
 * the service circle ({@code ANXIN_SERVICE_MINUTES}); a responder's slots are their
 * {@code capacity} less the live orders they already hold in that range. The orders are locked
 * while the plan is made and applied, so two batches never hand out the same order.
 */
@Service
class BatchAssignment {
    static final String BATCH = "batch";
    static final String GREEDY = "greedy";
    private static final long BATCH_LOCK = 0x0A_4E_58_49_4EL; // "ANXIN": the key of the batch's advisory lock

    private final JdbcClient db;
    private final OrderStore store;
    private final Catalog catalog;
    private final Responders responders;
    private final OrderWorkforce workforce;
    private final SeniorService seniors;
    private final OrderNotices notices;
    private final BatchPlanner planner;
    private final ObjectProvider<ProviderStanding> standing;

    BatchAssignment(
            JdbcClient db,
            OrderStore store,
            Catalog catalog,
            Responders responders,
            OrderWorkforce workforce,
            SeniorService seniors,
            OrderNotices notices,
            TravelModel travel,
            OrderProperties properties,
            ObjectProvider<ProviderStanding> standing) {
        this.db = db;
        this.standing = standing;
        this.store = store;
        this.catalog = catalog;
        this.responders = responders;
        this.workforce = workforce;
        this.seniors = seniors;
        this.notices = notices;
        this.planner = new BatchPlanner(
                (w, j) -> travel.etaSeconds(w.mode(), Geo.meters(w.lat(), w.lon(), j.lat(), j.lon())),
                (int) properties.serviceCircle().toSeconds());
    }

    /** Plans the batch with {@code strategy} and applies it: the orders become ASSIGNED, each responder gets an SMS. */
    @Transactional
    OrderViews.BatchPlan assign(Instant from, Instant to, String strategy, Viewer viewer) {
        // one batch at a time, across platform nodes: slots counted by one are not handed out by another
        db.sql("select 1 from (select pg_advisory_xact_lock(?)) as locked")
                .param(BATCH_LOCK)
                .query(Integer.class)
                .single();
        BatchPlanner.Plan plan = plan(from, to, strategy, true);
        for (BatchPlanner.Pair pair : plan.assigned()) {
            ServiceOrder o = store.get(pair.orderId());
            store.setStatus(
                    o.id(), OrderStatus.ASSIGNED, "responder_id", pair.responderId(), "eta_seconds", pair.etaSeconds());
            Responder r = responders.get(pair.responderId());
            long sms = notices.toResponder(
                    r,
                    "ORDER_ASSIGNED",
                    "【安心】新的上门服务单 " + o.id() + "：" + o.itemName() + "，" + notices.window(o) + "。请在安心响应端查看并接单。");
            store.note(
                    o.id(),
                    OrderStatus.ASSIGNED,
                    "ASSIGNED",
                    viewer.username(),
                    "to " + r.name() + " (" + r.mode() + ", ETA " + pair.etaSeconds() + " s) by the " + plan.strategy()
                            + " plan",
                    sms);
        }
        return OrderViews.BatchPlan.of(plan, from, to);
    }

    /** Both plans for the same orders, neither applied. */
    @Transactional(readOnly = true)
    OrderViews.BatchComparison compare(Instant from, Instant to) {
        return new OrderViews.BatchComparison(
                from,
                to,
                OrderViews.BatchPlan.of(plan(from, to, BATCH, false), from, to),
                OrderViews.BatchPlan.of(plan(from, to, GREEDY, false), from, to));
    }

    private BatchPlanner.Plan plan(Instant from, Instant to, String strategy, boolean lock) {
        if (!from.isBefore(to)) {
            throw ApiProblem.badRequest("from must be before to");
        }
        record Requested(long id, long seniorId, String skill, long itemId) {}
        List<Requested> requested = db.sql("select id, senior_id, skill, item_id from service_orders"
                        + " where status = ? and window_from >= ? and window_from < ? order by window_from, id"
                        + (lock ? " for update" : ""))
                .params(OrderStatus.REQUESTED.name(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Requested(
                        rs.getLong("id"), rs.getLong("senior_id"), rs.getString("skill"), rs.getLong("item_id")))
                .list();
        // an urgent order being offered is not the batch's (until its offers fail)
        Set<Long> offered =
                workforce.beingOffered(requested.stream().map(Requested::id).toList());
        Map<Long, Senior> homes =
                seniors.byIds(requested.stream().map(Requested::seniorId).collect(Collectors.toSet()));
        List<BatchPlanner.Job> jobs = requested.stream()
                .filter(r -> !offered.contains(r.id()))
                .map(r -> {
                    Senior home = homes.get(r.seniorId());
                    return new BatchPlanner.Job(
                            r.id(),
                            home == null ? null : home.lat(),
                            home == null ? null : home.lon(),
                            r.skill(),
                            r.itemId(),
                            declinedBy(r.id()));
                })
                .toList();
        List<BatchPlanner.Worker> workers = workers(from, to);
        return switch (strategy) {
            case BATCH -> planner.batch(jobs, workers);
            case GREEDY -> planner.greedy(jobs, workers);
            default -> throw ApiProblem.badRequest("strategy must be batch or greedy");
        };
    }

    private Set<Long> declinedBy(long orderId) {
        return new HashSet<>(db.sql("select responder_id from order_declines where order_id = ?")
                .param(orderId)
                .query(Long.class)
                .list());
    }

    private List<BatchPlanner.Worker> workers(Instant from, Instant to) {
        Map<Long, Set<Long>> offered = catalog.offeredByProvider();
        Map<Long, Integer> held = new LinkedHashMap<>();
        db.sql("select responder_id, count(*) as n from service_orders where responder_id is not null"
                        + " and status = any(?) and window_from >= ? and window_from < ? group by responder_id")
                .params(OrderStatus.names(OrderStatus.HELD), Timestamp.from(from), Timestamp.from(to))
                .query(rs -> {
                    held.put(rs.getLong("responder_id"), rs.getInt("n"));
                });
        List<Responders.Bookable> bookable = responders.bookable();
        // a provider graded D for the latest completed quarter costs more in the plan (BatchPlanner.cost)
        ProviderStanding grades = standing.getIfAvailable();
        Set<Long> demoted = grades == null
                ? Set.of()
                : grades.demoted(
                        bookable.stream().map(b -> b.responder().providerId()).collect(Collectors.toSet()));
        return bookable.stream()
                .map(b -> {
                    Responder r = b.responder();
                    return new BatchPlanner.Worker(
                            r.id(),
                            r.name(),
                            r.mode(),
                            r.lat(),
                            r.lon(),
                            Set.copyOf(r.skills()),
                            offered.getOrDefault(r.providerId(), Set.of()),
                            Math.max(0, r.capacity() - held.getOrDefault(r.id(), 0)),
                            b::serves,
                            demoted.contains(r.providerId()));
                })
                .toList();
    }
}
