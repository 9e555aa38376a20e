package org.anxin.platform.device;

import java.time.Instant;
import java.util.UUID;

/**
 * A device event as the gateway handed it over (contract v1, docs/events.md).
 *
 * @param deviceTime null when the device did not say
 * @param lat null with {@code lon} when the device had no fix
 */
public record DeviceEvent(
        UUID eventId,
        String deviceId,
        String protocol,
        String type,
        Instant deviceTime,
        Instant receivedAt,
        Double lat,
        Double lon,
        Integer battery,
        String vendorCode,
        String attrs,
        String gatewayNode,
        String raw) {}
