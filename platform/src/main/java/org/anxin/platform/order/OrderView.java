package org.anxin.platform.order;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import org.anxin.platform.senior.Senior;

/** An order as the API shows it, with the item and price as booked ({@link OrderAmounts}). */
public record OrderView(
        long id,
        long seniorId,
        String seniorName,
        String address,
        long itemId,
        String itemName,
        String skill,
        int durationMinutes,
        @JsonUnwrapped OrderAmounts amounts,
        Window window,
        String notes,
        OrderStatus status,
        Long responderId,
        String responderName,
        Integer etaSeconds,
        String bookedBy,
        Instant createdAt,
        Instant arrivedAt,
        Integer arrivedMeters,
        String farReason,
        Instant startedAt,
        Instant completedAt,
        Integer checkoutMeters,
        Integer serviceMinutes,
        Integer stars,
        String ratingComment,
        Instant ratedAt,
        Instant closedAt) {

    public record Window(Instant from, Instant to) {}

    /** The same view showing another responder id (a decline answers with the decliner's). */
    OrderView withResponderId(Long responderId) {
        return new OrderView(
                id,
                seniorId,
                seniorName,
                address,
                itemId,
                itemName,
                skill,
                durationMinutes,
                amounts,
                window,
                notes,
                status,
                responderId,
                responderName,
                etaSeconds,
                bookedBy,
                createdAt,
                arrivedAt,
                arrivedMeters,
                farReason,
                startedAt,
                completedAt,
                checkoutMeters,
                serviceMinutes,
                stars,
                ratingComment,
                ratedAt,
                closedAt);
    }

    static OrderView of(ServiceOrder o, Senior senior, Long responderId, String responderName) {
        return new OrderView(
                o.id(),
                o.seniorId(),
                senior == null ? null : senior.name(),
                senior == null ? null : senior.address(),
                o.itemId(),
                o.itemName(),
                o.skill(),
                o.durationMinutes(),
                OrderAmounts.of(o.price(), o.subsidy(), o.seniorPays()),
                new Window(o.windowFrom(), o.windowTo()),
                o.notes(),
                o.status(),
                responderId,
                responderName,
                o.etaSeconds(),
                o.bookedBy(),
                o.createdAt(),
                o.arrivedAt(),
                o.arrivedMeters(),
                o.farReason(),
                o.startedAt(),
                o.completedAt(),
                o.checkoutMeters(),
                o.serviceMinutes(),
                o.stars(),
                o.ratingComment(),
                o.ratedAt(),
                o.closedAt());
    }
}
