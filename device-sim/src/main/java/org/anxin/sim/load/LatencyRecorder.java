package org.anxin.sim.load;

import io.netty.util.concurrent.EventExecutor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * Send → PUBACK latency in microseconds, one histogram per event loop so that recording needs no
 * lock; {@link #merged()} is read once the loops have stopped.
 */
final class LatencyRecorder {
    /** A minute: anything slower is recorded as a minute. */
    static final long HIGHEST_MICROS = 60_000_000L;

    private final Map<EventExecutor, Histogram> perLoop = new ConcurrentHashMap<>();

    Histogram forLoop(EventExecutor loop) {
        return perLoop.computeIfAbsent(loop, l -> new Histogram(HIGHEST_MICROS, 3));
    }

    Histogram merged() {
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        perLoop.values().forEach(all::add);
        return all;
    }
}
