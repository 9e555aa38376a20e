package org.anxin.gateway.forward;

import org.anxin.gateway.device.DeviceEvent;

/** Where decoded events go. The callback runs on a forwarder thread, never on an event loop. */
public interface HandOff {

    /**
     * Queues the event for a durable hand-off.
     *
     * @return false when the queue is full (nothing was queued; the caller must not ack)
     */
    boolean submit(DeviceEvent event, Outcome outcome);

    /** True while the queue is deep enough that connections should stop reading. */
    boolean congested();

    /** Runs once the queue has drained below the low-water mark. */
    void whenDrained(Runnable task);

    @FunctionalInterface
    interface Outcome {
        void handedOff(boolean stored);

        Outcome IGNORE = stored -> {};
    }
}
