package org.anxin.platform.notify;

import java.time.Instant;

/**
 * One SMS or call the platform made or meant to make, and what became of it.
 *
 * @param status {@code PENDING} (to be sent), {@code SENDING}, Twilio's own status once sent
 *     ({@code queued}, {@code delivered}, {@code completed}, {@code no-answer}…), {@code FAILED},
 *     or {@code NOT_SENT} when Twilio is not configured
 * @param digits the key a called contact pressed, if any
 */
public record Notification(
        long id,
        Long alarmId,
        String recipient,
        String phone,
        Channel channel,
        String purpose,
        String body,
        String status,
        String providerSid,
        String error,
        String digits,
        Instant createdAt,
        Instant updatedAt) {

    public enum Channel {
        SMS,
        VOICE
    }
}
