package org.anxin.platform.order;

import org.anxin.platform.dispatch.Dispatcher;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorService;
import org.springframework.stereotype.Service;

/**
 * An order whose window starts within {@code anxin.orders.urgent-within} (1 h) of booking cannot
 * wait for a batch: it is offered at once through the dispatcher's offers ({@link OrdersOnOffer}
 * is the order side). Whoever accepts first gets it; if nobody can or does, it stays REQUESTED
 * with the reason on its timeline, for the desk and the next batch.
 */
@Service
class UrgentOrders {
    private final Dispatcher dispatcher;
    private final SeniorService seniors;
    private final OrdersOnOffer onOffer;

    UrgentOrders(Dispatcher dispatcher, SeniorService seniors, OrdersOnOffer onOffer) {
        this.dispatcher = dispatcher;
        this.seniors = seniors;
        this.onOffer = onOffer;
    }

    /** Offers the order if it is urgent, in the booking's transaction; whether offers went out. */
    boolean offerIfUrgent(ServiceOrder o, String actor) {
        if (!onOffer.urgent(o)) {
            return false;
        }
        Senior senior = seniors.find(o.seniorId()).orElseThrow();
        return dispatcher.startOrder(o.id(), senior.lat(), senior.lon(), o.skill(), actor);
    }
}
