package org.anxin.platform.order;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import org.anxin.platform.system.Money;

/**
 * An order's price and its split in the one money shape: {@code price} = {@code subsidyPays} +
 * {@code seniorPays}. The {@code …Yuan} and {@code …Cents} numbers are the same amounts in the
 * older shapes, deprecated and kept until every client reads the money shape. Unwrapped into
 * {@link OrderView} and the quote, so the JSON keeps its flat fields.
 */
public record OrderAmounts(
        Money price,
        Money subsidyPays,
        Money seniorPays,
        @Schema(deprecated = true, description = "price.yuan as a number; use price") BigDecimal priceYuan,
        @Schema(deprecated = true, description = "subsidyPays.yuan as a number; use subsidyPays")
                BigDecimal subsidyYuan,
        @Schema(deprecated = true, description = "seniorPays.yuan as a number; use seniorPays")
                BigDecimal seniorPaysYuan,
        @Schema(deprecated = true, description = "price.fen; use price") long priceCents,
        @Schema(deprecated = true, description = "subsidyPays.fen; use subsidyPays") long subsidyCents,
        @Schema(deprecated = true, description = "seniorPays.fen; use seniorPays") long seniorPaysCents) {

    static OrderAmounts of(Money price, Money subsidyPays, Money seniorPays) {
        return new OrderAmounts(
                price,
                subsidyPays,
                seniorPays,
                price.decimal(),
                subsidyPays.decimal(),
                seniorPays.decimal(),
                price.fen(),
                subsidyPays.fen(),
                seniorPays.fen());
    }
}
