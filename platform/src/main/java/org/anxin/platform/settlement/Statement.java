package org.anxin.platform.settlement;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.function.ToIntFunction;
import org.anxin.platform.order.AnomalyKind;
import org.anxin.platform.order.VisitRecord;
import org.anxin.platform.system.Money;

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

    enum Status {
        OPEN,
        CLOSED
    }

    boolean closed() {
        return closedAt != null;
    }

    Money total(ToIntFunction<VisitRecord> fen) {
        return Money.ofFen(
                payable.stream().map(Line::visit).mapToLong(fen::applyAsInt).sum());
    }

    /** The figures of a statement, without its lines; the {@code *Yuan} numbers are the old fields. */
    record Summary(
            String month,
            long providerId,
            String providerName,
            Status status,
            Instant closedAt,
            String closedBy,
            int payableVisits,
            int heldBackVisits,
            @JsonUnwrapped Amounts amounts) {}

    /** A statement with its lines, and the city's zone its times are read in. */
    record View(@JsonUnwrapped Summary summary, List<LineView> payable, List<LineView> heldBack, String zone) {}

    /** One visit of a statement. */
    record LineView(
            long orderId,
            long seniorId,
            String seniorName,
            String itemName,
            long responderId,
            String workerName,
            Instant checkedInAt,
            Instant checkedOutAt,
            Integer minutes,
            @JsonUnwrapped Amounts amounts,
            String carriedFrom,
            List<Hold> anomalies) {}

    /**
     * A price and its split, as Money; the {@code *Yuan} numbers beside them are the old fields.
     */
    record Amounts(
            Money price,
            Money subsidy,
            Money seniorPays,
            @Schema(deprecated = true, description = "price.yuan as a number; use price") BigDecimal priceYuan,
            @Schema(deprecated = true, description = "subsidy.yuan as a number; use subsidy") BigDecimal subsidyYuan,
            @Schema(deprecated = true, description = "seniorPays.yuan as a number; use seniorPays")
                    BigDecimal seniorPaysYuan) {

        static Amounts of(Money price, Money subsidy, Money seniorPays) {
            return new Amounts(price, subsidy, seniorPays, price.decimal(), subsidy.decimal(), seniorPays.decimal());
        }
    }

    /** An anomaly that holds a visit back. */
    record Hold(AnomalyKind kind, String reason) {}

    Summary summary() {
        return new Summary(
                month.toString(),
                providerId,
                providerName,
                closed() ? Status.CLOSED : Status.OPEN,
                closedAt,
                closedBy,
                payable.size(),
                heldBack.size(),
                Amounts.of(
                        total(VisitRecord::priceCents),
                        total(VisitRecord::subsidyCents),
                        total(VisitRecord::seniorPaysCents)));
    }

    View view(ZoneId zone) {
        return new View(
                summary(),
                payable.stream().map(Statement::view).toList(),
                heldBack.stream().map(Statement::view).toList(),
                zone.getId());
    }

    private static LineView view(Line line) {
        VisitRecord v = line.visit();
        return new LineView(
                v.orderId(),
                v.seniorId(),
                v.seniorName(),
                v.itemName(),
                v.responderId(),
                v.workerName(),
                v.checkedInAt(),
                v.checkedOutAt(),
                v.minutes(),
                Amounts.of(
                        Money.ofFen(v.priceCents()), Money.ofFen(v.subsidyCents()), Money.ofFen(v.seniorPaysCents())),
                line.carriedFrom() == null ? null : line.carriedFrom().toString(),
                v.holds().stream().map(a -> new Hold(a.kind(), a.reason())).toList());
    }
}
