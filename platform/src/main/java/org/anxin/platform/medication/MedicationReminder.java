package org.anxin.platform.medication;

import java.time.Instant;

/** One reminder sent (or claimed) for one medicine at one due time. */
public record MedicationReminder(
        long id, long seniorId, String medicine, String dose, Instant dueAt, String channel, Long notificationId) {}
