package org.anxin.gateway.device;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One decoded device frame, as handed to the platform (contract v1, docs/events.md).
 *
 * @param deviceTime when the device says it happened; null when it did not say
 * @param position null when the device has no fix (never 0,0)
 * @param battery percent, null when unknown
 * @param attrs JSON object text of extra values, or null
 * @param raw the frame as received (text, or lower-case hex for binary protocols)
 */
public record DeviceEvent(
        UUID eventId,
        String deviceId,
        String protocol,
        EventType type,
        Instant deviceTime,
        Instant receivedAt,
        Position position,
        Integer battery,
        String vendorCode,
        String attrs,
        String raw) {

    public static final String CONTRACT_VERSION = "1";

    /** The Redis Stream entry fields, in contract order; absent values are left out. */
    public Map<String, String> toStreamFields(String gatewayNode) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("v", CONTRACT_VERSION);
        fields.put("eventId", eventId.toString());
        fields.put("deviceId", deviceId);
        fields.put("protocol", protocol);
        fields.put("type", type.name());
        if (deviceTime != null) {
            fields.put("deviceTime", deviceTime.toString());
        }
        fields.put("receivedAt", receivedAt.toString());
        if (position != null) {
            fields.put("lat", position.lat().toPlainString());
            fields.put("lon", position.lon().toPlainString());
        }
        if (battery != null) {
            fields.put("battery", battery.toString());
        }
        fields.put("gatewayNode", gatewayNode);
        if (vendorCode != null) {
            fields.put("vendorCode", vendorCode);
        }
        if (attrs != null) {
            fields.put("attrs", attrs);
        }
        fields.put("raw", raw);
        return fields;
    }

    /** An event the gateway itself makes about a connection (ONLINE, OFFLINE). */
    public static DeviceEvent connection(String deviceId, String protocol, EventType type, String attrs) {
        Instant now = Instant.now();
        return new DeviceEvent(EventIds.next(), deviceId, protocol, type, now, now, null, null, null, attrs, "");
    }
}
