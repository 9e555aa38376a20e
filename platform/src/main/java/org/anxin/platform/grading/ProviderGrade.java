package org.anxin.platform.grading;

/**
 * A provider's figures for a quarter, its score (0–100) and grade; {@code provisional} while the
 * quarter has not ended. Percentages are of the quarter's visits (checked in during the quarter);
 * a figure with nothing to measure is null and left out of the score. No visits: no score, no
 * grade. {@code flagged}: graded D, shown to the bureau and ranked last for home services.
 */
record ProviderGrade(
        long providerId,
        String providerName,
        String quarter,
        boolean provisional,
        long visits,
        long onTime,
        Double onTimePercent,
        long verified,
        Double verifiedPercent,
        long anomalies,
        long flaggedVisits,
        Double anomalyFreePercent,
        long ratings,
        Double meanRating,
        long complaints,
        Double complaintsPer100Visits,
        long followUps,
        long followUpsReached,
        Double meanSatisfaction,
        Double score,
        String grade,
        boolean flagged) {

    /** One complaint per this many visits (or more) scores the complaint figure 0. */
    static final double COMPLAINTS_FOR_ZERO_PER_VISIT = 0.1;

    /** The raw counts of a provider's quarter. */
    record Counts(
            long visits,
            long onTime,
            long verified,
            long anomalies,
            long flaggedVisits,
            long ratings,
            Double meanRating,
            long complaints,
            long followUps,
            long followUpsReached,
            Double meanSatisfaction) {}

    static ProviderGrade of(
            long providerId, String name, Quarter quarter, boolean provisional, Counts c, GradingWeights w) {
        Double onTime = share(c.onTime(), c.visits());
        Double verified = share(c.verified(), c.visits());
        Double anomalyFree = share(c.visits() - c.flaggedVisits(), c.visits());
        Double rating = c.meanRating() == null ? null : (c.meanRating() - 1) / 4;
        Double complaints =
                c.visits() == 0 ? null : Math.max(0, 1 - c.complaints() / (c.visits() * COMPLAINTS_FOR_ZERO_PER_VISIT));
        Double followUp = c.meanSatisfaction() == null ? null : (c.meanSatisfaction() - 1) / 4;
        double weighted = 0;
        double weights = 0;
        double[][] parts = {
            {value(onTime), w.onTime(), present(onTime)},
            {value(verified), w.verified(), present(verified)},
            {value(anomalyFree), w.anomalyFree(), present(anomalyFree)},
            {value(rating), w.rating(), present(rating)},
            {value(complaints), w.complaints(), present(complaints)},
            {value(followUp), w.followUp(), present(followUp)}
        };
        for (double[] p : parts) {
            if (p[2] > 0) {
                weighted += p[0] * p[1];
                weights += p[1];
            }
        }
        Double score = c.visits() == 0 || weights == 0 ? null : round1(100 * weighted / weights);
        String grade = score == null ? null : w.grade(score);
        return new ProviderGrade(
                providerId,
                name,
                quarter.toString(),
                provisional,
                c.visits(),
                c.onTime(),
                percent(onTime),
                c.verified(),
                percent(verified),
                c.anomalies(),
                c.flaggedVisits(),
                percent(anomalyFree),
                c.ratings(),
                c.meanRating() == null ? null : round2(c.meanRating()),
                c.complaints(),
                c.visits() == 0 ? null : round1(100.0 * c.complaints() / c.visits()),
                c.followUps(),
                c.followUpsReached(),
                c.meanSatisfaction() == null ? null : round2(c.meanSatisfaction()),
                score,
                grade,
                "D".equals(grade));
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static double value(Double v) {
        return v == null ? 0 : v;
    }

    private static double present(Double v) {
        return v == null ? 0 : 1;
    }

    private static Double percent(Double share) {
        return share == null ? null : round1(share * 100);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
