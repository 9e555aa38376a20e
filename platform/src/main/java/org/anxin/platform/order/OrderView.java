package org.anxin.platform.order;

import java.math.BigDecimal;
import java.time.Instant;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.system.Money;

/**
 * An order as the API shows it, with the item and price as booked. The amounts are {@code price},
 * {@code subsidyPays} and {@code seniorPays} ({@code price} = {@code subsidyPays} + {@code
 * seniorPays}); {@code …Yuan} and {@code …Cents} are the same amounts in the older shapes, kept
 * until every page reads the money shape.
 */
public record OrderView(
        long id,
        long seniorId,
        String seniorName,
        String address,
        long itemId,
        String itemName,
        String skill,
        int durationMinutes,
        Money price,
        Money subsidyPays,
        Money seniorPays,
        BigDecimal priceYuan,
        BigDecimal subsidyYuan,
        BigDecimal seniorPaysYuan,
        long priceCents,
        long subsidyCents,
        long seniorPaysCents,
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
                price,
                subsidyPays,
                seniorPays,
                priceYuan,
                subsidyYuan,
                seniorPaysYuan,
                priceCents,
                subsidyCents,
                seniorPaysCents,
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
                o.price(),
                o.subsidy(),
                o.seniorPays(),
                o.price().decimal(),
                o.subsidy().decimal(),
                o.seniorPays().decimal(),
                o.price().fen(),
                o.subsidy().fen(),
                o.seniorPays().fen(),
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
