package org.anxin.gateway.server;

import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.forward.HandOff;

/** A hand-off that counts what it queues and times each event from here to the Redis reply. */
final class MeteredHandOff implements HandOff {
    private final HandOff delegate;
    private final GatewayMetrics metrics;

    MeteredHandOff(HandOff delegate, GatewayMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public boolean submit(DeviceEvent event, Outcome outcome) {
        long start = System.nanoTime();
        boolean queued = delegate.submit(event, stored -> {
            metrics.stored(start, stored);
            outcome.handedOff(stored);
        });
        if (queued) {
            metrics.handedOff(event);
        } else {
            metrics.queueFull();
        }
        return queued;
    }

    @Override
    public boolean congested() {
        return delegate.congested();
    }

    @Override
    public void whenDrained(Runnable task) {
        delegate.whenDrained(task);
    }
}
