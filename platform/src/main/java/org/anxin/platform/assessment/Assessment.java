package org.anxin.platform.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One recorded assessment, as the API shows it: every item's score, the dimension subtotals and the level. */
public record Assessment(
        long id,
        long seniorId,
        LocalDate assessedOn,
        String place,
        Reason reason,
        String assessor,
        String agency,
        Map<AbilityItem, Integer> scores,
        Map<Dimension, Integer> dimensions,
        int total,
        AbilityLevel levelByTotal,
        AbilityLevel level,
        String levelName,
        List<String> adjustments,
        boolean coma,
        boolean mentalDiagnosis,
        int riskEvents,
        Confirmer confirmedBy,
        String confirmerName,
        LocalDate dueOn,
        Instant recordedAt) {

    /** Why the assessment was made (GB/T 42195-2022 评估原因: 首次, 常规, 即时, 复评). */
    public enum Reason {
        FIRST,
        ROUTINE,
        IMMEDIATE,
        REVIEW
    }

    /** Who confirmed the result on the senior's side. */
    public enum Confirmer {
        SENIOR,
        GUARDIAN
    }
}
