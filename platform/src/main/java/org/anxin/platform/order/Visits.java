package org.anxin.platform.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.anxin.platform.dispatch.Responder;
import org.anxin.platform.dispatch.Responders;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Geo;
import org.anxin.platform.system.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The responder's side of a visit: accept or decline, set off (the family is told), check in at
 * the door (GPS: within {@code anxin.orders.check-in-meters} of the senior's home), start, and
 * check out (the time on site and the position are recorded; the family is told). Only the
 * order's own responder may take these steps.
 */
@Service
class Visits {
    private final JdbcClient db;
    private final OrderStore store;
    private final Orders orders;
    private final Responders responders;
    private final SeniorService seniors;
    private final OrderNotices notices;
    private final VisitAnomalies anomalies;
    private final Clock clock;
    private final int checkInMeters;
    private final ApplicationEventPublisher events;

    Visits(
            JdbcClient db,
            OrderStore store,
            Orders orders,
            Responders responders,
            SeniorService seniors,
            OrderNotices notices,
            VisitAnomalies anomalies,
            Clock clock,
            OrderProperties properties,
            ApplicationEventPublisher events) {
        this.db = db;
        this.store = store;
        this.orders = orders;
        this.responders = responders;
        this.seniors = seniors;
        this.notices = notices;
        this.anomalies = anomalies;
        this.clock = clock;
        this.checkInMeters = properties.checkInMeters();
        this.events = events;
    }

    Responder self(Viewer viewer) {
        return responders
                .byUsername(viewer.username())
                .orElseThrow(() -> ApiProblem.forbidden("you are not registered as a responder"));
    }

    /** The responder's orders that are not finished, earliest window first. */
    List<OrderViews.OrderJob> mine(Viewer viewer) {
        List<ServiceOrder> held = db.sql("select * from service_orders where responder_id = ? and status = any(?)"
                        + " order by window_from, id")
                .params(self(viewer).id(), OrderStatus.names(OrderStatus.HELD))
                .query((rs, n) -> ServiceOrder.of(rs))
                .list();
        Map<Long, Senior> homes =
                seniors.byIds(held.stream().map(ServiceOrder::seniorId).collect(Collectors.toSet()));
        List<OrderView> views = orders.views(held);
        return views.stream().map(v -> job(v, homes.get(v.seniorId()))).toList();
    }

    /** The order with what the worker needs to get there: the senior's phone and home position. */
    OrderViews.OrderJob job(ServiceOrder o) {
        return job(orders.view(o), seniors.find(o.seniorId()).orElseThrow());
    }

    private static OrderViews.OrderJob job(OrderView order, Senior senior) {
        return new OrderViews.OrderJob(order, senior.phone(), senior.lat(), senior.lon());
    }

    private ServiceOrder own(long id, Viewer viewer) {
        ServiceOrder o = store.lock(id);
        if (o.responderId() == null || o.responderId() != self(viewer).id()) {
            throw ApiProblem.forbidden("order " + id + " is not yours");
        }
        return o;
    }

    @Transactional
    OrderViews.OrderJob accept(long id, Viewer viewer) {
        ServiceOrder o = own(id, viewer);
        OrderStore.require(o, "accept", OrderStatus.ASSIGNED);
        store.setStatus(id, OrderStatus.ACCEPTED);
        store.note(id, OrderStatus.ACCEPTED, "ACCEPTED", viewer.username(), null, null);
        return job(store.get(id));
    }

    /** The order goes back to the desk for the next batch, never to this responder again. */
    @Transactional
    OrderView decline(long id, String reason, Viewer viewer) {
        ServiceOrder o = own(id, viewer);
        OrderStore.require(o, "decline", OrderStatus.ASSIGNED, OrderStatus.ACCEPTED);
        db.sql("insert into order_declines (order_id, responder_id) values (?, ?) on conflict do nothing")
                .params(id, o.responderId())
                .update();
        store.setStatus(id, OrderStatus.REQUESTED, "responder_id", null, "eta_seconds", null);
        store.note(id, OrderStatus.REQUESTED, "DECLINED", viewer.username(), reason, null);
        return orders.view(store.get(id)).withResponderId(o.responderId()); // still theirs to read in this answer
    }

    @Transactional
    OrderViews.OrderJob enRoute(long id, Viewer viewer) {
        ServiceOrder o = own(id, viewer);
        OrderStore.require(o, "en-route", OrderStatus.ACCEPTED);
        store.setStatus(id, OrderStatus.EN_ROUTE);
        Responder me = self(viewer);
        Senior senior = seniors.find(o.seniorId()).orElseThrow();
        Long sms = notices.toFamily(
                o,
                "FAMILY_WORKER_ON_WAY",
                "【安心】服务人员" + me.name() + "已出发，前往" + senior.name() + "家提供" + o.itemName() + "服务（" + notices.window(o)
                        + "）。");
        store.note(id, OrderStatus.EN_ROUTE, "EN_ROUTE", viewer.username(), null, sms);
        return job(store.get(id));
    }

    /**
     * Check-in: near the senior's home. Farther off, 409 with the distance and nothing changes,
     * unless the worker gives a reason ({@code farReason}): then the check-in is recorded and the
     * visit flagged {@code FAR_CHECK_IN}, held back from payment until the desk clears it.
     */
    @Transactional
    OrderViews.OrderJob arrive(long id, double lat, double lon, String farReason, Viewer viewer) {
        ServiceOrder o = own(id, viewer);
        OrderStore.require(o, "arrive (check-in)", OrderStatus.EN_ROUTE);
        int meters = (int) Math.round(metersFromHome(o, lat, lon));
        boolean far = meters > checkInMeters;
        if (far && farReason == null) {
            throw ApiProblem.conflict(String.format(
                    Locale.ROOT,
                    "you are %d m from the senior's home; check-in is accepted within %d m. If you are with the"
                            + " senior elsewhere, check in with a reason, e.g. {\"lat\": %.6f, \"lon\": %.6f,"
                            + " \"farReason\": \"met the senior at the clinic\"}: the visit is then flagged"
                            + " FAR_CHECK_IN and not paid until the desk clears it",
                    meters,
                    checkInMeters,
                    lat,
                    lon));
        }
        store.setStatus(
                id,
                OrderStatus.ARRIVED,
                "arrived_at",
                clock.instant(),
                "arrived_lat",
                lat,
                "arrived_lon",
                lon,
                "arrived_meters",
                meters,
                "far_reason",
                far ? farReason : null,
                "provider_id",
                self(viewer).providerId());
        store.note(
                id,
                OrderStatus.ARRIVED,
                "ARRIVED",
                viewer.username(),
                meters + " m from the home" + (far ? "; beyond " + checkInMeters + " m: " + farReason : ""),
                null);
        anomalies.checkedIn(o, meters, checkInMeters, far ? farReason : null, viewer.username());
        return job(store.get(id));
    }

    @Transactional
    OrderViews.OrderJob start(long id, Viewer viewer) {
        ServiceOrder o = own(id, viewer);
        OrderStore.require(o, "start", OrderStatus.ARRIVED);
        store.setStatus(id, OrderStatus.IN_SERVICE, "started_at", clock.instant());
        store.note(id, OrderStatus.IN_SERVICE, "IN_SERVICE", viewer.username(), null, null);
        return job(store.get(id));
    }

    /** Check-out: the minutes on site (from check-in) and where the worker was. */
    @Transactional
    OrderViews.OrderJob checkOut(long id, double lat, double lon, Viewer viewer) {
        ServiceOrder o = own(id, viewer);
        OrderStore.require(o, "check-out", OrderStatus.IN_SERVICE);
        Instant now = clock.instant();
        Duration onSite = Duration.between(o.arrivedAt(), now);
        int minutes = (int) Math.round(onSite.toSeconds() / 60.0);
        int meters = (int) Math.round(metersFromHome(o, lat, lon));
        store.setStatus(
                id,
                OrderStatus.COMPLETED,
                "completed_at",
                now,
                "checkout_lat",
                lat,
                "checkout_lon",
                lon,
                "checkout_meters",
                meters,
                "service_minutes",
                minutes);
        Senior senior = seniors.find(o.seniorId()).orElseThrow();
        Long sms = notices.toFamily(
                o,
                "FAMILY_VISIT_DONE",
                "【安心】" + senior.name() + "的" + o.itemName() + "服务已完成，服务时长 " + minutes + " 分钟。欢迎在安心为本次服务评分。");
        store.note(
                id,
                OrderStatus.COMPLETED,
                "COMPLETED",
                viewer.username(),
                minutes + " min on site; checked out " + meters + " m from the home",
                sms);
        anomalies.checkedOut(o, onSite);
        ServiceOrder done = store.get(id);
        events.publishEvent(VisitCompleted.of(done, viewer.username(), anomalies.verified(done)));
        return job(store.get(id));
    }

    private double metersFromHome(ServiceOrder o, double lat, double lon) {
        Senior senior = seniors.find(o.seniorId()).orElseThrow();
        if (senior.lat() == null || senior.lon() == null) {
            throw ApiProblem.conflict("senior " + senior.id() + " has no home position to check in against");
        }
        return Geo.meters(lat, lon, senior.lat(), senior.lon());
    }
}
