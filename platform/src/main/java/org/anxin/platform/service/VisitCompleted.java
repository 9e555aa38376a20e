package org.anxin.platform.service;

import java.time.Instant;

/**
 * A responder checked out of a home visit. Published inside the check-out's transaction, so a
 * listener's writes (time-bank credit, follow-up queue) commit or roll back with it.
 *
 * @param arrivedMeters how far from the senior's home the check-in was
 * @param serviceMinutes the minutes from check-in to check-out
 */
public record VisitCompleted(
        long orderId,
        long seniorId,
        long responderId,
        String responderUsername,
        int arrivedMeters,
        int checkoutMeters,
        int serviceMinutes,
        Instant completedAt) {}
