package org.anxin.platform.callcenter;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** When a senior gets their check-in call: daily or on one weekday, inside a time window (city time). */
public record CareSchedule(
        long id,
        long seniorId,
        CareFrequency frequency,
        Integer dayOfWeek,
        LocalTime windowStart,
        LocalTime windowEnd,
        boolean active,
        Instant nextDueAt,
        String createdBy,
        Instant createdAt) {

    /**
     * The first call of a new schedule: now if now is inside one of its windows, else the next
     * window's start.
     */
    static Instant firstDue(
            CareFrequency frequency, Integer dayOfWeek, LocalTime start, LocalTime end, Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (callsOn(frequency, dayOfWeek, today)) {
            Instant windowStart = today.atTime(start).atZone(zone).toInstant();
            Instant windowEnd = today.atTime(end).atZone(zone).toInstant();
            if (!now.isBefore(windowStart) && now.isBefore(windowEnd)) {
                return now;
            }
        }
        return nextStart(frequency, dayOfWeek, start, now, zone);
    }

    /** The first window start strictly after {@code after}. */
    static Instant nextStart(CareFrequency frequency, Integer dayOfWeek, LocalTime start, Instant after, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(after, zone);
        for (int i = 0; i <= 8; i++) {
            LocalDate candidate = day.plusDays(i);
            Instant at = candidate.atTime(start).atZone(zone).toInstant();
            if (callsOn(frequency, dayOfWeek, candidate) && at.isAfter(after)) {
                return at;
            }
        }
        throw new IllegalStateException("no window in the next 8 days");
    }

    private static boolean callsOn(CareFrequency frequency, Integer dayOfWeek, LocalDate day) {
        return frequency == CareFrequency.DAILY || day.getDayOfWeek() == DayOfWeek.of(dayOfWeek);
    }
}
