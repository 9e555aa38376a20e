package org.anxin.platform.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Period bounds as reports take them: an instant, or a date of the city. */
public final class CityDates {
    private CityDates() {}

    /**
     * {@code 2026-11-22T08:00:00Z}, or {@code 2026-11-22} in {@code zone}: from the start of that day,
     * or (for the end of a period) to its end. 400 for anything else.
     */
    public static Instant bound(String text, boolean end, ZoneId zone) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException notInstant) {
            try {
                LocalDate day = LocalDate.parse(text.strip());
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiProblem.badRequest("from and to are dates (2026-11-22) or instants (2026-11-22T08:00:00Z)");
            }
        }
    }
}
