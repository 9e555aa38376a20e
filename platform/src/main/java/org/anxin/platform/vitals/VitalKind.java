package org.anxin.platform.vitals;

/**
 * What a watch measures, the {@code attrs} key it arrives under (docs/events.md), its unit, the
 * range a real reading can have (outside it a value is a sensor fault and is dropped), and the
 * default alarm limits: a reading below {@code low} or above {@code high} is abnormal. The
 * defaults are NEWS2's red boundaries (Royal College of Physicians, National Early Warning Score
 * 2, 2017: pulse ≤40 or ≥131, systolic ≤90, SpO2 ≤91 on scale 1, temperature ≤35.0) and the
 * AHA's hypertensive crisis (systolic >180 or diastolic >120); temperature above 39.0 is NEWS2's
 * score 2. Sources and reasoning: docs/family.md.
 */
public enum VitalKind {
    HEART_RATE("heartRate", "bpm", 20, 250, 41.0, 130.0),
    SYSTOLIC("systolic", "mmHg", 50, 300, 91.0, 180.0),
    DIASTOLIC("diastolic", "mmHg", 20, 200, null, 120.0),
    SPO2("spo2", "%", 50, 100, 92.0, null),
    TEMPERATURE("temperature", "°C", 30, 45, 35.1, 39.0),
    STEPS("steps", "steps", 0, 200_000, null, null);

    final String attr;
    final String unit;
    final double min;
    final double max;
    final Double defaultLow;
    final Double defaultHigh;

    VitalKind(String attr, String unit, double min, double max, Double defaultLow, Double defaultHigh) {
        this.attr = attr;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.defaultLow = defaultLow;
        this.defaultHigh = defaultHigh;
    }

    public String unit() {
        return unit;
    }

    boolean plausible(double value) {
        return value >= min && value <= max;
    }
}
