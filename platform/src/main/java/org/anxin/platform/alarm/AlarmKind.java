package org.anxin.platform.alarm;

import java.util.Map;

/**
 * The alarm kinds and their priority in the queue (1 first). A fall or an SOS press never waits
 * behind anything else: a senior who fell may not be able to speak.
 */
final class AlarmKind {
    static final String SOS = "SOS";
    static final String FALL = "FALL";
    static final String WATCH_REMOVED = "WATCH_REMOVED";
    static final String GEOFENCE_EXIT = "GEOFENCE_EXIT";
    static final String INACTIVITY = "INACTIVITY";
    static final String ALARM = "ALARM";
    static final String OFFLINE = "OFFLINE";
    static final String LOW_BATTERY = "LOW_BATTERY";
    /** A senior pressed 1 (emergency) on the 12349 line: raised by the call, no device. */
    static final String PHONE_SOS = "PHONE_SOS";
    /** A senior living alone did not answer their proactive care call (主动关怀), nor the retry. */
    static final String CARE_CHECK = "CARE_CHECK";

    private static final Map<String, Integer> PRIORITY = Map.of(
            SOS, 1,
            PHONE_SOS, 1,
            CARE_CHECK, 2,
            FALL, 1,
            WATCH_REMOVED, 2,
            GEOFENCE_EXIT, 2,
            INACTIVITY, 2,
            ALARM, 3,
            OFFLINE, 3,
            LOW_BATTERY, 4);

    private AlarmKind() {}

    static int priority(String kind) {
        Integer priority = PRIORITY.get(kind);
        if (priority == null) {
            throw new IllegalArgumentException("not an alarm kind: " + kind);
        }
        return priority;
    }

    /** Device event types that raise an alarm of the same name. */
    static boolean raisedByEvent(String eventType) {
        return SOS.equals(eventType)
                || FALL.equals(eventType)
                || WATCH_REMOVED.equals(eventType)
                || LOW_BATTERY.equals(eventType)
                || ALARM.equals(eventType);
    }
}
