package org.anxin.platform.order;

import java.time.Instant;

/**
 * A flag on a visit: what and why, who raised it and when, and once cleared, who cleared it, when
 * and why. {@code flaggedAt} is null for a flag not stored: a missing check-out seen from the
 * visit as it is, or the kind and reason frozen on a closed statement's line.
 */
public record Anomaly(
        AnomalyKind kind,
        String reason,
        Instant flaggedAt,
        String flaggedBy,
        Instant clearedAt,
        String clearedBy,
        String clearReason) {

    public boolean cleared() {
        return clearedAt != null;
    }
}
