package org.anxin.platform.grading;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anxin.platform.system.ApiProblem;

/** A calendar quarter of the city ({@code 2026Q4}): from its first day's start to the next quarter's, city time. */
record Quarter(int year, int number) implements Comparable<Quarter> {
    private static final Pattern TEXT = Pattern.compile("(\\d{4})Q([1-4])");

    static Quarter parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw ApiProblem.badRequest("quarter is written like 2026Q4, not " + text);
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2100) {
            throw ApiProblem.badRequest("quarter: a year from 2000 to 2100, not " + year);
        }
        return new Quarter(year, Integer.parseInt(m.group(2)));
    }

    static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    static Quarter of(Instant at, ZoneId zone) {
        return of(at.atZone(zone).toLocalDate());
    }

    LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    Instant start(ZoneId zone) {
        return firstDay().atStartOfDay(zone).toInstant();
    }

    /** The start of the next quarter: the end, exclusive. */
    Instant end(ZoneId zone) {
        return next().start(zone);
    }

    Quarter next() {
        return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
    }

    Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    @Override
    public int compareTo(Quarter o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(number, o.number);
    }

    @Override
    public String toString() {
        return year + "Q" + number;
    }
}
