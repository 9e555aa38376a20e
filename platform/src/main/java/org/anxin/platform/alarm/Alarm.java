package org.anxin.platform.alarm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * An alarm as the operator's queue shows it.
 *
 * @param raisedAt when the device says it happened
 * @param createdAt when the desk raised it; the waiting clock and answer times start here
 * @param escalationLevel 0 none, 1 not answered in time (supervisor alerted)
 */
public record Alarm(
        long id,
        String type,
        int priority,
        AlarmStatus status,
        long seniorId,
        String seniorName,
        String address,
        String deviceId,
        Instant raisedAt,
        Instant createdAt,
        Double lat,
        Double lon,
        int repeats,
        String detail,
        String outcome,
        Instant answeredAt,
        String answeredBy,
        String responder,
        int escalationLevel,
        Instant familyNotifiedAt,
        String familyAcceptedBy,
        Instant closedAt) {

    /** This alarm with the senior's name and address (owned by the senior module). */
    Alarm withSenior(String name, String address) {
        return new Alarm(
                id,
                type,
                priority,
                status,
                seniorId,
                name,
                address,
                deviceId,
                raisedAt,
                createdAt,
                lat,
                lon,
                repeats,
                detail,
                outcome,
                answeredAt,
                answeredBy,
                responder,
                escalationLevel,
                familyNotifiedAt,
                familyAcceptedBy,
                closedAt);
    }

    /** Whether the alarm was escalated (a supervisor alerted): {@code escalationLevel > 0}. */
    @JsonProperty
    public boolean escalated() {
        return escalationLevel > 0;
    }
}
