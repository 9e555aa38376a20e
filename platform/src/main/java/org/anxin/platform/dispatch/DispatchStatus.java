package org.anxin.platform.dispatch;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a dispatch stands: OFFERING rounds of offers, then ACCEPTED (on the way), ARRIVED, DONE;
 * or FAILED (nobody took it) or CANCELLED (no longer wanted). An order's dispatch is DONE at the
 * accept: the visit goes on as the order's own lifecycle.
 */
enum DispatchStatus {
    OFFERING,
    ACCEPTED,
    ARRIVED,
    DONE,
    FAILED,
    CANCELLED;

    /** The statuses of a dispatch still under way (one per alarm, by a partial unique index). */
    static final Set<DispatchStatus> LIVE = EnumSet.of(OFFERING, ACCEPTED, ARRIVED);

    /** As a quoted SQL literal, for statements that must name it in their text (partial indexes). */
    String sql() {
        return "'" + name() + "'";
    }

    static String sql(Set<DispatchStatus> statuses) {
        return statuses.stream().map(DispatchStatus::sql).collect(Collectors.joining(", "));
    }
}
