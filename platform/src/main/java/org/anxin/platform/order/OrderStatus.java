package org.anxin.platform.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a home-service order stands. {@code REQUESTED → ASSIGNED → ACCEPTED → EN_ROUTE → ARRIVED →
 * IN_SERVICE → COMPLETED → RATED}, or {@code CANCELLED} (before the worker arrives) or
 * {@code NO_SHOW} (the desk: the visit did not happen). Declined and reassigned orders go back
 * to {@code REQUESTED} for the next batch.
 */
public enum OrderStatus {
    REQUESTED,
    ASSIGNED,
    ACCEPTED,
    EN_ROUTE,
    ARRIVED,
    IN_SERVICE,
    COMPLETED,
    RATED,
    CANCELLED,
    NO_SHOW;

    /** With a responder and not finished: the orders that take up a responder's slot. */
    static final Set<OrderStatus> HELD = EnumSet.of(ASSIGNED, ACCEPTED, EN_ROUTE, ARRIVED, IN_SERVICE);

    /** The names, for a SQL {@code = any(?)}. */
    static String[] names(Set<OrderStatus> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }
}
