package org.anxin.gateway.device;

import java.math.BigDecimal;

/**
 * The readings of a {@code VITALS} event, carried in its {@code attrs} as
 * {@code {"heartRate":72,"systolic":120,"diastolic":80,"spo2":97,"temperature":36.6,"steps":1234}}
 * with absent readings left out (docs/events.md). Each value is checked against what a body (or a
 * pedometer) can read, so a device's garbage never reaches a senior's record as a measurement.
 *
 * @param heartRate beats per minute
 * @param systolic blood pressure, mmHg
 * @param diastolic blood pressure, mmHg
 * @param spo2 blood oxygen saturation, percent
 * @param temperature body temperature, °C
 * @param steps pedometer count of the day
 */
public record Vitals(
        Integer heartRate, Integer systolic, Integer diastolic, Integer spo2, BigDecimal temperature, Integer steps) {

    /** @throws IllegalArgumentException naming the reading out of range */
    public Vitals {
        check("heartRate", heartRate, 20, 250);
        check("systolic", systolic, 40, 300);
        check("diastolic", diastolic, 20, 200);
        check("spo2", spo2, 50, 100);
        check("steps", steps, 0, 1_000_000);
        if (temperature != null
                && (temperature.compareTo(BigDecimal.valueOf(25)) < 0
                        || temperature.compareTo(BigDecimal.valueOf(45)) > 0)) {
            throw new IllegalArgumentException("temperature out of range (25-45 °C): " + temperature.toPlainString());
        }
        if ((systolic == null) != (diastolic == null)) {
            throw new IllegalArgumentException("systolic and diastolic must come together");
        }
    }

    public boolean isEmpty() {
        return heartRate == null
                && systolic == null
                && diastolic == null
                && spo2 == null
                && temperature == null
                && steps == null;
    }

    /** The {@code attrs} JSON object, readings in contract order. */
    public String toAttrs() {
        StringBuilder json = new StringBuilder("{");
        append(json, "heartRate", heartRate);
        append(json, "systolic", systolic);
        append(json, "diastolic", diastolic);
        append(json, "spo2", spo2);
        append(
                json,
                "temperature",
                temperature == null ? null : temperature.stripTrailingZeros().toPlainString());
        append(json, "steps", steps);
        return json.append('}').toString();
    }

    private static void append(StringBuilder json, String name, Object value) {
        if (value != null) {
            json.append(json.length() > 1 ? "," : "")
                    .append('"')
                    .append(name)
                    .append("\":")
                    .append(value);
        }
    }

    private static void check(String name, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new IllegalArgumentException(name + " out of range (" + min + "-" + max + "): " + value);
        }
    }
}
