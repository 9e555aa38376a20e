package org.anxin.sim.load;

import java.time.Duration;

/** The publish phase: devices send only while it is open; written by the control thread. */
final class PublishWindow {
    private volatile long startNanos;
    private volatile long endNanos;
    private volatile boolean opened;

    void open(long startNanos, Duration length) {
        this.startNanos = startNanos;
        this.endNanos = startNanos + length.toNanos();
        this.opened = true;
    }

    boolean isOpen(long nowNanos) {
        return opened && nowNanos - endNanos < 0;
    }

    long startNanos() {
        return startNanos;
    }

    long endNanos() {
        return endNanos;
    }
}
