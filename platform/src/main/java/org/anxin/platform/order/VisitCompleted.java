package org.anxin.platform.order;

import java.time.Instant;

/**
 * A responder checked out of a home visit, or a visit's last open anomaly was cleared after its
 * check-out. Published inside that transaction, so a listener's writes (time-bank credit,
 * follow-up queue) commit or roll back with it; listeners must be idempotent, as one visit can be
 * announced more than once.
 *
 * @param arrivedMeters how far from the senior's home the check-in was
 * @param serviceMinutes the minutes from check-in to check-out
 * @param verified checked out with no anomaly left open (far check-in, too short, overlapping):
 *     the visits monthly settlement pays and the time bank credits
 */
public record VisitCompleted(
        long orderId,
        long seniorId,
        long responderId,
        String responderUsername,
        int arrivedMeters,
        int checkoutMeters,
        int serviceMinutes,
        Instant completedAt,
        boolean verified) {

    /** The completed visit {@code o} (checked out), by the responder with this username. */
    static VisitCompleted of(ServiceOrder o, String responderUsername, boolean verified) {
        return new VisitCompleted(
                o.id(),
                o.seniorId(),
                o.responderId(),
                responderUsername,
                o.arrivedMeters(),
                o.checkoutMeters(),
                o.serviceMinutes(),
                o.completedAt(),
                verified);
    }
}
