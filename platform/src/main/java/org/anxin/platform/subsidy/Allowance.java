package org.anxin.platform.subsidy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.anxin.platform.system.Money;

/** A monthly allowance: an amount of money or hours of service (kept in minutes), or none yet. */
record Allowance(Money amount, Integer minutes) {
    static final Allowance NONE = new Allowance(null, null);

    static Allowance of(Integer cents, Integer minutes) {
        return new Allowance(cents == null ? null : Money.ofFen(cents), minutes);
    }

    /** The stored fen, null for an hours allowance. */
    Integer cents() {
        return amount == null ? null : Math.toIntExact(amount.fen());
    }

    boolean isSet() {
        return amount != null || minutes != null;
    }

    String text() {
        if (amount != null) {
            return amount + " a month";
        }
        return minutes != null ? hours(minutes) + " a month" : "no allowance";
    }

    /** The allowance as the API shows it: {@code amount} (Money) or {@code hours}; {@code yuan} is the old number. */
    record AllowanceView(
            Money amount,
            @Schema(deprecated = true, description = "amount.yuan as a number; use amount") BigDecimal yuan,
            BigDecimal hours) {}

    AllowanceView json() {
        return new AllowanceView(
                amount,
                amount == null ? null : amount.decimal(),
                minutes == null
                        ? null
                        : BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP));
    }

    /** "2 h", "1 h 30 min", "45 min". */
    static String hours(int minutes) {
        if (minutes % 60 == 0) {
            return minutes / 60 + " h";
        }
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }
}
