package org.anxin.gateway.forward;

/** Which stream partition a device's events go to (docs/events.md): one device, one partition. */
public record EventStreams(int partitions) {
    public EventStreams {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1");
        }
    }

    public int partitionOf(String deviceId) {
        return Math.floorMod(deviceId.hashCode(), partitions);
    }

    public String keyOf(String deviceId) {
        return "anxin:events:" + partitionOf(deviceId);
    }
}
