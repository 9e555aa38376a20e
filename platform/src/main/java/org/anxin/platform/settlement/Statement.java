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

    enum StatementStatus {
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
    record StatementSummary(
            String month,
            long providerId,
            String providerName,
            StatementStatus status,
            Instant closedAt,
            String closedBy,
            int payableVisits,
            int heldBackVisits,
            @JsonUnwrapped StatementAmounts amounts) {}

    /** A statement with its lines, and the city's zone its times are read in. */
    record StatementView(
            @JsonUnwrapped StatementSummary summary,
            List<StatementLine> payable,
            List<StatementLine> heldBack,
            String zone) {}

    /** One visit of a statement. */
    record StatementLine(
            long orderId,
            long seniorId,
            String seniorName,
            String itemName,
            long responderId,
            String workerName,
            Instant checkedInAt,
            Instant checkedOutAt,
            Integer minutes,
            @JsonUnwrapped StatementAmounts amounts,
            String carriedFrom,
            List<StatementHold> anomalies) {}

    /**
     * A price and its split, as Money; the {@code *Yuan} numbers beside them are the old fields.
     */
    record StatementAmounts(
            Money price,
            Money subsidy,
            Money seniorPays,
            @Schema(deprecated = true, description = "price.yuan as a number; use price") BigDecimal priceYuan,
            @Schema(deprecated = true, description = "subsidy.yuan as a number; use subsidy") BigDecimal subsidyYuan,
            @Schema(deprecated = true, description = "seniorPays.yuan as a number; use seniorPays")
                    BigDecimal seniorPaysYuan) {

        static StatementAmounts of(Money price, Money subsidy, Money seniorPays) {
            return new StatementAmounts(
                    price, subsidy, seniorPays, price.decimal(), subsidy.decimal(), seniorPays.decimal());
        }
    }

    /** An anomaly that holds a visit back. */
    record StatementHold(AnomalyKind kind, String reason) {}

    StatementSummary summary() {
        return new StatementSummary(
                month.toString(),
                providerId,
                providerName,
                closed() ? StatementStatus.CLOSED : StatementStatus.OPEN,
                closedAt,
                closedBy,
                payable.size(),
                heldBack.size(),
                StatementAmounts.of(
                        total(VisitRecord::priceCents),
                        total(VisitRecord::subsidyCents),
                        total(VisitRecord::seniorPaysCents)));
    }

    StatementView view(ZoneId zone) {
        return new StatementView(
                summary(),
                payable.stream().map(Statement::view).toList(),
                heldBack.stream().map(Statement::view).toList(),
                zone.getId());
    }

    private static StatementLine view(Line line) {
        VisitRecord v = line.visit();
        return new StatementLine(
                v.orderId(),
                v.seniorId(),
                v.seniorName(),
                v.itemName(),
                v.responderId(),
                v.workerName(),
                v.checkedInAt(),
                v.checkedOutAt(),
                v.minutes(),
                StatementAmounts.of(
                        Money.ofFen(v.priceCents()), Money.ofFen(v.subsidyCents()), Money.ofFen(v.seniorPaysCents())),
                line.carriedFrom() == null ? null : line.carriedFrom().toString(),
                v.holds().stream()
                        .map(a -> new StatementHold(a.kind(), a.reason()))
                        .toList());
    }
}
