package org.anxin.sim.load;

import org.slf4j.Logger;

/** The once-a-second progress line of a load run: totals so far and the rate since the last line. */
final class ProgressLog {
    private final Logger log;
    private final LoadCounters counters;
    private final int devices;
    private long lastSent;
    private long lastAcked;

    ProgressLog(Logger log, LoadCounters counters, int devices) {
        this.log = log;
        this.counters = counters;
        this.devices = devices;
    }

    /** One line; called from one timer thread only. */
    void line(long startNanos, String phase) {
        long sent = counters.sent.sum();
        long acked = counters.acked.sum();
        log.info(
                "t={}s {}: connected {}/{} (failed {}), sent {} (+{}/s), acked {} (+{}/s), in flight {}, errors {}",
                (System.nanoTime() - startNanos) / 1_000_000_000L,
                phase,
                counters.connected.sum(),
                devices,
                counters.connectFailures.sum(),
                sent,
                sent - lastSent,
                acked,
                acked - lastAcked,
                counters.inFlight(),
                counters.errorTotal());
        lastSent = sent;
        lastAcked = acked;
    }
}
