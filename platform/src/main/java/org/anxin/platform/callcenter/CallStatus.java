package org.anxin.platform.callcenter;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a call is. Inbound: {@code IN_IVR → QUEUED → RINGING} (an operator's phone) {@code →
 * ANSWERED → COMPLETED}, or {@code MISSED} (the caller hung up or gave up before anyone answered:
 * the desk calls back). Outbound: {@code QUEUED → RINGING → ANSWERED → COMPLETED}, or {@code MISSED}
 * (busy, no answer, cancelled) or {@code FAILED}.
 */
public enum CallStatus {
    IN_IVR,
    QUEUED,
    RINGING,
    ANSWERED,
    COMPLETED,
    MISSED,
    FAILED;

    public static final Set<CallStatus> LIVE = EnumSet.of(IN_IVR, QUEUED, RINGING, ANSWERED);

    public boolean live() {
        return LIVE.contains(this);
    }

    /** Twilio's status of a call ({@code CallStatus}), for a call that was answered or not. */
    static CallStatus fromTwilio(String status, boolean answered) {
        return switch (status) {
            case "queued", "initiated" -> QUEUED;
            case "ringing" -> RINGING;
            case "in-progress" -> ANSWERED;
            case "completed" -> answered ? COMPLETED : MISSED;
            case "busy", "no-answer", "canceled" -> MISSED;
            case "failed" -> FAILED;
            default -> null;
        };
    }
}
