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
    /** Watch vitals stayed past the senior's limits (debounced by the vitals module). */
    static final String VITALS_ABNORMAL = "VITALS_ABNORMAL";
    /** A senior pressed 1 (emergency) on the 12349 line: raised by the call, no device. */
    static final String PHONE_SOS = "PHONE_SOS";
    /** A senior living alone did not answer their proactive care call (主动关怀), nor the retry. */
    static final String CARE_CHECK = "CARE_CHECK";

    private static final Map<String, Integer> PRIORITY = Map.ofEntries(
            Map.entry(SOS, 1),
            Map.entry(PHONE_SOS, 1),
            Map.entry(CARE_CHECK, 2),
            Map.entry(FALL, 1),
            Map.entry(WATCH_REMOVED, 2),
            Map.entry(GEOFENCE_EXIT, 2),
            Map.entry(INACTIVITY, 2),
            Map.entry(ALARM, 3),
            Map.entry(OFFLINE, 3),
            Map.entry(LOW_BATTERY, 4),
            Map.entry(VITALS_ABNORMAL, 2));

    private static final Map<String, String> CHINESE = Map.ofEntries(
            Map.entry(AlarmKind.SOS, "紧急呼叫"),
            Map.entry(AlarmKind.PHONE_SOS, "电话求助"),
            Map.entry(AlarmKind.CARE_CHECK, "主动关怀未应答"),
            Map.entry(AlarmKind.FALL, "跌倒"),
            Map.entry(AlarmKind.WATCH_REMOVED, "手表摘除"),
            Map.entry(AlarmKind.GEOFENCE_EXIT, "离开安全区域"),
            Map.entry(AlarmKind.INACTIVITY, "长时间无活动"),
            Map.entry(AlarmKind.ALARM, "设备"),
            Map.entry(AlarmKind.OFFLINE, "设备离线"),
            Map.entry(AlarmKind.LOW_BATTERY, "电量低"),
            Map.entry(AlarmKind.VITALS_ABNORMAL, "生命体征异常"));

    private AlarmKind() {}

    /** The kind's name in the texts families and supervisors read (the code itself if it has none). */
    static String chinese(String kind) {
        return CHINESE.getOrDefault(kind, kind);
    }

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
