package org.anxin.platform.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.CityDates;

/**
 * The dashboard's period [from, to): dates of the city (to included, so to its end) or instants;
 * by default the last 30 days up to now.
 */
record Period(Instant from, Instant to, ZoneId zone) {
    static final Duration DEFAULT = Duration.ofDays(30);
    static final long MAX_DAYS = 400;

    static Period parse(String fromText, String toText, Clock clock, ZoneId zone) {
        Instant to = blank(toText) ? clock.instant() : CityDates.bound(toText, true, zone);
        Instant from = blank(fromText) ? to.minus(DEFAULT) : CityDates.bound(fromText, false, zone);
        if (!from.isBefore(to)) {
            throw ApiProblem.badRequest("from must be before to");
        }
        if (Duration.between(from, to).toDays() > MAX_DAYS) {
            throw ApiProblem.badRequest("the dashboard covers at most " + MAX_DAYS + " days");
        }
        return new Period(from, to, zone);
    }

    LocalDate firstDay() {
        return from.atZone(zone).toLocalDate();
    }

    /** The last day the period touches (to is exclusive). */
    LocalDate lastDay() {
        return to.minusNanos(1).atZone(zone).toLocalDate();
    }

    YearMonth firstMonth() {
        return YearMonth.from(firstDay());
    }

    YearMonth lastMonth() {
        return YearMonth.from(lastDay());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
