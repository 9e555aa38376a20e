package org.anxin.platform.dispatch;

import org.anxin.platform.notify.Notification;
import org.anxin.platform.notify.Notifications;
import org.anxin.platform.system.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An urgent home-service order being offered: steps go on the order's timeline, it is wanted
 * while the order waits for someone, only responders whose provider offers the item may take it,
 * and the dispatch ends (DONE) at the accept, the visit going on as the order's own lifecycle.
 * Nobody found: the order stays REQUESTED for the desk and the next batch.
 */
final class UrgentOrder implements Dispatchable {
    private static final Logger log = LoggerFactory.getLogger(UrgentOrder.class);

    private final long orderId;
    private final OfferedOrders orders;
    private final Responders responders;

    UrgentOrder(long orderId, OfferedOrders orders, Responders responders) {
        this.orderId = orderId;
        this.orders = orders;
        this.responders = responders;
    }

    @Override
    public void note(DispatchStep step, String text, Viewer viewer) {
        orders.note(orderId, step.name(), text);
    }

    @Override
    public boolean stillWanted() {
        return orders.open(orderId);
    }

    @Override
    public boolean mayTake(long responderId) {
        return orders.mayTake(orderId, responderId);
    }

    @Override
    public Notifications.Request offerSms(Responder r, String invitation) {
        OfferedOrders.Order o = orders.order(orderId);
        return new Notifications.Request(
                null,
                "responder " + r.name(),
                r.phone(),
                Notification.Channel.SMS,
                "RESPONDER_ORDER_OFFER",
                "【安心】急单 " + o.id() + "：" + o.itemName() + "，" + o.seniorName() + "，"
                        + (o.address() == null ? "" : o.address()) + invitation);
    }

    @Override
    public DispatchStatus acceptedStatus() {
        return DispatchStatus.DONE;
    }

    @Override
    public Responder accepted(Offer offer, Viewer viewer) {
        Responder responder = responders.get(offer.responderId());
        orders.accepted(orderId, responder, offer.etaSeconds(), viewer.username());
        return responder;
    }

    @Override
    public void unplaced(long dispatchId, String why) {
        note(
                DispatchStep.URGENT_UNPLACED,
                why + " whose provider offers the item and serves the home; the order stays REQUESTED for the"
                        + " desk and the next batch",
                SYSTEM);
        log.info("urgent order {} not placed by offers: {}", orderId, why);
    }

    @Override
    public Viewer onBehalf(Viewer responder) {
        return responder;
    }

    @Override
    public void onScene(String note, Viewer responder) {
        throw new IllegalStateException("order " + orderId + ": a visit checks in on the order, not the dispatch");
    }

    @Override
    public void finished(String outcome, String note, Viewer responder) {
        throw new IllegalStateException("order " + orderId + ": a visit is finished on the order, not the dispatch");
    }

    @Override
    public DispatchViews.Subject subject() {
        OfferedOrders.Order o = orders.order(orderId);
        return DispatchViews.Subject.order(o);
    }
}
