package org.anxin.platform.order;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.anxin.platform.catalog.Catalog;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scheduled visits (定期巡访): a senior's recurring home visit — a weekly wellbeing visit, meals every
 * weekday — booked {@link #WEEKS_AHEAD} weeks ahead as ordinary orders, which then go through the
 * normal assignment, check-in, rating and settlement. Each date is dealt with once ({@code
 * visit_plan_dates}): booked, failed (with the reason the booking gave) or skipped, so a visit
 * cancelled for one week does not come back, and with several nodes only the one that recorded the
 * date books it.
 */
@Service
class VisitPlans {
    static final int WEEKS_AHEAD = 4;
    private static final Logger log = LoggerFactory.getLogger(VisitPlans.class);

    private final JdbcClient db;
    private final Orders orders;
    private final Catalog catalog;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ZoneId zone;

    VisitPlans(JdbcClient db, Orders orders, Catalog catalog, TransactionTemplate tx, Clock clock, ZoneId zone) {
        this.db = db;
        this.orders = orders;
        this.catalog = catalog;
        this.tx = tx;
        this.clock = clock;
        this.zone = zone;
    }

    record NewPlan(
            long seniorId,
            long itemId,
            Set<DayOfWeek> weekdays,
            LocalTime startTime,
            int windowMinutes,
            LocalDate startsOn,
            LocalDate endsOn,
            String notes) {}

    record VisitPlan(
            long id,
            long seniorId,
            long itemId,
            String itemName,
            List<Integer> weekdays,
            LocalTime startTime,
            int windowMinutes,
            LocalDate startsOn,
            LocalDate endsOn,
            String notes,
            boolean active,
            String createdBy,
            Instant createdAt) {}

    record VisitDate(LocalDate date, String status, Long orderId, String orderStatus, String reason, Instant at) {}

    ZoneId zone() {
        return zone;
    }

    /** Makes the plan and books its first weeks at once. */
    VisitPlan create(NewPlan plan, Viewer viewer) {
        viewer.checkMaySee(plan.seniorId());
        if (plan.weekdays().isEmpty()) {
            throw ApiProblem.badRequest("weekdays: choose at least one day of the week (1 = Monday … 7 = Sunday)");
        }
        if (plan.windowMinutes() < 15 || plan.windowMinutes() > 240) {
            throw ApiProblem.badRequest("windowMinutes must be 15 to 240, not " + plan.windowMinutes());
        }
        if (plan.endsOn() != null && plan.endsOn().isBefore(plan.startsOn())) {
            throw ApiProblem.badRequest("endsOn " + plan.endsOn() + " is before startsOn " + plan.startsOn());
        }
        catalog.find(plan.itemId())
                .filter(Catalog.Item::active)
                .orElseThrow(() -> ApiProblem.badRequest("item " + plan.itemId() + " is not in the catalogue"));
        Integer[] days =
                plan.weekdays().stream().map(DayOfWeek::getValue).sorted().toArray(Integer[]::new);
        long id = tx.execute(status -> db.sql("insert into visit_plans (senior_id, item_id, weekdays, start_time,"
                        + " window_minutes, starts_on, ends_on, notes, created_by, created_at)"
                        + " values (?, ?, ?::smallint[], ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(
                        plan.seniorId(),
                        plan.itemId(),
                        "{"
                                + String.join(
                                        ",",
                                        Arrays.stream(days).map(String::valueOf).toList()) + "}",
                        plan.startTime(),
                        plan.windowMinutes(),
                        plan.startsOn(),
                        plan.endsOn(),
                        plan.notes(),
                        viewer.username(),
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single());
        bookAhead(get(id, viewer));
        return get(id, viewer);
    }

    List<VisitPlan> forSenior(long seniorId, Viewer viewer) {
        viewer.checkMaySee(seniorId);
        return db.sql(SELECT + " where p.senior_id = ? order by p.id")
                .param(seniorId)
                .query(plans())
                .list();
    }

    VisitPlan get(long id, Viewer viewer) {
        VisitPlan plan = db.sql(SELECT + " where p.id = ?")
                .param(id)
                .query(plans())
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("no visit plan " + id));
        viewer.checkMaySee(plan.seniorId());
        return plan;
    }

    List<VisitDate> dates(long id, Viewer viewer) {
        get(id, viewer);
        return db.sql("select d.visit_date, d.status, d.order_id, o.status, d.reason, d.at from visit_plan_dates d"
                        + " left join service_orders o on o.id = d.order_id where d.plan_id = ? order by d.visit_date")
                .param(id)
                .query((rs, n) -> new VisitDate(
                        rs.getObject(1, LocalDate.class),
                        rs.getString(2),
                        (Long) rs.getObject(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** Ends the plan: no further dates are booked; visits already booked stay (cancel them one by one). */
    VisitPlan stop(long id, Viewer viewer) {
        get(id, viewer);
        db.sql("update visit_plans set active = false, stopped_by = ?, stopped_at = ? where id = ? and active")
                .params(viewer.username(), Timestamp.from(clock.instant()), id)
                .update();
        return get(id, viewer);
    }

    /** Skips one date that is not booked yet (a holiday, a hospital stay); a booked one is cancelled as an order. */
    VisitDate skip(long id, LocalDate date, Viewer viewer) {
        get(id, viewer);
        int made = db.sql("insert into visit_plan_dates (plan_id, visit_date, status, reason, at)"
                        + " values (?, ?, 'SKIPPED', ?, ?) on conflict do nothing")
                .params(id, date, "skipped by " + viewer.username(), Timestamp.from(clock.instant()))
                .update();
        if (made == 0) {
            throw ApiProblem.conflict("the visit of " + date + " is already dealt with; cancel its order instead");
        }
        return dates(id, viewer).stream()
                .filter(d -> d.date().equals(date))
                .findFirst()
                .orElseThrow();
    }

    /** Books every active plan's dates within the next weeks, hourly on every node (each date once). */
    @Scheduled(initialDelayString = "${anxin.visit-plans.first-ms:120000}", fixedDelay = 3_600_000)
    int bookAheadAll() {
        int booked = 0;
        for (VisitPlan plan : db.sql(SELECT + " where p.active").query(plans()).list()) {
            booked += bookAhead(plan);
        }
        return booked;
    }

    private int bookAhead(VisitPlan plan) {
        if (!plan.active()) {
            return 0;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate last = today.plusWeeks(WEEKS_AHEAD);
        int booked = 0;
        for (LocalDate date = max(today, plan.startsOn()); !date.isAfter(last); date = date.plusDays(1)) {
            if ((plan.endsOn() != null && date.isAfter(plan.endsOn()))
                    || !plan.weekdays().contains(date.getDayOfWeek().getValue())) {
                continue;
            }
            Instant from = ZonedDateTime.of(date, plan.startTime(), zone).toInstant();
            if (!from.isAfter(now) || from.isAfter(now.plus(Orders.BOOKING_HORIZON))) {
                continue;
            }
            if (book(plan, date, from)) {
                booked++;
            }
        }
        return booked;
    }

    /** Records the date and books its order in one transaction; false when the date was dealt with. */
    private boolean book(VisitPlan plan, LocalDate date, Instant from) {
        Viewer planner = new Viewer("visit-plan-" + plan.id(), Role.OPERATOR, Set.of());
        Instant now = clock.instant();
        try {
            return Boolean.TRUE.equals(tx.execute(status -> {
                int claimed = db.sql("insert into visit_plan_dates (plan_id, visit_date, status, at)"
                                + " values (?, ?, 'BOOKED', ?) on conflict do nothing")
                        .params(plan.id(), date, Timestamp.from(now))
                        .update();
                if (claimed == 0) {
                    return false;
                }
                Orders.Booked booked = orders.book(
                        new Orders.Booking(
                                plan.seniorId(),
                                plan.itemId(),
                                from,
                                from.plusSeconds(60L * plan.windowMinutes()),
                                plan.notes() == null ? "定期巡访 (visit plan " + plan.id() + ")" : plan.notes()),
                        planner);
                db.sql("update visit_plan_dates set order_id = ? where plan_id = ? and visit_date = ?")
                        .params(booked.order().id(), plan.id(), date)
                        .update();
                return true;
            }));
        } catch (ApiProblem refused) {
            // the booking refused the date (no home position, item withdrawn …): say so once, never retry it
            db.sql("insert into visit_plan_dates (plan_id, visit_date, status, reason, at)"
                            + " values (?, ?, 'FAILED', ?, ?) on conflict do nothing")
                    .params(plan.id(), date, refused.getMessage(), Timestamp.from(now))
                    .update();
            log.warn("visit plan {}: the visit of {} could not be booked: {}", plan.id(), date, refused.getMessage());
            return false;
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static final String SELECT = "select p.id, p.senior_id, p.item_id, p.weekdays, p.start_time,"
            + " p.window_minutes, p.starts_on, p.ends_on, p.notes, p.active, p.created_by, p.created_at"
            + " from visit_plans p";

    /** Reads plans; each item's name is looked up once per query, not once per plan. */
    private RowMapper<VisitPlan> plans() {
        Map<Long, String> itemNames = new HashMap<>();
        return (rs, n) -> plan(rs, itemNames);
    }

    private VisitPlan plan(ResultSet rs, Map<Long, String> itemNames) throws SQLException {
        Array days = rs.getArray(4);
        List<Integer> weekdays = new TreeSet<>(Arrays.stream((Object[]) days.getArray())
                        .map(d -> ((Number) d).intValue())
                        .toList())
                .stream().toList();
        return new VisitPlan(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                itemNames.computeIfAbsent(
                        rs.getLong(3),
                        item -> catalog.find(item).map(Catalog.Item::name).orElse("item " + item)),
                weekdays,
                rs.getObject(5, LocalTime.class),
                rs.getInt(6),
                rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDate.class),
                rs.getString(9),
                rs.getBoolean(10),
                rs.getString(11),
                rs.getTimestamp(12).toInstant());
    }
}
