package org.anxin.gateway.command;

import java.util.Map;

/**
 * A downlink command as the platform routes it to this node ({@code anxin:commands:{node}}):
 * which device, its protocol, the command type and its already validated parameters.
 *
 * @param numbers comma-separated phone numbers (SOS_NUMBERS), or null
 * @param number one phone number (CALL_BACK, MONITOR), or null
 * @param seconds an interval (UPLOAD_INTERVAL), or null
 */
public record Command(
        long id, String deviceId, String protocol, String type, String numbers, String number, Integer seconds) {

    public static final String LOCATE = "LOCATE";
    public static final String SOS_NUMBERS = "SOS_NUMBERS";
    public static final String UPLOAD_INTERVAL = "UPLOAD_INTERVAL";
    public static final String CALL_BACK = "CALL_BACK";
    public static final String MONITOR = "MONITOR";

    /** Reads a stream entry; throws IllegalArgumentException when a field is missing or malformed. */
    public static Command fromFields(Map<String, String> f) {
        String id = f.get("commandId");
        String deviceId = f.get("deviceId");
        String protocol = f.get("protocol");
        String type = f.get("type");
        if (id == null || deviceId == null || protocol == null || type == null) {
            throw new IllegalArgumentException("command entry without commandId, deviceId, protocol or type: " + f);
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
                    seconds == null ? null : Integer.valueOf(seconds));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("command entry with a malformed number: " + f, e);
        }
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
