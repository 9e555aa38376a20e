package org.anxin.platform.order;

/** The batch's Hungarian method, reached from the day-plan benchmark (bench/day-plans.sh); not a test. */
public final class HungarianForBench {
    public static final long INFEASIBLE = Hungarian.INFEASIBLE;

    private HungarianForBench() {}

    /** For each row, the chosen column, or -1. */
    public static int[] assign(long[][] cost) {
        return Hungarian.assign(cost);
    }
}
