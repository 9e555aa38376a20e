package org.anxin.platform.callcenter;

import java.time.Instant;

/**
 * One check-in of a care schedule: the call (and its retries) and how it went.
 *
 * @param attempts calls placed so far
 * @param digits the key the senior pressed on the last call, if any
 * @param alarmId the CARE_CHECK alarm raised when nobody answered
 */
public record CareCheck(
        long id,
        long scheduleId,
        long seniorId,
        CareCheckStatus status,
        int attempts,
        Instant calledAt,
        Instant retryAt,
        String digits,
        Long alarmId,
        Instant createdAt,
        Instant updatedAt) {}
