package org.anxin.platform.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.anxin.platform.dispatch.Responder;
import org.anxin.platform.dispatch.Responders;
import org.anxin.platform.order.OrderRecords;
import org.anxin.platform.order.OrderRecords.BookedVisit;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.ApiProblem;
import org.springframework.stereotype.Component;

/** Reads a stored plan into what the desk, a worker and a family see of it. */
@Component
class PlanViews {
    private final PlanStore store;
    private final OrderRecords orders;
    private final SeniorService seniors;
    private final Responders responders;
    private final ZoneId zone;

    PlanViews(PlanStore store, OrderRecords orders, SeniorService seniors, Responders responders, ZoneId cityZone) {
        this.store = store;
        this.orders = orders;
        this.seniors = seniors;
        this.responders = responders;
        this.zone = cityZone;
    }

    PlanView day(LocalDate date) {
        PlanStore.Header h = store.header(date).orElseThrow(() -> ApiProblem.notFound("no plan for " + date + " yet"));
        List<PlanStore.StopRow> rows = store.stops(date);
        Map<Long, Long> pins = store.pins(date);
        Function<PlanStore.StopRow, PlanView.StopView> view = viewer(date, rows, pins);
        Map<Long, List<PlanView.StopView>> byWorker = new LinkedHashMap<>();
        List<PlanView.StopView> unplanned = new ArrayList<>();
        for (PlanStore.StopRow r : rows) {
            if (r.responderId() == null) {
                unplanned.add(view.apply(r));
            } else {
                byWorker.computeIfAbsent(r.responderId(), k -> new ArrayList<>())
                        .add(view.apply(r));
            }
        }
        List<PlanView.RouteView> routes = new ArrayList<>();
        for (Responders.Bookable b : responders.bookable()) {
            Responder w = b.responder();
            List<PlanView.StopView> stops = byWorker.remove(w.id());
            routes.add(new PlanView.RouteView(
                    w.id(), w.name(), w.mode(), w.lat(), w.lon(), stops == null ? List.of() : stops));
        }
        // routes of workers no longer on duty (until the next re-plan)
        byWorker.forEach((id, stops) -> {
            Optional<Responder> w = responders.find(id);
            routes.add(new PlanView.RouteView(
                    id,
                    w.map(Responder::name).orElse("#" + id),
                    w.map(Responder::mode).orElse(null),
                    w.map(Responder::lat).orElse(null),
                    w.map(Responder::lon).orElse(null),
                    stops));
        });
        String score = h.hard() == null ? null : h.hard() + "hard/" + h.medium() + "medium/" + h.soft() + "soft";
        return new PlanView(
                date,
                h.status(),
                h.revision(),
                score,
                h.hard(),
                h.medium(),
                h.soft(),
                h.solverMillis(),
                h.movedVisits(),
                h.madeBy(),
                h.madeAt(),
                h.reason(),
                store.constraints(date).stream()
                        .map(c -> new PlanView.ConstraintView(c.name(), c.hard(), c.medium(), c.soft(), c.matches()))
                        .toList(),
                routes,
                unplanned);
    }

    /** One worker's stops of the day, in order. */
    List<PlanView.StopView> route(LocalDate date, long responderId) {
        List<PlanStore.StopRow> rows = store.stopsOf(date, responderId);
        Function<PlanStore.StopRow, PlanView.StopView> view = viewer(date, rows, store.pins(date));
        return rows.stream().map(view).toList();
    }

    private Function<PlanStore.StopRow, PlanView.StopView> viewer(
            LocalDate date, List<PlanStore.StopRow> rows, Map<Long, Long> pins) {
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        Map<Long, BookedVisit> booked =
                orders.bookedBetween(from, to).stream().collect(Collectors.toMap(BookedVisit::id, Function.identity()));
        Map<Long, Senior> homes = seniors.byIds(
                booked.values().stream().map(BookedVisit::seniorId).collect(Collectors.toSet()));
        return r -> {
            BookedVisit v = booked.get(r.orderId());
            Senior s = v == null ? null : homes.get(v.seniorId());
            return new PlanView.StopView(
                    r.orderId(),
                    v == null ? null : v.seniorId(),
                    s == null ? null : s.name(),
                    s == null ? null : s.address(),
                    s == null ? null : s.lat(),
                    s == null ? null : s.lon(),
                    v == null ? null : v.itemName(),
                    v == null ? null : v.skill(),
                    v == null ? null : v.windowFrom(),
                    v == null ? null : v.windowTo(),
                    r.arrivalAt(),
                    r.startAt(),
                    r.endAt(),
                    r.lateSeconds(),
                    r.started(),
                    pins.containsKey(r.orderId()));
        };
    }
}
