package org.anxin.platform.dispatch;

import java.time.Instant;

/** One offer of a dispatch to one responder in one round. */
record Offer(
        long id,
        long dispatchId,
        long responderId,
        int round,
        int distanceMeters,
        int etaSeconds,
        OfferStatus status,
        Instant offeredAt,
        Instant expiresAt) {

    /** Open: OFFERED and not yet expired at {@code now}. */
    boolean openAt(Instant now) {
        return status == OfferStatus.OFFERED && expiresAt.isAfter(now);
    }

    /** A time to travel as said in notes and SMS: "4 min 10 s". */
    static String eta(int seconds) {
        return seconds / 60 + " min " + seconds % 60 + " s";
    }
}
