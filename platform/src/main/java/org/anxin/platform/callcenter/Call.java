package org.anxin.platform.callcenter;

import java.time.Instant;

/**
 * One call on the 12349 line, inbound or outbound.
 *
 * @param twilioStatus Twilio's last word on the call ({@code ringing}, {@code completed}, {@code no-answer}…)
 * @param ivrPath the keys the caller pressed in the menu, in order ({@code -} for no key)
 * @param priority place in the queue: 1 (emergency) before 3
 * @param purpose for outbound calls, why the platform called ({@code FAMILY_CALL}…)
 * @param ringing whose phone rings now (an operator's username, or the supervisors')
 * @param claimedBy the operator who took the call on the console (or answered it)
 * @param callbackNeeded nobody answered the caller: the desk calls back
 * @param alarmId the alarm the call raised or was made for
 * @param notificationId for an outbound call the platform placed, its notification
 */
public record Call(
        long id,
        String callSid,
        CallDirection direction,
        String from,
        String to,
        CallerKind callerKind,
        String callerName,
        Long seniorId,
        CallStatus status,
        String twilioStatus,
        IvrChoice choice,
        String ivrPath,
        int priority,
        String purpose,
        boolean afterHours,
        Instant startedAt,
        Instant queuedAt,
        Instant answeredAt,
        String answeredBy,
        String claimedBy,
        String ringing,
        Instant endedAt,
        Integer durationSeconds,
        String recordingUrl,
        boolean callbackNeeded,
        Long alarmId,
        Long notificationId) {}
