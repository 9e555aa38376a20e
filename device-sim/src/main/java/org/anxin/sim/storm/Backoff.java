package org.anxin.sim.storm;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The reconnect backoff of real devices: after the {@code n}-th failed attempt in a row (0 first)
 * wait {@code min(cap, base × 2^n)}, jittered to a uniformly random point in its upper half
 * ("equal jitter": never less than half, so a crowd spreads out without anyone retrying at once).
 */
record Backoff(double baseSeconds, double capSeconds) {
    Backoff {
        if (!(baseSeconds > 0) || capSeconds < baseSeconds) {
            throw new IllegalArgumentException("backoff base must be > 0 and its cap at least the base");
        }
    }

    /** The longest wait after the {@code n}-th failure in a row, before jitter. */
    double ceilingSeconds(int failures) {
        return Math.min(capSeconds, baseSeconds * Math.pow(2, Math.min(failures, 30)));
    }

    long delayNanos(int failures) {
        double ceiling = ceilingSeconds(failures);
        double seconds = ceiling / 2 + ThreadLocalRandom.current().nextDouble() * ceiling / 2;
        return (long) (seconds * 1e9);
    }
}
