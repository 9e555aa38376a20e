package org.anxin.platform.alarm;

import java.time.Instant;

/** An alarm as the operator's queue shows it. */
public record Alarm(
        long id,
        String type,
        AlarmStatus status,
        long seniorId,
        String seniorName,
        String address,
        String deviceId,
        Instant raisedAt,
        Double lat,
        Double lon,
        int repeats,
        String outcome) {}
