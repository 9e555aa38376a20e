package org.anxin.platform.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.anxin.platform.system.Money;
import org.anxin.platform.system.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What other modules may read of an order and add to its timeline, e.g. the time bank paying an
 * order with minutes. The order's own steps stay in this module.
 */
@Service
public class OrderRecords {
    private final JdbcClient db;
    private final OrderStore store;
    private final Orders orders;

    OrderRecords(JdbcClient db, OrderStore store, Orders orders) {
        this.db = db;
        this.store = store;
        this.orders = orders;
    }

    /** The order as the API shows it (for another module's answer that includes it); 404 if there is none. */
    public OrderView view(long orderId) {
        return orders.view(store.get(orderId));
    }

    /** An order as other modules see it; {@code seniorPays} is the share the subsidy does not pay. */
    public record OrderRecord(
            long id, long seniorId, String itemName, int durationMinutes, Money seniorPays, OrderStatus status) {
        /** Whether the visit is still to happen or has happened (not cancelled, not a no-show). */
        public boolean live() {
            return status != OrderStatus.CANCELLED && status != OrderStatus.NO_SHOW;
        }
    }

    /** The order, locked until the caller's transaction ends (so it cannot be cancelled meanwhile). */
    public Optional<OrderRecord> lock(long orderId) {
        return store.find(orderId).map(o -> record(store.lock(orderId)));
    }

    /** Of these orders, the ones that will not be served: cancelled, or the visit did not take place. */
    public List<Long> withdrawn(List<Long> orderIds) {
        return db.sql("select id from service_orders where id = any(?) and status in (?, ?) order by id")
                .params(orderIds.toArray(Long[]::new), OrderStatus.CANCELLED.name(), OrderStatus.NO_SHOW.name())
                .query(Long.class)
                .list();
    }

    /**
     * Books a home-service visit on another module's behalf (a 12349 work order), with the same
     * checks, quote and subsidy charge as {@code POST /api/orders}; runs in the caller's
     * transaction.
     *
     * @return the booked order as the API shows it
     */
    public OrderView book(long seniorId, long itemId, Instant from, Instant to, String notes, Viewer viewer) {
        return orders.view(orders.book(new Orders.Booking(seniorId, itemId, from, to, notes), viewer)
                .order());
    }

    /** A step on the order's timeline, by another module; the order's status is unchanged. */
    public void note(long orderId, String action, String actor, String note) {
        store.note(orderId, store.get(orderId).status(), action, actor, note, null);
    }

    private static OrderRecord record(ServiceOrder o) {
        return new OrderRecord(o.id(), o.seniorId(), o.itemName(), o.durationMinutes(), o.seniorPays(), o.status());
    }
}
