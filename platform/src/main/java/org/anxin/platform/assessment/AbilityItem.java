package org.anxin.platform.assessment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 26 second-level items (二级指标) of GB/T 42195-2022 annex B, each scored from 0 (worst) to
 * its maximum (best). The maxima add up to the standard's 90 points: self-care 8 × 4 = 32, basic
 * mobility 4 + 4 + 4 + 3 = 15, mental state 6 × 4 + 1 + 1 + 2 = 28, perception and social
 * participation 2 + 2 + 4 + 3 + 4 = 15. Source: GB/T 42195-2022 annex B (评估表 B.1–B.4), as
 * reproduced in assessors' training material; see docs/assessment.md.
 */
public enum AbilityItem {
    EATING("B.1.1", Dimension.SELF_CARE, 4, "进食", "Eating"),
    GROOMING("B.1.2", Dimension.SELF_CARE, 4, "修饰", "Grooming"),
    BATHING("B.1.3", Dimension.SELF_CARE, 4, "洗澡", "Bathing"),
    DRESSING_UPPER("B.1.4", Dimension.SELF_CARE, 4, "穿/脱上衣", "Dressing the upper body"),
    DRESSING_LOWER("B.1.5", Dimension.SELF_CARE, 4, "穿/脱裤子和鞋袜", "Trousers, shoes and socks"),
    BLADDER("B.1.6", Dimension.SELF_CARE, 4, "小便控制", "Bladder control"),
    BOWEL("B.1.7", Dimension.SELF_CARE, 4, "大便控制", "Bowel control"),
    TOILETING("B.1.8", Dimension.SELF_CARE, 4, "如厕", "Toileting"),
    BED_MOBILITY("B.2.1", Dimension.BASIC_MOBILITY, 4, "床上体位转移", "Turning and sitting up in bed"),
    BED_CHAIR_TRANSFER("B.2.2", Dimension.BASIC_MOBILITY, 4, "床椅转移", "Bed–chair transfer"),
    WALKING("B.2.3", Dimension.BASIC_MOBILITY, 4, "平地行走", "Walking on level ground"),
    STAIRS("B.2.4", Dimension.BASIC_MOBILITY, 3, "上下楼梯", "Stairs"),
    TIME_ORIENTATION("B.3.1", Dimension.MENTAL_STATE, 4, "时间定向", "Orientation in time"),
    PLACE_ORIENTATION("B.3.2", Dimension.MENTAL_STATE, 4, "空间定向", "Orientation in space"),
    PERSON_ORIENTATION("B.3.3", Dimension.MENTAL_STATE, 4, "人物定向", "Orientation to people"),
    MEMORY("B.3.4", Dimension.MENTAL_STATE, 4, "记忆", "Memory"),
    COMPREHENSION("B.3.5", Dimension.MENTAL_STATE, 4, "理解能力", "Comprehension"),
    EXPRESSION("B.3.6", Dimension.MENTAL_STATE, 4, "表达能力", "Expression"),
    AGGRESSION("B.3.7", Dimension.MENTAL_STATE, 1, "攻击行为", "Aggressive behaviour (1 = none)"),
    DEPRESSION("B.3.8", Dimension.MENTAL_STATE, 1, "抑郁症状", "Depressive symptoms (1 = none)"),
    CONSCIOUSNESS("B.3.9", Dimension.MENTAL_STATE, 2, "意识水平", "Level of consciousness"),
    VISION("B.4.1", Dimension.PERCEPTION_AND_SOCIAL, 2, "视力", "Vision"),
    HEARING("B.4.2", Dimension.PERCEPTION_AND_SOCIAL, 2, "听力", "Hearing"),
    DAILY_AFFAIRS("B.4.3", Dimension.PERCEPTION_AND_SOCIAL, 4, "执行日常事务", "Daily affairs"),
    TRANSPORT("B.4.4", Dimension.PERCEPTION_AND_SOCIAL, 3, "使用交通工具外出", "Going out by transport"),
    SOCIAL_CONTACT("B.4.5", Dimension.PERCEPTION_AND_SOCIAL, 4, "社会交往能力", "Social contact");

    /** The total of every item's maximum: 90 points, the only total that is 能力完好. */
    public static final int MAX_TOTAL =
            Arrays.stream(values()).mapToInt(AbilityItem::max).sum();

    private final String code;
    private final Dimension dimension;
    private final int max;
    private final String zh;
    private final String en;

    AbilityItem(String code, Dimension dimension, int max, String zh, String en) {
        this.code = code;
        this.dimension = dimension;
        this.max = max;
        this.zh = zh;
        this.en = en;
    }

    public String code() {
        return code;
    }

    public Dimension dimension() {
        return dimension;
    }

    public int max() {
        return max;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** The item named by its enum name (EATING) or its code in the standard (B.1.1). */
    public static Optional<AbilityItem> named(String name) {
        return Arrays.stream(values())
                .filter(i -> i.name().equals(name) || i.code.equals(name))
                .findFirst();
    }
}
