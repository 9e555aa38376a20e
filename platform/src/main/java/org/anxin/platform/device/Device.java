package org.anxin.platform.device;

import java.time.Instant;

/**
 * A registered device and what is known of it now; {@code revokedAt} set once it was revoked (disabled for good);
 * {@code groupId} the device group whose source networks its logins must come from (null: none).
 */
public record Device(
        String id,
        String protocol,
        long seniorId,
        boolean online,
        Instant lastSeenAt,
        Integer battery,
        Double lat,
        Double lon,
        Instant revokedAt,
        Long groupId) {}
