package org.anxin.platform.dispatch;

import java.time.Instant;

/**
 * The home-service orders the dispatcher offers (urgent ones, whose window starts within the
 * hour); the service module provides it, so that dispatch needs nothing of service. The
 * dispatcher calls it inside its own transaction: an accept that the order refuses rolls back.
 */
public interface OfferedOrders {

    /** What an offer shows of the order: the item, the window and where. */
    record Order(long id, String itemName, Instant windowFrom, Instant windowTo, String seniorName, String address) {}

    Order order(long orderId);

    /** Whether the order still waits for someone (REQUESTED, nobody has it). */
    boolean open(long orderId);

    /** Whether the responder may take it beyond what matching checks: their provider offers the item. */
    boolean mayTake(long orderId, long responderId);

    /** The responder accepted an offer: the order is theirs (ASSIGNED, then ACCEPTED); 409 if no longer open. */
    void accepted(long orderId, Responder responder, int etaSeconds, String username);

    /** A step of the offering on the order's timeline. */
    void note(long orderId, String action, String text);
}
