package org.anxin.platform.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.anxin.platform.dispatch.Responder;
import org.anxin.platform.dispatch.Responders;
import org.anxin.platform.dispatch.TravelModel;
import org.anxin.platform.order.OrderRecords;
import org.anxin.platform.order.OrderRecords.BookedVisit;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorService;
import org.springframework.stereotype.Component;

/**
 * Turns a city day's records into a {@link DayPlan}: the live orders whose window starts that day
 * (visits at the senior's home), the responders on duty with a position (base: where they are
 * now) less those off sick, and, for a re-plan, the routes of the plan before as the start, each
 * visit's worker there as the one it should keep, the desk's pins, and the visits already set
 * off for fixed at the head of their worker's route.
 */
@Component
class DayProblems {
    static final LocalTime DEFAULT_SHIFT_START = LocalTime.of(8, 0);
    static final LocalTime DEFAULT_SHIFT_END = LocalTime.of(18, 0);

    private final OrderRecords orders;
    private final Responders responders;
    private final SeniorService seniors;
    private final TravelModel travelModel;
    private final ZoneId zone;
    private final PlanningProperties properties;

    DayProblems(
            OrderRecords orders,
            Responders responders,
            SeniorService seniors,
            TravelModel travelModel,
            ZoneId cityZone,
            PlanningProperties properties) {
        this.orders = orders;
        this.responders = responders;
        this.seniors = seniors;
        this.travelModel = travelModel;
        this.zone = cityZone;
        this.properties = properties;
    }

    /** What a plan is made from besides the records: the plan before and the desk's say. */
    record Revision(Map<Long, PlanStore.Placed> before, Set<Long> absent, Map<Long, Long> pins) {
        static final Revision NONE = new Revision(Map.of(), Set.of(), Map.of());
    }

    /** The problem, and the visits that cannot be planned at all (no home position), by order id. */
    record Problem(DayPlan plan, Map<Long, BookedVisit> booked, List<Long> unplaceable) {}

    Problem build(LocalDate date, Revision revision) {
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<BookedVisit> booked = orders.bookedBetween(from, to);
        Map<Long, Senior> homes =
                seniors.byIds(booked.stream().map(BookedVisit::seniorId).collect(Collectors.toSet()));
        Map<Long, Long> last = orders.lastResponders(homes.keySet(), from);
        List<Responders.Bookable> onDuty = responders.bookable().stream()
                .filter(b -> !revision.absent().contains(b.responder().id()))
                .toList();

        List<Place> places = new ArrayList<>();
        Map<Long, Place> bases = new HashMap<>();
        for (Responders.Bookable b : onDuty) {
            Place p =
                    new Place(places.size(), b.responder().lat(), b.responder().lon());
            places.add(p);
            bases.put(b.responder().id(), p);
        }
        Map<Long, BookedVisit> byId = new LinkedHashMap<>();
        List<Long> unplaceable = new ArrayList<>();
        Map<Long, Place> visitPlaces = new HashMap<>();
        for (BookedVisit v : booked) {
            byId.put(v.id(), v);
            Senior home = homes.get(v.seniorId());
            if (home == null || home.lat() == null || home.lon() == null) {
                unplaceable.add(v.id());
                continue;
            }
            Place p = new Place(places.size(), home.lat(), home.lon());
            places.add(p);
            visitPlaces.put(v.id(), p);
        }
        TravelTimes travel = new TravelTimes(places, travelModel);

        Set<Long> present = bases.keySet();
        Map<Long, PlannedVisit> visits = new LinkedHashMap<>();
        for (BookedVisit v : booked) {
            Place p = visitPlaces.get(v.id());
            if (p == null) {
                continue;
            }
            Set<Long> areaProviders = onDuty.stream()
                    .filter(b -> b.serviceArea() != null && b.serves(p.lat(), p.lon()))
                    .map(b -> b.responder().providerId())
                    .collect(Collectors.toSet());
            PlanStore.Placed before = revision.before().get(v.id());
            Long previous = before != null ? before.responderId() : v.responderId();
            visits.put(
                    v.id(),
                    new PlannedVisit(
                                    v.id(),
                                    v.seniorId(),
                                    p,
                                    v.windowFrom().getEpochSecond(),
                                    v.windowTo().getEpochSecond(),
                                    v.durationMinutes() * 60,
                                    (int) properties.tolerance().toSeconds(),
                                    v.skill(),
                                    1)
                            .lastWorker(last.get(v.seniorId()))
                            .areaProviders(areaProviders)
                            .previousWorker(previous != null && present.contains(previous) ? previous : null)
                            .pinnedWorker(pinFor(v, revision, present)));
        }

        List<WorkerDay> workers = new ArrayList<>();
        for (Responders.Bookable b : onDuty) {
            workers.add(
                    workerDay(date, b.responder(), bases.get(b.responder().id()), travel, booked, visits, revision));
        }
        return new Problem(new DayPlan(workers, List.copyOf(visits.values())), byId, unplaceable);
    }

    /** The desk's pin, or for a visit set off for, its worker (it cannot go to anyone else). */
    private static Long pinFor(BookedVisit v, Revision revision, Set<Long> present) {
        Long pin = v.started() ? v.responderId() : revision.pins().get(v.id());
        return pin != null && present.contains(pin) ? pin : null;
    }

    private WorkerDay workerDay(
            LocalDate date,
            Responder r,
            Place base,
            TravelTimes travel,
            List<BookedVisit> booked,
            Map<Long, PlannedVisit> visits,
            Revision revision) {
        LocalTime start = r.shiftStart() == null ? DEFAULT_SHIFT_START : r.shiftStart();
        LocalTime end = r.shiftEnd() == null ? DEFAULT_SHIFT_END : r.shiftEnd();
        WorkerDay w = new WorkerDay(
                        r.id(),
                        r.name(),
                        r.providerId(),
                        Set.copyOf(r.skills()),
                        r.mode(),
                        base,
                        epoch(date, start),
                        epoch(date, end),
                        travel)
                .limits(properties.maxVisits(), properties.maxHours() * 3600)
                .breakBetween(
                        epoch(date, properties.breakFrom()),
                        epoch(date, properties.breakTo()),
                        properties.breakMinutes() * 60);
        // started visits first, in the order they were started; then the rest of the plan before
        List<PlannedVisit> started = booked.stream()
                .filter(v -> v.started() && Long.valueOf(r.id()).equals(v.responderId()) && visits.containsKey(v.id()))
                .sorted(Comparator.comparing(BookedVisit::windowFrom).thenComparing(BookedVisit::id))
                .map(v -> visits.get(v.id()))
                .toList();
        Set<Long> taken =
                new HashSet<>(started.stream().map(PlannedVisit::orderId).toList());
        List<PlannedVisit> route = new ArrayList<>(started);
        revision.before().entrySet().stream()
                .filter(e -> Long.valueOf(r.id()).equals(e.getValue().responderId()))
                .sorted(Comparator.comparingInt(e -> e.getValue().seq()))
                .map(e -> visits.get(e.getKey()))
                .filter(v -> v != null && !taken.contains(v.orderId()) && !startedElsewhere(v, booked, r.id()))
                .forEach(route::add);
        return w.visits(route, started.size());
    }

    private static boolean startedElsewhere(PlannedVisit v, List<BookedVisit> booked, long workerId) {
        return booked.stream()
                .anyMatch(b -> b.id() == v.orderId()
                        && b.started()
                        && !Long.valueOf(workerId).equals(b.responderId()));
    }

    private long epoch(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(zone).toEpochSecond();
    }
}
