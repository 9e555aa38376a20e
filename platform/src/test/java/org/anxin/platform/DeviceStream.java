package org.anxin.platform;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;

/** Device events written to the event streams exactly as a gateway writes them (docs/events.md). */
public final class DeviceStream {
    private DeviceStream() {}

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

    public static void xadd(UnifiedJedis redis, Map<String, String> fields) {
        redis.xadd(stream(fields.get("deviceId")), StreamEntryID.NEW_ENTRY, fields);
    }

    public static String stream(String deviceId) {
        return "anxin:events:" + Math.floorMod(deviceId.hashCode(), 8);
    }
}
