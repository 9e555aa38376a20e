package org.anxin.platform.order;

/**
 * Where a home-service order stands. {@code REQUESTED → ASSIGNED → ACCEPTED → EN_ROUTE → ARRIVED →
 * IN_SERVICE → COMPLETED → RATED}, or {@code CANCELLED} (before the worker arrives) or
 * {@code NO_SHOW} (the desk: the visit did not happen). Declined and reassigned orders go back
 * to {@code REQUESTED} for the next batch.
 */
enum OrderStatus {
    REQUESTED,
    ASSIGNED,
    ACCEPTED,
    EN_ROUTE,
    ARRIVED,
    IN_SERVICE,
    COMPLETED,
    RATED,
    CANCELLED,
    NO_SHOW
}
