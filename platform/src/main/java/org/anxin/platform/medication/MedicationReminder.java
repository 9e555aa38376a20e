package org.anxin.platform.medication;

import java.time.Instant;

/**
 * One reminder sent (or claimed) for one medicine at one due time: by {@code SMS}, or on the
 * senior's {@code WATCH} by a REMIND command ({@code commandId}), where {@code commandStatus} is
 * how far it got and {@code acknowledgedAt} when the watch answered that it set the alarm.
 */
public record MedicationReminder(
        long id,
        long seniorId,
        String medicine,
        String dose,
        Instant dueAt,
        String channel,
        Long notificationId,
        Long commandId,
        String commandStatus,
        Instant acknowledgedAt) {

    MedicationReminder withCommand(String status, Instant acknowledged) {
        return new MedicationReminder(
                id, seniorId, medicine, dose, dueAt, channel, notificationId, commandId, status, acknowledged);
    }
}
