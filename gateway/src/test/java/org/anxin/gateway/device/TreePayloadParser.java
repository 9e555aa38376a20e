package org.anxin.gateway.device;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payload parser as it was before the streaming one (a Jackson tree per payload), kept as
 * the reference the streaming {@link MqttPayloadParser} must agree with, result and reason alike.
 *
 * <p>Example payload (docs/events/samples.json, {@code mqtt-sos-with-fix}):
 * {@code {"type":"SOS","ts":"2026-11-22T08:00:00Z","lat":41.55,"lon":121.24,"battery":80}}
 */
final class TreePayloadParser {
    /**
     * Buffers recycled per thread: parsing runs on the few, fixed event-loop threads, and the default
     * pool (one deque shared by all threads) was a point of contention between them.
     */
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.threadLocalPool())
                    .build())
            .build();

    private TreePayloadParser() {}

    static DeviceEvent parse(String deviceId, String payload, Instant receivedAt) throws RejectedPayload {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new RejectedPayload("malformed JSON");
        }
        if (root == null || !root.isObject()) {
            throw new RejectedPayload("malformed JSON: not an object");
        }
        EventType type = type(root.get("type"));
        return new DeviceEvent(
                EventIds.next(),
                deviceId,
                "mqtt",
                type,
                deviceTime(root.get("ts")),
                receivedAt,
                position(root.get("lat"), root.get("lon")),
                battery(root.get("battery")),
                vendorCode(root.get("code")),
                type == EventType.VITALS ? vitals(root).toAttrs() : null,
                payload);
    }

    /** {@code {"type":"VITALS","heartRate":72,"systolic":120,"diastolic":80,"spo2":97,"temperature":36.6,"steps":1234}}. */
    private static Vitals vitals(JsonNode root) throws RejectedPayload {
        Vitals vitals;
        try {
            vitals = new Vitals(
                    whole(root, "heartRate"),
                    whole(root, "systolic"),
                    whole(root, "diastolic"),
                    whole(root, "spo2"),
                    decimal(root, "temperature"),
                    whole(root, "steps"));
        } catch (IllegalArgumentException e) {
            throw new RejectedPayload(e.getMessage());
        }
        if (vitals.isEmpty()) {
            throw new RejectedPayload("VITALS without a reading");
        }
        return vitals;
    }

    private static Integer whole(JsonNode root, String name) throws RejectedPayload {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new RejectedPayload(name + " must be a whole number");
        }
        return node.intValue();
    }

    private static BigDecimal decimal(JsonNode root, String name) throws RejectedPayload {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new RejectedPayload(name + " must be a number");
        }
        return exactDecimal(node);
    }

    private static EventType type(JsonNode node) throws RejectedPayload {
        if (node == null || node.isNull()) {
            throw new RejectedPayload("missing type");
        }
        if (!node.isString()) {
            throw new RejectedPayload("type must be a string");
        }
        EventType type = EventType.named(node.stringValue())
                .orElseThrow(() -> new RejectedPayload("unknown type " + preview(node.stringValue())));
        if (!type.deviceMaySend()) {
            throw new RejectedPayload("type " + type + " is made only by the gateway");
        }
        return type;
    }

    private static Instant deviceTime(JsonNode node) throws RejectedPayload {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new RejectedPayload("ts is not ISO-8601");
        }
        try {
            return OffsetDateTime.parse(node.stringValue()).toInstant();
        } catch (DateTimeParseException e) {
            throw new RejectedPayload("ts is not ISO-8601 with a zone: " + preview(node.stringValue()));
        }
    }

    private static Position position(JsonNode lat, JsonNode lon) throws RejectedPayload {
        boolean hasLat = lat != null && !lat.isNull();
        boolean hasLon = lon != null && !lon.isNull();
        if (!hasLat && !hasLon) {
            return null;
        }
        if (hasLat != hasLon) {
            throw new RejectedPayload("lat and lon must come together");
        }
        if (!lat.isNumber() || !lon.isNumber()) {
            throw new RejectedPayload("lat and lon must be numbers");
        }
        try {
            return new Position(exactDecimal(lat), exactDecimal(lon));
        } catch (IllegalArgumentException e) {
            throw new RejectedPayload(e.getMessage());
        }
    }

    private static BigDecimal exactDecimal(JsonNode node) {
        // the double's shortest decimal form: 41.55 stays "41.55"
        return node.isIntegralNumber()
                ? new BigDecimal(node.bigIntegerValue())
                : BigDecimal.valueOf(node.doubleValue());
    }

    private static Integer battery(JsonNode node) throws RejectedPayload {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0 || node.intValue() > 100) {
            throw new RejectedPayload("battery out of range (integer 0-100)");
        }
        return node.intValue();
    }

    private static String vendorCode(JsonNode node) throws RejectedPayload {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString() && !node.isIntegralNumber()) {
            throw new RejectedPayload("code must be a string or an integer");
        }
        String code =
                node.isString() ? node.stringValue() : node.bigIntegerValue().toString();
        if (code.length() > 64) {
            throw new RejectedPayload("code longer than 64 characters");
        }
        return code;
    }

    private static String preview(String value) {
        return value.length() <= 32 ? value : value.substring(0, 32) + "…";
    }
}
