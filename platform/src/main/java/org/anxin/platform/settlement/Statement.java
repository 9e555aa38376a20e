package org.anxin.platform.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.anxin.platform.order.VisitRecord;

/**
 * A provider's settlement for a month: the payable visits (with their totals) and those held
 * back. Open ({@code closedAt} null) it is computed from the visits as they are now; closed it
 * is what was frozen at closing.
 */
record Statement(
        long providerId,
        String providerName,
        YearMonth month,
        Instant closedAt,
        String closedBy,
        List<Line> payable,
        List<Line> heldBack) {

    /**
     * One visit on the statement: as it was read (open) or frozen (closed; its anomalies then only
     * kind and reason); {@code carriedFrom} the month of an earlier visit paid here.
     */
    record Line(VisitRecord visit, YearMonth carriedFrom) {}

    boolean closed() {
        return closedAt != null;
    }

    long total(ToIntFunction<VisitRecord> amount) {
        return payable.stream().map(Line::visit).mapToLong(amount::applyAsInt).sum();
    }

    static BigDecimal yuan(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** The figures of the statement, without its lines. */
    Map<String, Object> summary() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("month", month.toString());
        json.put("providerId", providerId);
        json.put("providerName", providerName);
        json.put("status", closed() ? "CLOSED" : "OPEN");
        json.put("closedAt", closedAt);
        json.put("closedBy", closedBy);
        json.put("payableVisits", payable.size());
        json.put("heldBackVisits", heldBack.size());
        json.put("priceYuan", yuan(total(VisitRecord::priceCents)));
        json.put("subsidyYuan", yuan(total(VisitRecord::subsidyCents)));
        json.put("seniorPaysYuan", yuan(total(VisitRecord::seniorPaysCents)));
        return json;
    }

    Map<String, Object> json() {
        Map<String, Object> json = summary();
        json.put("payable", payable.stream().map(Statement::json).toList());
        json.put("heldBack", heldBack.stream().map(Statement::json).toList());
        return json;
    }

    private static Map<String, Object> json(Line line) {
        VisitRecord v = line.visit();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("orderId", v.orderId());
        json.put("seniorId", v.seniorId());
        json.put("seniorName", v.seniorName());
        json.put("itemName", v.itemName());
        json.put("responderId", v.responderId());
        json.put("workerName", v.workerName());
        json.put("checkedInAt", v.checkedInAt());
        json.put("checkedOutAt", v.checkedOutAt());
        json.put("minutes", v.minutes());
        json.put("priceYuan", yuan(v.priceCents()));
        json.put("subsidyYuan", yuan(v.subsidyCents()));
        json.put("seniorPaysYuan", yuan(v.seniorPaysCents()));
        json.put(
                "carriedFrom",
                line.carriedFrom() == null ? null : line.carriedFrom().toString());
        json.put(
                "anomalies",
                v.holds().stream()
                        .map(a -> Map.of("kind", a.kind(), "reason", a.reason()))
                        .toList());
        return json;
    }
}
