package org.anxin.platform.followup;

/** {@code PENDING} (waits for a call) → {@code CLAIMED} (an operator is calling) → {@code DONE}, or back to PENDING. */
enum FollowUpStatus {
    PENDING,
    CLAIMED,
    DONE
}
