package org.anxin.sim.city;

import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** What the whole fleet did, for the progress line, and every press made, for checking. */
public final class Counters {
    final AtomicLong sent = new AtomicLong();
    final AtomicLong acked = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong sos = new AtomicLong();
    final AtomicLong falls = new AtomicLong();
    private final Queue<Press> presses = new ConcurrentLinkedQueue<>();

    /** An SOS press or a fall a device reported (written to its connection). */
    public record Press(String deviceId, String type, Instant at) {}

    void pressed(String deviceId, String type) {
        presses.add(new Press(deviceId, type, Instant.now()));
        ("SOS".equals(type) ? sos : falls).incrementAndGet();
    }

    public List<Press> presses() {
        return List.copyOf(presses);
    }

    public long sent() {
        return sent.get();
    }

    public long acked() {
        return acked.get();
    }
}
