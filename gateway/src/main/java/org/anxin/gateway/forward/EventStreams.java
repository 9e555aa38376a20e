package org.anxin.gateway.forward;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.anxin.gateway.device.EventType;

/**
 * Where a device's events go (docs/events.md): one device, one partition; device alarms in the
 * alarm lane {@code anxin:alarms:{p}}, which the platform reads ahead of the events lane
 * {@code anxin:events:{p}}, so an SOS never queues behind a backlog of positions.
 */
public record EventStreams(int partitions) {
    /** The event types that travel in the alarm lane. */
    public static final Set<EventType> ALARM_LANE = EnumSet.of(
            EventType.SOS,
            EventType.FALL,
            EventType.WATCH_REMOVED,
            EventType.POWER_CUT,
            EventType.LOW_BATTERY,
            EventType.ALARM);

    public EventStreams {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1");
        }
    }

    public int partitionOf(String deviceId) {
        return Math.floorMod(deviceId.hashCode(), partitions);
    }

    /** The events lane of the device's partition. */
    public String keyOf(String deviceId) {
        return "anxin:events:" + partitionOf(deviceId);
    }

    /** The stream an event of this type goes to. */
    public String keyOf(String deviceId, EventType type) {
        return ALARM_LANE.contains(type) ? "anxin:alarms:" + partitionOf(deviceId) : keyOf(deviceId);
    }

    /** Both streams a device's events may be in: alarm lane, events lane. */
    public List<String> keysOf(String deviceId) {
        return List.of("anxin:alarms:" + partitionOf(deviceId), keyOf(deviceId));
    }
}
