package org.anxin.platform.ingest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.anxin.platform.device.DeviceEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the Redis Stream entries of the device event contract (docs/events.md): a single entry
 * (v1) holds one event, a batch entry (v2) several, each with a single entry's fields.
 */
final class StreamEntries {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final Set<String> TYPES = Set.of(
            "SOS",
            "FALL",
            "LOW_BATTERY",
            "WATCH_REMOVED",
            "POWER_CUT",
            "ALARM",
            "LOCATION",
            "HEARTBEAT",
            "VITALS",
            "ONLINE",
            "OFFLINE");
    private static final Set<String> PROTOCOLS = Set.of("mqtt", "watch", "gt06");

    private StreamEntries() {}

    /** Whether the entry is a batch entry (v2). */
    static boolean batch(Map<String, String> fields) {
        return "2".equals(fields.get("v"));
    }

    /**
     * The events an entry holds, each as the fields of a single entry: a single entry itself; for a
     * batch entry each element of its {@code events} array, with {@code v} 1 and the entry's
     * {@code gatewayNode}. Each is then read by {@link #parse(Map)}.
     *
     * @throws IllegalArgumentException with a reason when a batch entry's {@code events} is not a
     *     non-empty JSON array of objects whose values are strings
     */
    static List<Map<String, String>> events(Map<String, String> fields) {
        if (!batch(fields)) {
            return List.of(fields);
        }
        JsonNode array;
        try {
            array = JSON.readTree(required(fields, "events"));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("events is not JSON");
        }
        if (!array.isArray() || array.isEmpty()) {
            throw new IllegalArgumentException("events is not a non-empty array");
        }
        List<Map<String, String>> events = new ArrayList<>(array.size());
        for (JsonNode event : array) {
            if (!event.isObject()) {
                throw new IllegalArgumentException("an element of events is not an object");
            }
            Map<String, String> one = new HashMap<>();
            for (Map.Entry<String, JsonNode> field : event.properties()) {
                if (!field.getValue().isString()) {
                    throw new IllegalArgumentException(
                            "field " + printable(field.getKey()) + " of an element of events is not a string");
                }
                one.put(field.getKey(), field.getValue().asString());
            }
            one.put("v", "1");
            if (fields.get("gatewayNode") != null) {
                one.put("gatewayNode", fields.get("gatewayNode"));
            }
            events.add(one);
        }
        return events;
    }

    /**
     * One event, from a single entry's fields ({@link #events(Map)} gives those of a batch entry).
     *
     * @throws IllegalArgumentException with a reason when the entry breaks the contract
     */
    static DeviceEvent parse(Map<String, String> fields) {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            // PostgreSQL's text cannot hold a NUL: such an entry could never be stored
            if (field.getValue() != null && field.getValue().indexOf('\u0000') >= 0) {
                throw new IllegalArgumentException("field " + printable(field.getKey()) + " holds a NUL character");
            }
        }
        String version = required(fields, "v");
        if (!"1".equals(version)) {
            throw new IllegalArgumentException("unsupported contract version " + version);
        }
        String type = required(fields, "type");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown type " + type);
        }
        String protocol = required(fields, "protocol");
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("unknown protocol " + protocol);
        }
        Double lat = degrees(fields, "lat", 90);
        Double lon = degrees(fields, "lon", 180);
        if ((lat == null) != (lon == null)) {
            throw new IllegalArgumentException("lat and lon must come together");
        }
        Integer battery = null;
        if (fields.get("battery") != null) {
            try {
                battery = Integer.valueOf(fields.get("battery"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("battery is not a whole number");
            }
            if (battery < 0 || battery > 100) {
                throw new IllegalArgumentException("battery out of range");
            }
        }
        UUID eventId;
        try {
            eventId = UUID.fromString(required(fields, "eventId"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("eventId is not a UUID");
        }
        return new DeviceEvent(
                eventId,
                required(fields, "deviceId"),
                protocol,
                type,
                instant(fields, "deviceTime", false),
                instant(fields, "receivedAt", true),
                lat,
                lon,
                battery,
                fields.get("vendorCode"),
                fields.get("attrs"),
                fields.get("gatewayNode"),
                fields.getOrDefault("raw", ""));
    }

    /** {@code text} with each NUL (which PostgreSQL's text cannot hold) written as a backslash and "u0000". */
    static String printable(String text) {
        return text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "\\u0000");
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }

    private static Instant instant(Map<String, String> fields, String name, boolean required) {
        String value = required ? required(fields, name) : fields.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not an ISO-8601 instant");
        }
    }

    private static Double degrees(Map<String, String> fields, String name, double limit) {
        String value = fields.get(name);
        if (value == null) {
            return null;
        }
        double degrees;
        try {
            degrees = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number");
        }
        if (Double.isNaN(degrees) || Math.abs(degrees) > limit) {
            throw new IllegalArgumentException(name + " out of range");
        }
        return degrees;
    }
}
