package org.anxin.platform.assessment;

import java.util.ArrayList;
import java.util.List;

/**
 * The level from the total, then the standard's adjustments (GB/T 42195-2022 §6.2, 能力等级变更依据):
 *
 * <ol>
 *   <li>a senior in a coma (昏迷) is 能力完全丧失 whatever the scores;
 *   <li>a diagnosed dementia (ICD-10 F00–F03), or another mental and behavioural disorder
 *       diagnosed by a psychiatrist (F04–F99), raises the level by one;
 *   <li>two or more care-risk events (跌倒, 噎食, 自杀, 自伤, 走失 …) in the last 30 days raise it by one.
 * </ol>
 *
 * Our reading: rules 2 and 3 are separate criteria, so a senior meeting both is raised twice
 * (never beyond 完全丧失). The standard does not say otherwise; docs/assessment.md records it.
 */
public final class LevelRules {
    private LevelRules() {}

    /** What the rules found: the level by the total, the final level, and why they differ. */
    public record Result(int total, AbilityLevel byTotal, AbilityLevel level, List<String> adjustments) {}

    public static Result apply(int total, boolean coma, boolean mentalDiagnosis, int riskEventsLast30Days) {
        if (riskEventsLast30Days < 0) {
            throw new IllegalArgumentException("risk events cannot be negative");
        }
        AbilityLevel byTotal = AbilityLevel.ofTotal(total);
        List<String> adjustments = new ArrayList<>();
        if (coma) {
            adjustments.add("COMA");
            return new Result(total, byTotal, AbilityLevel.LOST, adjustments);
        }
        AbilityLevel level = byTotal;
        if (mentalDiagnosis) {
            level = level.worse();
            adjustments.add("MENTAL_DIAGNOSIS");
        }
        if (riskEventsLast30Days >= 2) {
            level = level.worse();
            adjustments.add("RISK_EVENTS");
        }
        return new Result(total, byTotal, level, List.copyOf(adjustments));
    }
}
