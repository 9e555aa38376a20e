package org.anxin.platform.assessment;

/** The four first-level indicators (一级指标) of GB/T 42195-2022, table B.1 to B.4. */
public enum Dimension {
    SELF_CARE("自理能力", "Self-care"),
    BASIC_MOBILITY("基础运动能力", "Basic mobility"),
    MENTAL_STATE("精神状态", "Mental state"),
    PERCEPTION_AND_SOCIAL("感知觉与社会参与", "Perception and social participation");

    private final String zh;
    private final String en;

    Dimension(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
