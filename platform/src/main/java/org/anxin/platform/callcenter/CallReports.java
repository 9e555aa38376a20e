package org.anxin.platform.callcenter;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The 12349 line's figures for the centre and the bureau, over calls started (and work orders
 * created) between two dates of the city, inclusive. Answer speed is from joining the queue to an
 * operator picking up; a call is abandoned when the caller queued and nobody answered.
 */
@Component
class CallReports {
    static final int ANSWER_TARGET_SECONDS = 20;

    private final JdbcClient db;
    private final Clock clock;
    private final ZoneId zone;

    CallReports(JdbcClient db, Clock clock, ZoneId zone) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
    }

    /** One day's calls, or the whole range's ({@code day} null). */
    record CallFigures(
            LocalDate day,
            int inbound,
            int outbound,
            int queued,
            int answered,
            int abandoned,
            Double abandonmentPercent,
            Double answeredWithin20sPercent,
            Double averageAnswerSeconds,
            Double p90AnswerSeconds) {}

    record HourCount(int hour, int inbound) {}

    record TicketCount(String kind, String category, String status, int count) {}

    record Referrals(int referred, int accepted, int acceptedLate, int overdueNow, Double averageAcceptMinutes) {}

    record Evaluations(int count, Double averageScore, List<Integer> perScore) {}

    record CallReport(
            LocalDate from,
            LocalDate to,
            String zone,
            CallFigures total,
            List<CallFigures> perDay,
            List<HourCount> perHour,
            List<TicketCount> ticketsByKindCategoryStatus,
            Referrals referrals,
            Evaluations evaluations) {}

    CallReport report(LocalDate from, LocalDate to) {
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        String tz = zone.getId();
        List<CallFigures> total = figures("null::date", start, end, tz);
        List<CallFigures> perDay = figures("(started_at at time zone ?)::date", start, end, tz);
        return new CallReport(
                from,
                to,
                tz,
                total.isEmpty() ? new CallFigures(null, 0, 0, 0, 0, 0, null, null, null, null) : total.get(0),
                perDay,
                perHour(start, end, tz),
                tickets(start, end),
                referrals(start, end),
                evaluations(start, end));
    }

    private List<CallFigures> figures(String dayExpression, Timestamp start, Timestamp end, String tz) {
        boolean perDay = !dayExpression.startsWith("null");
        String wait = "extract(epoch from (answered_at - queued_at))::float8";
        var spec = db.sql("select " + dayExpression + " as day,"
                + " count(*) filter (where direction = 'INBOUND') as inbound,"
                + " count(*) filter (where direction = 'OUTBOUND') as outbound,"
                + " count(*) filter (where direction = 'INBOUND' and queued_at is not null) as queued,"
                + " count(*) filter (where direction = 'INBOUND' and queued_at is not null and answered_at is not null)"
                + " as answered,"
                + " count(*) filter (where direction = 'INBOUND' and queued_at is not null and answered_at is null"
                + " and ended_at is not null) as abandoned,"
                + " count(*) filter (where direction = 'INBOUND' and queued_at is not null and answered_at is not null"
                + " and " + wait + " <= " + ANSWER_TARGET_SECONDS + ") as within,"
                + " avg(" + wait + ") filter (where direction = 'INBOUND') as average,"
                + " percentile_cont(0.9) within group (order by " + wait + ") filter (where direction = 'INBOUND')"
                + " as p90"
                + " from calls where started_at >= ? and started_at < ?"
                + (perDay ? " group by 1 order by 1" : ""));
        if (perDay) {
            spec = spec.param(tz);
        }
        return spec.param(start)
                .param(end)
                .query((rs, n) -> {
                    int queued = rs.getInt("queued");
                    int abandoned = rs.getInt("abandoned");
                    return new CallFigures(
                            rs.getObject("day", LocalDate.class),
                            rs.getInt("inbound"),
                            rs.getInt("outbound"),
                            queued,
                            rs.getInt("answered"),
                            abandoned,
                            percent(abandoned, queued),
                            percent(rs.getInt("within"), queued),
                            round(rs.getObject("average", Double.class)),
                            round(rs.getObject("p90", Double.class)));
                })
                .list();
    }

    private List<HourCount> perHour(Timestamp start, Timestamp end, String tz) {
        return db.sql("select extract(hour from started_at at time zone ?)::int as hour, count(*) as inbound"
                        + " from calls where direction = 'INBOUND' and started_at >= ? and started_at < ?"
                        + " group by 1 order by 1")
                .params(tz, start, end)
                .query((rs, n) -> new HourCount(rs.getInt("hour"), rs.getInt("inbound")))
                .list();
    }

    private List<TicketCount> tickets(Timestamp start, Timestamp end) {
        return db.sql("select kind, category, status, count(*) as n from tickets where created_at >= ?"
                        + " and created_at < ? group by 1, 2, 3 order by 1, 2, 3")
                .params(start, end)
                .query((rs, n) -> new TicketCount(
                        rs.getString("kind"), rs.getString("category"), rs.getString("status"), rs.getInt("n")))
                .list();
    }

    private Referrals referrals(Timestamp start, Timestamp end) {
        return db.sql("select count(*) filter (where referred_at is not null) as referred,"
                        + " count(*) filter (where accepted_at is not null) as accepted,"
                        + " count(*) filter (where accepted_at > due_at) as late,"
                        + " count(*) filter (where status = 'REFERRED' and due_at < ?) as overdue,"
                        + " avg(extract(epoch from (accepted_at - referred_at)) / 60)::float8 as average"
                        + " from tickets where kind = 'REFERRAL' and created_at >= ? and created_at < ?")
                .params(Timestamp.from(clock.instant()), start, end)
                .query((rs, n) -> new Referrals(
                        rs.getInt("referred"),
                        rs.getInt("accepted"),
                        rs.getInt("late"),
                        rs.getInt("overdue"),
                        round(rs.getObject("average", Double.class))))
                .single();
    }

    private Evaluations evaluations(Timestamp start, Timestamp end) {
        List<Integer> perScore = db.sql("select s, (select count(*) from tickets where kind = 'EVALUATION'"
                        + " and satisfaction = s and created_at >= ? and created_at < ?) as n"
                        + " from generate_series(1, 5) as s order by s")
                .params(start, end)
                .query((rs, n) -> rs.getInt("n"))
                .list();
        Double average = db.sql("select avg(satisfaction)::float8 from tickets where kind = 'EVALUATION'"
                        + " and satisfaction is not null and created_at >= ? and created_at < ?")
                .params(start, end)
                .query(Double.class)
                .optional()
                .orElse(null);
        return new Evaluations(perScore.stream().mapToInt(Integer::intValue).sum(), round(average), perScore);
    }

    private static Double percent(int part, int whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 10.0) / 10.0;
    }
}
