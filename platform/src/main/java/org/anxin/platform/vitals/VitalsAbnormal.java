package org.anxin.platform.vitals;

import java.time.Instant;

/**
 * A senior's readings of one kind stayed past a threshold for the debounce count: published in
 * the transaction that stored the last of them; the alarm desk raises VITALS_ABNORMAL.
 */
public record VitalsAbnormal(
        long seniorId, String deviceId, Instant at, VitalKind kind, double value, Double low, Double high) {

    /** "heart rate 142 bpm, above 130 (3 readings in a row)" — for the alarm's detail. */
    public String detail(int readings) {
        String limit = low != null && value < low ? "below " + number(low) : "above " + number(high);
        return kind.name() + " " + number(value) + " " + kind.unit() + ", " + limit + " (" + readings
                + " readings in a row)";
    }

    private static String number(Double v) {
        return v == Math.rint(v) ? Long.toString(v.longValue()) : v.toString();
    }
}
