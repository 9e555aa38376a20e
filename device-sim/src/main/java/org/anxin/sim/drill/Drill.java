package org.anxin.sim.drill;

import java.time.Duration;

/**
 * The phases of a drill load: sending new events, then draining (only retrying what is in flight
 * until acked or the drain ends). SIGTERM ends the sending phase early: {@link #stop}.
 */
final class Drill {
    final AckLog log;
    private final long drainNanos;
    private volatile long sendUntil;
    private volatile long giveUpAt;

    Drill(AckLog log, Duration sending, Duration drain) {
        this.log = log;
        this.drainNanos = drain.toNanos();
        long now = System.nanoTime();
        this.sendUntil = now + sending.toNanos();
        this.giveUpAt = sendUntil + drainNanos;
    }

    boolean sending() {
        return System.nanoTime() - sendUntil < 0;
    }

    /** After the drain an event still unacknowledged is given up: reported as never acked, not as lost. */
    boolean gaveUp() {
        return System.nanoTime() - giveUpAt >= 0;
    }

    /** No new events from now on; those in flight are retried for the drain time. */
    void stop() {
        long now = System.nanoTime();
        if (sendUntil - now > 0) {
            sendUntil = now;
            giveUpAt = now + drainNanos;
        }
    }
}
