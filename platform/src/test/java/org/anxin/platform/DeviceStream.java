package org.anxin.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/** Device events written to the event streams exactly as a gateway writes them (docs/events.md). */
public final class DeviceStream {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DeviceStream() {}

    /** {@link #entry(String, String, Instant, Instant)} with an ISO-8601 device time, received now. */
    public static Map<String, String> entry(String deviceId, String type, String deviceTime) {
        return entry(deviceId, type, Instant.parse(deviceTime), Instant.now());
    }

    public static Map<String, String> entry(String deviceId, String type, Instant deviceTime, Instant receivedAt) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("v", "1");
        fields.put("eventId", UUID.randomUUID().toString());
        fields.put("deviceId", deviceId);
        fields.put("protocol", "mqtt");
        fields.put("type", type);
        fields.put("deviceTime", deviceTime.toString());
        fields.put("receivedAt", receivedAt.toString());
        fields.put("lat", "30.2741");
        fields.put("lon", "120.1551");
        fields.put("battery", "77");
        fields.put("gatewayNode", "it");
        fields.put("raw", "{\"type\":\"" + type + "\"}");
        return fields;
    }

    /**
     * A batch entry (contract v2) holding these single entries' events, all of one stream, as the
     * gateway writes the events lane: their {@code v} and {@code gatewayNode} once for the entry.
     */
    @SafeVarargs
    public static Map<String, String> batch(Map<String, String>... events) {
        return batch(List.of(events));
    }

    /** {@link #batch(Map[])} of a list. */
    public static Map<String, String> batch(List<Map<String, String>> events) {
        List<Map<String, String>> inner = new ArrayList<>();
        for (Map<String, String> event : events) {
            Map<String, String> fields = new LinkedHashMap<>(event);
            fields.remove("v");
            fields.remove("gatewayNode");
            inner.add(fields);
        }
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("v", "2");
        entry.put("gatewayNode", events.get(0).get("gatewayNode"));
        entry.put("events", JSON.writeValueAsString(inner));
        return entry;
    }

    /** Adds the entry (single or batch) to the events lane of its device's partition. */
    public static StreamEntryID xadd(UnifiedJedis redis, String deviceId, Map<String, String> fields) {
        return redis.xadd(stream(deviceId), StreamEntryID.NEW_ENTRY, fields);
    }

    public static void xadd(UnifiedJedis redis, Map<String, String> fields) {
        redis.xadd(stream(fields.get("deviceId")), StreamEntryID.NEW_ENTRY, fields);
    }

    public static String stream(String deviceId) {
        return "anxin:events:" + Math.floorMod(deviceId.hashCode(), 8);
    }
}
