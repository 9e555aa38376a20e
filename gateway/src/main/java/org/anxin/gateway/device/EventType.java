package org.anxin.gateway.device;

import java.util.Optional;

/** The event types of the device event contract (docs/events.md). */
public enum EventType {
    SOS(true),
    FALL(true),
    LOW_BATTERY(true),
    WATCH_REMOVED(true),
    POWER_CUT(true),
    ALARM(true),
    LOCATION(true),
    HEARTBEAT(true),
    VITALS(true),
    ONLINE(false),
    OFFLINE(false);

    private final boolean deviceMaySend;

    EventType(boolean deviceMaySend) {
        this.deviceMaySend = deviceMaySend;
    }

    /** ONLINE and OFFLINE are facts about the connection, made only by the gateway. */
    public boolean deviceMaySend() {
        return deviceMaySend;
    }

    public static Optional<EventType> named(String name) {
        for (EventType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
