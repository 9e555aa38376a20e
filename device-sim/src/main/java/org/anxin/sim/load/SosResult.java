package org.anxin.sim.load;

import java.util.List;
import java.util.Objects;

/**
 * SOS presses and how long each took from the press to its alarm on the operator feed: over the
 * whole publish phase, and split into the reconnect wave (presses in its first {@code waveSeconds},
 * right after the ramp) and the steady state after it; warm-up presses made before the ramp (at
 * negative times) apart. With n presses in a part, its p99 is the ⌈0.99·n⌉-th fastest: for fewer
 * than 100 presses that is the slowest one.
 */
record SosResult(Part warmup, Part all, long waveSeconds, Part wave, Part steady, List<Press> presses) {

    /**
     * Presses, alarms seen on the feed, press → feed latency percentiles in ms, and the part of it
     * until the platform raised the alarm (press → raised, p50 and p99; the rest is raised → feed);
     * null when none seen.
     */
    record Part(
            int pressed,
            int seen,
            Double p50Ms,
            Double p99Ms,
            Double maxMs,
            Double toRaiseP50Ms,
            Double toRaiseP99Ms) {}

    /**
     * One press: seconds after the publish phase began; micros until its alarm was seen, or null;
     * micros until the platform raised it (from the alarm's own times), or null.
     */
    record Press(double atSeconds, Long micros, Long toRaiseMicros) {}

    SosResult {
        presses = List.copyOf(presses);
    }

    static SosResult of(List<Press> presses, long waveSeconds) {
        return new SosResult(
                part(presses.stream().filter(p -> p.atSeconds() < 0).toList()),
                part(presses.stream().filter(p -> p.atSeconds() >= 0).toList()),
                waveSeconds,
                part(presses.stream()
                        .filter(p -> p.atSeconds() >= 0 && p.atSeconds() < waveSeconds)
                        .toList()),
                part(presses.stream().filter(p -> p.atSeconds() >= waveSeconds).toList()),
                presses);
    }

    private static Part part(List<Press> presses) {
        long[] micros = sorted(presses.stream().map(Press::micros));
        long[] toRaise = sorted(presses.stream().map(Press::toRaiseMicros));
        if (micros.length == 0) {
            return new Part(presses.size(), 0, null, null, null, null, null);
        }
        return new Part(
                presses.size(),
                micros.length,
                ms(nearestRank(micros, 50)),
                ms(nearestRank(micros, 99)),
                ms(micros[micros.length - 1]),
                toRaise.length == 0 ? null : ms(nearestRank(toRaise, 50)),
                toRaise.length == 0 ? null : ms(nearestRank(toRaise, 99)));
    }

    private static long[] sorted(java.util.stream.Stream<Long> values) {
        return values.filter(Objects::nonNull)
                .mapToLong(Long::longValue)
                .sorted()
                .toArray();
    }

    /** The exact percentile of a few hundred values: the ⌈p/100·n⌉-th smallest. */
    private static long nearestRank(long[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double ms(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }
}
