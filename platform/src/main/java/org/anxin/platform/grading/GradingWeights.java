package org.anxin.platform.grading;

import java.time.Instant;
import java.util.List;
import org.anxin.platform.system.ApiProblem;

/**
 * How a provider's figures make its score (0–100) and its grade: each figure's weight (any
 * non-negative numbers, at least one above zero; the score divides by the sum of the weights of
 * the figures a quarter has), and the scores at or above which the grade is A, B or C (below C: D).
 */
record GradingWeights(
        double onTime,
        double verified,
        double anomalyFree,
        double rating,
        double complaints,
        double followUp,
        double gradeA,
        double gradeB,
        double gradeC,
        Instant updatedAt,
        String updatedBy) {

    /** 400 unless the weights are non-negative with a positive sum and 100 ≥ A > B > C ≥ 0. */
    GradingWeights checked() {
        List<Double> weights = List.of(onTime, verified, anomalyFree, rating, complaints, followUp);
        if (weights.stream().anyMatch(w -> !Double.isFinite(w) || w < 0)) {
            throw ApiProblem.badRequest("weights must be numbers of at least 0");
        }
        if (weights.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw ApiProblem.badRequest("at least one weight must be above 0");
        }
        if (!(Double.isFinite(gradeA) && Double.isFinite(gradeB) && Double.isFinite(gradeC))
                || !(gradeA <= 100 && gradeA > gradeB && gradeB > gradeC && gradeC >= 0)) {
            throw ApiProblem.badRequest("thresholds must be ordered: 100 ≥ gradeA > gradeB > gradeC ≥ 0");
        }
        return this;
    }

    String grade(double score) {
        return score >= gradeA ? "A" : score >= gradeB ? "B" : score >= gradeC ? "C" : "D";
    }
}
