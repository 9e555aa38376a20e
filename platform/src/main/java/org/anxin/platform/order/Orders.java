package org.anxin.platform.order;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.anxin.platform.catalog.Catalog;
import org.anxin.platform.dispatch.Responder;
import org.anxin.platform.dispatch.Responders;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Money;
import org.anxin.platform.system.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booking and the desk's side of an order: quote, book, cancel, reschedule, reassign, no-show,
 * and what a viewer may see. A FAMILY user acts only for their own seniors; the desk (ADMIN,
 * SUPERVISOR, OPERATOR) for any.
 */
@Service
class Orders {
    static final Duration LONGEST_WINDOW = Duration.ofHours(4);
    static final Duration BOOKING_HORIZON = Duration.ofDays(30);
    static final Duration FAMILY_CANCEL_BEFORE = Duration.ofHours(2);

    private final JdbcClient db;
    private final OrderStore store;
    private final Catalog catalog;
    private final SeniorService seniors;
    private final Responders responders;
    private final OrderNotices notices;
    private final SubsidyPayer subsidies;
    private final UrgentOrders urgent;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Orders(
            JdbcClient db,
            OrderStore store,
            Catalog catalog,
            SeniorService seniors,
            Responders responders,
            OrderNotices notices,
            SubsidyPayer subsidies,
            UrgentOrders urgent,
            ApplicationEventPublisher events,
            Clock clock) {
        this.db = db;
        this.store = store;
        this.catalog = catalog;
        this.seniors = seniors;
        this.responders = responders;
        this.notices = notices;
        this.subsidies = subsidies;
        this.urgent = urgent;
        this.events = events;
        this.clock = clock;
    }

    record Booking(long seniorId, long itemId, Instant from, Instant to, String notes) {}

    record Quote(long itemId, String itemName, Money price, Money subsidy, String subsidyText) {
        Money seniorPays() {
            return price.minus(subsidy);
        }
    }

    /** The price and the subsidy wallet's share as it would be booked now. */
    Quote quote(Booking booking, Viewer viewer) {
        Catalog.Item item = checkBooking(booking, viewer);
        SubsidyPayer.Share share = subsidies.quote(visit(booking.seniorId(), booking.from(), item));
        return new Quote(item.id(), item.name(), item.price(), share.subsidy(), share.text());
    }

    /** A booked order and the sentence saying which wallet paid what. */
    record Booked(ServiceOrder order, String subsidy) {}

    /**
     * Books the visit and charges the senior's subsidy wallet first; the family pays the rest. An
     * urgent visit (starting within the hour) is offered to responders at once ({@link UrgentOrders}).
     */
    @Transactional
    Booked book(Booking booking, Viewer viewer) {
        Catalog.Item item = checkBooking(booking, viewer);
        Instant now = clock.instant();
        long id = db.sql("insert into service_orders (senior_id, item_id, item_name, skill, duration_minutes,"
                        + " price_cents, subsidy_cents, senior_pays_cents, window_from, window_to, notes, status,"
                        + " booked_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " returning id")
                .params(
                        booking.seniorId(),
                        item.id(),
                        item.name(),
                        item.skill(),
                        item.durationMinutes(),
                        item.price().fen(),
                        0,
                        item.price().fen(),
                        Timestamp.from(booking.from()),
                        Timestamp.from(booking.to()),
                        booking.notes(),
                        OrderStatus.REQUESTED.name(),
                        viewer.username(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        // the ledger entry refers to the order, so the order is stored first and then charged
        SubsidyPayer.Share share =
                subsidies.charge(id, visit(booking.seniorId(), booking.from(), item), viewer.username());
        setShare(id, item.price(), share);
        ServiceOrder order = store.get(id);
        store.note(
                id,
                OrderStatus.REQUESTED,
                "REQUESTED",
                viewer.username(),
                item.name() + ", " + split(order, share),
                null);
        urgent.offerIfUrgent(order, viewer.username());
        events.publishEvent(new OrderBookingChanged(id, booking.from(), booking.from()));
        return new Booked(store.get(id), share.text());
    }

    private static SubsidyPayer.Visit visit(long seniorId, Instant from, Catalog.Item item) {
        return new SubsidyPayer.Visit(seniorId, from, item.price(), item.durationMinutes());
    }

    private void setShare(long id, Money price, SubsidyPayer.Share share) {
        db.sql("update service_orders set subsidy_cents = ?, senior_pays_cents = ? where id = ?")
                .params(share.subsidy().fen(), price.minus(share.subsidy()).fen(), id)
                .update();
    }

    /** "80.00 yuan: subsidy 50.00 yuan, senior pays 30.00 yuan; (which wallet paid, what remains)". */
    private static String split(ServiceOrder o, SubsidyPayer.Share share) {
        return o.price() + ": subsidy " + o.subsidy() + ", senior pays " + o.seniorPays() + "; " + share.text();
    }

    /** The step's note, with what the wallet gave back when it gave anything. */
    private static String withRefund(String note, SubsidyPayer.Share refund) {
        if (refund.subsidy().isZero()) {
            return note;
        }
        return note == null ? refund.text() : note + "; " + refund.text();
    }

    private Catalog.Item checkBooking(Booking booking, Viewer viewer) {
        Senior senior = seniors.find(booking.seniorId())
                .orElseThrow(() -> ApiProblem.badRequest("senior " + booking.seniorId() + " does not exist"));
        viewer.checkMaySee(senior.id());
        if (senior.lat() == null || senior.lon() == null) {
            throw ApiProblem.badRequest(
                    "senior " + senior.id() + " has no home position; set it before booking a home visit");
        }
        Catalog.Item item = catalog.find(booking.itemId())
                .filter(Catalog.Item::active)
                .orElseThrow(() -> ApiProblem.badRequest("item " + booking.itemId() + " is not in the catalogue"));
        checkWindow(booking.from(), booking.to());
        return item;
    }

    /** From before to, at most 4 h long, not in the past, starting within the next 30 days. */
    void checkWindow(Instant from, Instant to) {
        Instant now = clock.instant();
        if (!from.isBefore(to)) {
            throw ApiProblem.badRequest("window.from must be before window.to");
        }
        if (Duration.between(from, to).compareTo(LONGEST_WINDOW) > 0) {
            throw ApiProblem.badRequest("a window is at most 4 h long; this one is "
                    + Duration.between(from, to).toMinutes() + " min");
        }
        if (from.isBefore(now)) {
            throw ApiProblem.badRequest("window.from " + from + " is in the past");
        }
        if (from.isAfter(now.plus(BOOKING_HORIZON))) {
            throw ApiProblem.badRequest("window.from must be within the next 30 days");
        }
    }

    @Transactional
    ServiceOrder cancel(long id, String reason, Viewer viewer) {
        ServiceOrder o = mayAct(store.lock(id), viewer);
        OrderStore.require(
                o, "cancel", OrderStatus.REQUESTED, OrderStatus.ASSIGNED, OrderStatus.ACCEPTED, OrderStatus.EN_ROUTE);
        if (!viewer.seesEverySenior() && clock.instant().isAfter(o.windowFrom().minus(FAMILY_CANCEL_BEFORE))) {
            throw ApiProblem.conflict("a family can cancel only until 2 h before the window starts ("
                    + o.windowFrom().minus(FAMILY_CANCEL_BEFORE) + "); call the 12349 desk");
        }
        store.setStatus(id, OrderStatus.CANCELLED);
        SubsidyPayer.Share refund = subsidies.refund(id, viewer.username(), "order cancelled");
        Long sms = withdrawn(o, "已取消");
        store.note(id, OrderStatus.CANCELLED, "CANCELLED", viewer.username(), withRefund(reason, refund), sms);
        events.publishEvent(new OrderBookingChanged(id, o.windowFrom(), o.windowFrom()));
        return store.get(id);
    }

    @Transactional
    ServiceOrder reschedule(long id, Instant from, Instant to, Viewer viewer) {
        ServiceOrder o = mayAct(store.lock(id), viewer);
        OrderStore.require(o, "rescheduling", OrderStatus.REQUESTED, OrderStatus.ASSIGNED);
        checkWindow(from, to);
        // the month of the new window is the one that pays: the old charge is given back, the new one made
        SubsidyPayer.Share refund = subsidies.refund(id, viewer.username(), "order rescheduled");
        SubsidyPayer.Share share = subsidies.charge(
                id, new SubsidyPayer.Visit(o.seniorId(), from, o.price(), o.durationMinutes()), viewer.username());
        store.setStatus(
                id,
                OrderStatus.REQUESTED,
                "window_from",
                from,
                "window_to",
                to,
                "responder_id",
                null,
                "eta_seconds",
                null,
                "subsidy_cents",
                share.subsidy().fen(),
                "senior_pays_cents",
                o.price().minus(share.subsidy()).fen());
        Long sms = withdrawn(o, "已改期");
        String moved = o.windowFrom() + "–" + o.windowTo() + " → " + from + "–" + to;
        store.note(
                id,
                OrderStatus.REQUESTED,
                "RESCHEDULED",
                viewer.username(),
                refund.subsidy().isZero() && share.subsidy().isZero()
                        ? moved
                        : moved + "; " + split(store.get(id), share),
                sms);
        events.publishEvent(new OrderBookingChanged(id, o.windowFrom(), from));
        return store.get(id);
    }

    /** The desk takes the order back from its responder; it waits for the next batch. */
    @Transactional
    ServiceOrder reassign(long id, String note, Viewer viewer) {
        ServiceOrder o = store.lock(id);
        OrderStore.require(o, "reassign", OrderStatus.ASSIGNED, OrderStatus.ACCEPTED, OrderStatus.EN_ROUTE);
        store.setStatus(id, OrderStatus.REQUESTED, "responder_id", null, "eta_seconds", null);
        Long sms = withdrawn(o, "已改派他人");
        store.note(
                id,
                OrderStatus.REQUESTED,
                "REASSIGNED",
                viewer.username(),
                "taken from " + responderName(o.responderId()) + (note == null ? "" : ": " + note),
                sms);
        return store.get(id);
    }

    /** The desk records that the visit did not take place (nobody came, or nobody was home). */
    @Transactional
    ServiceOrder noShow(long id, String note, Viewer viewer) {
        ServiceOrder o = store.lock(id);
        OrderStore.require(
                o, "no-show", OrderStatus.ASSIGNED, OrderStatus.ACCEPTED, OrderStatus.EN_ROUTE, OrderStatus.ARRIVED);
        store.setStatus(id, OrderStatus.NO_SHOW);
        // no visit, nothing for the subsidy to pay
        SubsidyPayer.Share refund = subsidies.refund(id, viewer.username(), "no-show");
        store.note(id, OrderStatus.NO_SHOW, "NO_SHOW", viewer.username(), withRefund(note, refund), null);
        return store.get(id);
    }

    /** Tells the responder who had the order that it is no longer theirs; null if nobody had it. */
    private Long withdrawn(ServiceOrder o, String what) {
        if (o.responderId() == null) {
            return null;
        }
        Responder r = responders.get(o.responderId());
        return notices.toResponder(
                r,
                "ORDER_WITHDRAWN",
                "【安心】上门服务单 " + o.id() + "（" + o.itemName() + "，" + notices.window(o) + "）" + what + "，请勿前往。");
    }

    /** The order, if the viewer may act on it: 404, or 403 for another family's senior. */
    ServiceOrder mayAct(ServiceOrder o, Viewer viewer) {
        viewer.checkMaySee(o.seniorId());
        return o;
    }

    ServiceOrder get(long id, Viewer viewer) {
        return mayAct(store.get(id), viewer);
    }

    List<ServiceOrder> list(Long seniorId, Set<OrderStatus> statuses, Instant from, Instant to, Viewer viewer) {
        StringBuilder sql = new StringBuilder("select * from service_orders where true");
        List<Object> params = new ArrayList<>();
        if (seniorId != null) {
            viewer.checkMaySee(seniorId);
            sql.append(" and senior_id = ?");
            params.add(seniorId);
        }
        if (!viewer.seesEverySenior()) {
            sql.append(" and senior_id = any(?)");
            params.add(viewer.seniorIds().toArray(Long[]::new));
        }
        if (!statuses.isEmpty()) {
            sql.append(" and status = any(?)");
            params.add(statuses.stream().map(Enum::name).toArray(String[]::new));
        }
        if (from != null) {
            sql.append(" and window_from >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and window_from < ?");
            params.add(Timestamp.from(to));
        }
        return db.sql(sql.append(" order by window_from, id limit 500").toString())
                .params(params)
                .query((rs, n) -> ServiceOrder.of(rs))
                .list();
    }

    String responderName(Long responderId) {
        return responderId == null
                ? null
                : responders.find(responderId).map(Responder::name).orElse("#" + responderId);
    }

    /** The order as the API shows it. */
    OrderView view(ServiceOrder o) {
        return views(List.of(o)).get(0);
    }

    /** The orders as the API shows them: one look-up of their seniors, each responder's name once. */
    List<OrderView> views(List<ServiceOrder> list) {
        Map<Long, Senior> homes =
                seniors.byIds(list.stream().map(ServiceOrder::seniorId).collect(Collectors.toSet()));
        Map<Long, String> names = new HashMap<>();
        return list.stream()
                .map(o -> OrderView.of(
                        o,
                        homes.get(o.seniorId()),
                        o.responderId(),
                        o.responderId() == null ? null : names.computeIfAbsent(o.responderId(), this::responderName)))
                .toList();
    }
}
