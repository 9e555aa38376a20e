package org.anxin.platform.order;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.anxin.platform.system.Money;

/**
 * A visit as a settlement sees it: who was served with what by whom, check-in and check-out,
 * the price split as booked, and the visit's anomalies. It is payable when none is left open.
 */
public record VisitRecord(
        long orderId,
        long seniorId,
        String seniorName,
        String itemName,
        long responderId,
        String workerName,
        long providerId,
        Instant checkedInAt,
        Instant checkedOutAt,
        Integer minutes,
        Money price,
        Money subsidy,
        Money seniorPays,
        List<Anomaly> anomalies) {

    /** The anomalies that hold the visit back: those not cleared. */
    public List<Anomaly> holds() {
        return anomalies.stream().filter(a -> !a.cleared()).toList();
    }

    public boolean payable() {
        return holds().isEmpty();
    }

    /** When its last anomaly was cleared; null if it never had one. */
    public Instant clearedAt() {
        return anomalies.stream()
                .map(Anomaly::clearedAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }
}
