package org.anxin.platform.order;

import java.time.Clock;
import java.time.Duration;
import org.anxin.platform.catalog.Catalog;
import org.anxin.platform.dispatch.OfferedOrders;
import org.anxin.platform.dispatch.Responder;
import org.anxin.platform.dispatch.Responders;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The order side of the dispatcher's offers for urgent orders: what an offer shows, whether the
 * order still waits, whether a responder's provider offers the item (and they have not declined
 * the order before), and what accepting does: the order goes ASSIGNED and ACCEPTED at once, both
 * steps on its timeline "by the urgent offer flow". An order is urgent while its window starts
 * within {@code anxin.orders.urgent-within} (1 h) of now.
 */
@Component
class OrdersOnOffer implements OfferedOrders {
    static final String FLOW = "by the urgent offer flow";

    private final JdbcClient db;
    private final OrderStore store;
    private final Catalog catalog;
    private final Responders responders;
    private final SeniorService seniors;
    private final Clock clock;
    private final Duration urgentWithin;

    OrdersOnOffer(
            JdbcClient db,
            OrderStore store,
            Catalog catalog,
            Responders responders,
            SeniorService seniors,
            Clock clock,
            OrderProperties properties) {
        this.db = db;
        this.store = store;
        this.catalog = catalog;
        this.responders = responders;
        this.seniors = seniors;
        this.clock = clock;
        this.urgentWithin = properties.urgentWithin();
    }

    boolean urgent(ServiceOrder o) {
        return o.windowFrom().isBefore(clock.instant().plus(urgentWithin));
    }

    @Override
    public Order order(long orderId) {
        ServiceOrder o = store.get(orderId);
        Senior senior = seniors.find(o.seniorId()).orElseThrow();
        return new Order(o.id(), o.itemName(), o.windowFrom(), o.windowTo(), senior.name(), senior.address());
    }

    @Override
    public boolean open(long orderId) {
        return store.find(orderId)
                .filter(o -> o.status() == OrderStatus.REQUESTED && o.responderId() == null && urgent(o))
                .isPresent();
    }

    @Override
    public boolean mayTake(long orderId, long responderId) {
        ServiceOrder o = store.get(orderId);
        Long provider = responders.find(responderId).map(Responder::providerId).orElse(null);
        boolean declined = db.sql("select count(*) from order_declines where order_id = ? and responder_id = ?")
                        .params(orderId, responderId)
                        .query(Long.class)
                        .single()
                > 0;
        return provider != null && !declined && catalog.offers(provider, o.itemId());
    }

    @Override
    public void accepted(long orderId, Responder responder, int etaSeconds, String username) {
        ServiceOrder o = store.lock(orderId);
        OrderStore.require(o, "taking an urgent offer", OrderStatus.REQUESTED);
        store.setStatus(orderId, OrderStatus.ASSIGNED, "responder_id", responder.id(), "eta_seconds", etaSeconds);
        store.note(
                orderId,
                OrderStatus.ASSIGNED,
                "ASSIGNED",
                "system",
                "to " + responder.name() + " (" + responder.mode() + ", ETA " + etaSeconds + " s) " + FLOW,
                null);
        store.setStatus(orderId, OrderStatus.ACCEPTED);
        store.note(orderId, OrderStatus.ACCEPTED, "ACCEPTED", username, FLOW, null);
    }

    @Override
    public void note(long orderId, String action, String text) {
        store.note(orderId, store.get(orderId).status(), action, "system", text, null);
    }
}
