package org.anxin.platform.assessment;

/**
 * The five ability levels of GB/T 42195-2022 §6 (评估结果), from the total of the 26 items:
 * 90 能力完好; 66–89 轻度受损 (轻度失能); 46–65 中度受损 (中度失能); 30–45 重度受损 (重度失能);
 * 0–29 完全丧失 (完全失能). Declared from best to worst, so a higher ordinal is more impaired.
 */
public enum AbilityLevel {
    INTACT(90, "能力完好", "Ability intact"),
    MILD(66, "能力轻度受损（轻度失能）", "Mildly impaired"),
    MODERATE(46, "能力中度受损（中度失能）", "Moderately impaired"),
    SEVERE(30, "能力重度受损（重度失能）", "Severely impaired"),
    LOST(0, "能力完全丧失（完全失能）", "Ability lost");

    private final int lowestTotal;
    private final String zh;
    private final String en;

    AbilityLevel(int lowestTotal, String zh, String en) {
        this.lowestTotal = lowestTotal;
        this.zh = zh;
        this.en = en;
    }

    /** The level of a total score 0–90 before any adjustment. */
    public static AbilityLevel ofTotal(int total) {
        if (total < 0 || total > AbilityItem.MAX_TOTAL) {
            throw new IllegalArgumentException("a total is 0–" + AbilityItem.MAX_TOTAL + ", not " + total);
        }
        for (AbilityLevel level : values()) {
            if (total >= level.lowestTotal) {
                return level;
            }
        }
        throw new IllegalStateException("unreachable: LOST starts at 0");
    }

    /** One level more impaired, never beyond LOST. */
    public AbilityLevel worse() {
        return this == LOST ? LOST : values()[ordinal() + 1];
    }

    public boolean atLeast(AbilityLevel other) {
        return ordinal() >= other.ordinal();
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
