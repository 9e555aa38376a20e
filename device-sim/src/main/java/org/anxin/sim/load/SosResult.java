package org.anxin.sim.load;

import org.HdrHistogram.Histogram;

/** SOS presses, how many of their alarms reached the operator feed, and press → feed latency (ms). */
record SosResult(int count, int seen, Double p50Ms, Double p99Ms, Double maxMs) {

    static SosResult of(int count, int seen, Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new SosResult(count, seen, null, null, null);
        }
        return new SosResult(
                count,
                seen,
                ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(99)),
                ms(micros.getMaxValue()));
    }

    private static double ms(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }
}
