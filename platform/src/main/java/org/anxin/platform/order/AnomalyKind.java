package org.anxin.platform.order;

/** Why a visit is held back from payment until the desk clears it. */
public enum AnomalyKind {
    /** Checked in beyond {@code anxin.orders.check-in-meters} of the home, with the worker's reason. */
    FAR_CHECK_IN,
    /** Checked out before {@code ANXIN_SETTLEMENT_MIN_SHARE} of the item's standard duration. */
    TOO_SHORT,
    /** The worker was on site at another visit at the same time; both visits are flagged. */
    OVERLAP,
    /** Checked in, never checked out. */
    MISSING_CHECK_OUT
}
