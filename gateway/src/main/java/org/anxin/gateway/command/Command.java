package org.anxin.gateway.command;

import java.util.Map;

/**
 * A downlink command as the platform routes it to this node ({@code anxin:commands:{node}}):
 * which device, its protocol, the command type and its already validated parameters.
 *
 * @param numbers comma-separated phone numbers (SOS_NUMBERS), or null
 * @param number one phone number (CALL_BACK, MONITOR), or null
 * @param seconds an interval (UPLOAD_INTERVAL), or null
 * @param at a time of day, {@code HH:mm} (REMIND: a medicine's dose), or null
 * @param password a watch's new SMS control password (WATCH_PASSWORD), or null; never logged:
 *     {@link #toString()} masks it
 */
public record Command(
        long id,
        String deviceId,
        String protocol,
        String type,
        String numbers,
        String number,
        Integer seconds,
        String at,
        String password) {

    public static final String LOCATE = "LOCATE";
    public static final String SOS_NUMBERS = "SOS_NUMBERS";
    public static final String UPLOAD_INTERVAL = "UPLOAD_INTERVAL";
    public static final String CALL_BACK = "CALL_BACK";
    public static final String MONITOR = "MONITOR";
    /** A one-off reminder alarm at {@link #at} (a medicine's dose), on the watches that have one. */
    public static final String REMIND = "REMIND";
    /** A "3G" watch's SMS control password ({@code PW,123456}): it guards SMS commands, not the TCP login. */
    public static final String WATCH_PASSWORD = "WATCH_PASSWORD";

    /** A command without a password. */
    public Command(
            long id,
            String deviceId,
            String protocol,
            String type,
            String numbers,
            String number,
            Integer seconds,
            String at) {
        this(id, deviceId, protocol, type, numbers, number, seconds, at, null);
    }

    /** A command without a time of day. */
    public Command(
            long id, String deviceId, String protocol, String type, String numbers, String number, Integer seconds) {
        this(id, deviceId, protocol, type, numbers, number, seconds, null, null);
    }

    /** Reads a stream entry; throws IllegalArgumentException when a field is missing or malformed. */
    public static Command fromFields(Map<String, String> f) {
        String id = f.get("commandId");
        String deviceId = f.get("deviceId");
        String protocol = f.get("protocol");
        String type = f.get("type");
        if (id == null || deviceId == null || protocol == null || type == null) {
            throw new IllegalArgumentException(
                    "command entry without commandId, deviceId, protocol or type: " + masked(f));
        }
        String seconds = f.get("seconds");
        try {
            return new Command(
                    Long.parseLong(id),
                    deviceId,
                    protocol,
                    type,
                    f.get("numbers"),
                    f.get("number"),
                    seconds == null ? null : Integer.valueOf(seconds),
                    f.get("at"),
                    f.get("password"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("command entry with a malformed number: " + masked(f), e);
        }
    }

    private static Map<String, String> masked(Map<String, String> fields) {
        if (!fields.containsKey("password")) {
            return fields;
        }
        Map<String, String> copy = new java.util.TreeMap<>(fields);
        copy.put("password", "***");
        return copy;
    }

    @Override
    public String toString() {
        return "Command[id=" + id + ", deviceId=" + deviceId + ", protocol=" + protocol + ", type=" + type
                + ", numbers=" + numbers + ", number=" + number + ", seconds=" + seconds + ", at=" + at
                + (password == null ? "" : ", password=***") + "]";
    }

    String[] numberList() {
        return numbers == null || numbers.isEmpty() ? new String[0] : numbers.split(",");
    }

    String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(type + " needs " + name);
        }
        return value;
    }
}
