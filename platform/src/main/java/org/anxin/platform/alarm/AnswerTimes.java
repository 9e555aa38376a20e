package org.anxin.platform.alarm;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.CityDates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How fast alarms were answered, against the telecare audit thresholds: 97.5 % within 60 s and
 * 99 % within 180 s. The answer is the first move an operator made on the alarm (acknowledge,
 * dispatch, false alarm, cancel); an alarm nobody answered counts as answered in neither.
 */
@Component
class AnswerTimes {
    static final double TARGET_60 = 97.5;
    static final double TARGET_180 = 99.0;

    private final JdbcClient db;
    private final Clock clock;
    private final ZoneId zone;

    AnswerTimes(JdbcClient db, Clock clock, ZoneId zone) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
    }

    /** Answer times of the alarms raised in [from, to), overall, per operator and per city day. */
    record AnswerTimesReport(
            Instant from,
            Instant to,
            List<String> types,
            Targets targets,
            @JsonUnwrapped Figures overall,
            List<OperatorFigures> perOperator,
            List<DayFigures> perDay) {}

    /** The audit thresholds: answered within 60 s and within 180 s, in percent. */
    record Targets(double within60sPercent, double within180sPercent) {}

    /** Counts and answer-time figures of some alarms; percentages and seconds null for none. */
    record Figures(
            int count,
            int answered,
            int unanswered,
            Double within60sPercent,
            Double within180sPercent,
            Double medianSeconds,
            Double p90Seconds,
            Boolean meets60sTarget,
            Boolean meets180sTarget) {}

    record OperatorFigures(String operator, @JsonUnwrapped Figures figures) {}

    record DayFigures(LocalDate day, @JsonUnwrapped Figures figures) {}

    private record Row(Instant created, Long answerMillis, String operator) {}

    AnswerTimesReport report(String fromText, String toText, List<String> types) {
        Instant to = toText == null || toText.isBlank() ? clock.instant() : CityDates.bound(toText, true, zone);
        Instant from = fromText == null || fromText.isBlank()
                ? to.minus(Duration.ofDays(7))
                : CityDates.bound(fromText, false, zone);
        if (!from.isBefore(to)) {
            throw ApiProblem.badRequest("from must be before to");
        }
        if (Duration.between(from, to).toDays() > 400) {
            throw ApiProblem.badRequest("the report covers at most 400 days");
        }
        List<Row> rows = db.sql("select created_at, answered_at, answered_by from alarms where created_at >= ?"
                        + " and created_at < ? and (cardinality(?::text[]) = 0 or type = any(?::text[]))"
                        + " order by created_at")
                .params(
                        Timestamp.from(from),
                        Timestamp.from(to),
                        types.toArray(String[]::new),
                        types.toArray(String[]::new))
                .query((rs, n) -> {
                    Instant created = rs.getTimestamp("created_at").toInstant();
                    Timestamp answered = rs.getTimestamp("answered_at");
                    return new Row(
                            created,
                            answered == null
                                    ? null
                                    : Math.max(0, answered.toInstant().toEpochMilli() - created.toEpochMilli()),
                            rs.getString("answered_by"));
                })
                .list();

        Map<String, List<Row>> byOperator = new TreeMap<>();
        Map<LocalDate, List<Row>> byDay = new TreeMap<>();
        for (Row row : rows) {
            if (row.operator() != null) {
                byOperator
                        .computeIfAbsent(row.operator(), k -> new ArrayList<>())
                        .add(row);
            }
            byDay.computeIfAbsent(row.created().atZone(zone).toLocalDate(), k -> new ArrayList<>())
                    .add(row);
        }
        return new AnswerTimesReport(
                from,
                to,
                types,
                new Targets(TARGET_60, TARGET_180),
                figures(rows),
                byOperator.entrySet().stream()
                        .map(e -> new OperatorFigures(e.getKey(), figures(e.getValue())))
                        .toList(),
                byDay.entrySet().stream()
                        .map(e -> new DayFigures(e.getKey(), figures(e.getValue())))
                        .toList());
    }

    private static Figures figures(List<Row> rows) {
        List<Long> answered = rows.stream()
                .map(Row::answerMillis)
                .filter(m -> m != null)
                .sorted()
                .toList();
        long within60 = answered.stream().filter(m -> m <= 60_000).count();
        long within180 = answered.stream().filter(m -> m <= 180_000).count();
        Double pct60 = percent(within60, rows.size());
        Double pct180 = percent(within180, rows.size());
        return new Figures(
                rows.size(),
                answered.size(),
                rows.size() - answered.size(),
                pct60,
                pct180,
                seconds(percentile(answered, 50)),
                seconds(percentile(answered, 90)),
                pct60 == null ? null : pct60 >= TARGET_60,
                pct180 == null ? null : pct180 >= TARGET_180);
    }

    private static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 100.0;
    }

    /** Nearest-rank percentile of sorted values; null for none. */
    static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static Double seconds(Long millis) {
        return millis == null ? null : millis / 1000.0;
    }
}
