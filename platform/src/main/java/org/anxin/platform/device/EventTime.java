package org.anxin.platform.device;

import java.time.Duration;
import java.time.Instant;

/**
 * The time a device event is filed under ({@code device_events.event_time}, the partition key): the
 * device's own time when it is plausible, else when the gateway received it. A resent event carries
 * the same device time, so both copies are filed alike and the de-duplication finds the second.
 * Migration V60 applied the same rule to the rows stored before it.
 */
final class EventTime {
    /** A device clock this far behind the gateway's is believed (events buffered while offline). */
    static final Duration BUFFERED = Duration.ofDays(30);
    /** And this far ahead. */
    static final Duration AHEAD = Duration.ofDays(1);

    private EventTime() {}

    static Instant of(Instant deviceTime, Instant receivedAt) {
        if (deviceTime == null
                || deviceTime.isBefore(receivedAt.minus(BUFFERED))
                || deviceTime.isAfter(receivedAt.plus(AHEAD))) {
            return receivedAt;
        }
        return deviceTime;
    }
}
