package org.anxin.platform.system;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of renminbi. Kept in fen (分) inside, so sums never round; at every API edge it has
 * one JSON shape, {@code {"fen": 8000, "yuan": "80.00"}}: {@code fen} for programs, {@code yuan}
 * as the exact decimal text a person reads. A request may give either field (both: they must
 * agree). The portal formats it with {@code Portal.money} in portal.js, and nowhere else.
 */
public record Money(long fen) implements Comparable<Money> {
    public static final Money ZERO = new Money(0);

    /** An amount that is not one: its message says why, fit for a 400 (ProblemAdvice shows it). */
    public static final class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }
    }

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /** Yuan with at most two decimals; more is a caller's error, never rounded away. */
    public static Money ofYuan(BigDecimal yuan) {
        if (yuan == null) {
            throw new Refused("an amount in yuan is missing");
        }
        if (yuan.stripTrailingZeros().scale() > 2) {
            throw new Refused("an amount in yuan has at most two decimals (fen): " + yuan);
        }
        try {
            return new Money(yuan.movePointRight(2).longValueExact());
        } catch (ArithmeticException e) {
            throw new Refused("amount out of range: " + yuan);
        }
    }

    public static Money ofYuan(String yuan) {
        if (yuan == null) {
            throw new Refused("an amount in yuan is missing");
        }
        try {
            return ofYuan(new BigDecimal(yuan.trim()));
        } catch (NumberFormatException e) {
            throw new Refused("not an amount in yuan: " + yuan);
        }
    }

    /** The JSON form: {@code fen}, {@code yuan} or both (then they must be the same amount). */
    @JsonCreator
    static Money fromJson(@JsonProperty("fen") Long fen, @JsonProperty("yuan") String yuan) {
        if (fen == null && yuan == null) {
            throw new Refused("an amount needs fen or yuan");
        }
        Money fromYuan = yuan == null ? null : ofYuan(yuan);
        if (fen != null && fromYuan != null && fromYuan.fen != fen) {
            throw new Refused("fen " + fen + " and yuan " + yuan + " disagree");
        }
        return fen != null ? new Money(fen) : fromYuan;
    }

    /** The exact decimal text, e.g. {@code "80.00"}. */
    @JsonProperty("yuan")
    public String yuan() {
        return decimal().toPlainString();
    }

    public BigDecimal decimal() {
        return BigDecimal.valueOf(fen, 2).setScale(2, RoundingMode.UNNECESSARY);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money times(long n) {
        return new Money(Math.multiplyExact(fen, n));
    }

    public Money min(Money other) {
        return fen <= other.fen ? this : other;
    }

    @JsonIgnore
    public boolean isZero() {
        return fen == 0;
    }

    @JsonIgnore
    public boolean isNegative() {
        return fen < 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    /** For logs, SMS and timeline notes: {@code "80.00 yuan"}. */
    @Override
    public String toString() {
        return yuan() + " yuan";
    }
}
