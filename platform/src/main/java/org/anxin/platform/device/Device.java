package org.anxin.platform.device;

import java.time.Instant;

/** A registered device and what is known of it now. */
public record Device(
        String id,
        String protocol,
        long seniorId,
        boolean online,
        Instant lastSeenAt,
        Integer battery,
        Double lat,
        Double lon) {}
