package org.anxin.platform.order;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.anxin.platform.notify.Notification;
import org.anxin.platform.system.Money;

/** The order module's answers besides {@link OrderView} itself. */
final class OrderViews {
    private OrderViews() {}

    /**
     * What a booking would cost now: {@code price}, {@code subsidyPays} and {@code seniorPays} as
     * money (and in the older yuan and fen fields); {@code subsidy} says which wallet pays what.
     */
    record OrderQuote(
            long itemId,
            String itemName,
            Money price,
            Money subsidyPays,
            Money seniorPays,
            BigDecimal priceYuan,
            BigDecimal subsidyYuan,
            BigDecimal seniorPaysYuan,
            long priceCents,
            long subsidyCents,
            long seniorPaysCents,
            String subsidy) {
        static OrderQuote of(Orders.Quote q) {
            return new OrderQuote(
                    q.itemId(),
                    q.itemName(),
                    q.price(),
                    q.subsidy(),
                    q.seniorPays(),
                    q.price().decimal(),
                    q.subsidy().decimal(),
                    q.seniorPays().decimal(),
                    q.price().fen(),
                    q.subsidy().fen(),
                    q.seniorPays().fen(),
                    q.subsidyText());
        }
    }

    /** A booked order and the sentence saying which wallet paid what. */
    record OrderBooked(@JsonUnwrapped OrderView order, String subsidy) {}

    /** One order with its anomalies, timeline and the notifications it sent. */
    record OrderDetail(
            @JsonUnwrapped OrderView order,
            List<Anomaly> anomalies,
            List<OrderTimelineStep> timeline,
            List<Notification> notifications) {}

    record OrderTimelineStep(
            Instant at, String status, String action, String actor, String note, Long notificationId) {}

    /** The anomalies left on the order after a clearance. */
    record OrderAnomalies(long orderId, List<Anomaly> anomalies) {}

    /** An order as its worker sees it: with the senior's phone and home position to get there. */
    record OrderJob(@JsonUnwrapped OrderView order, String seniorPhone, Double lat, Double lon) {}

    /** A batch plan, applied or not. */
    record BatchPlan(
            String strategy,
            Instant from,
            Instant to,
            List<BatchPlanner.Pair> assigned,
            List<BatchPlanner.Miss> unassigned,
            double meanEtaSeconds,
            long totalEtaSeconds) {
        static BatchPlan of(BatchPlanner.Plan plan, Instant from, Instant to) {
            return new BatchPlan(
                    plan.strategy(),
                    from,
                    to,
                    plan.assigned(),
                    plan.unassigned(),
                    plan.meanEtaSeconds(),
                    plan.totalEtaSeconds());
        }
    }

    /** Both plans for the same orders, neither applied. */
    record BatchComparison(Instant from, Instant to, BatchPlan batch, BatchPlan greedy) {}
}
