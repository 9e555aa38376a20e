package org.anxin.platform.device;

import java.time.Instant;

/** A registered device and what is known of it now; {@code revokedAt} set once it was revoked (disabled for good). */
public record Device(
        String id,
        String protocol,
        long seniorId,
        boolean online,
        Instant lastSeenAt,
        Integer battery,
        Double lat,
        Double lon,
        Instant revokedAt) {}
