package org.anxin.platform.dispatch;

/** One offer to one responder: OFFERED until accepted, declined, timed out or withdrawn. */
enum OfferStatus {
    OFFERED,
    ACCEPTED,
    DECLINED,
    TIMED_OUT,
    WITHDRAWN;

    /** As a quoted SQL literal, so that statements keep the text the partial index {@code offers_open} matches. */
    String sql() {
        return "'" + name() + "'";
    }
}
