package org.anxin.platform.planning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.anxin.platform.dispatch.Responder;
import org.anxin.platform.dispatch.Responders;
import org.anxin.platform.order.OrderRecords;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Day plans: the desk makes, reads, revises them (a worker out sick, a visit moved by hand); a
 * worker reads their own day; a family the planned arrival of their senior's visit.
 */
@RestController
@RequestMapping("/api/plans")
class PlanController {
    private static final String DESK = "hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR')";

    private final DayPlanner planner;
    private final PlanViews views;
    private final PlanStore store;
    private final Responders responders;
    private final OrderRecords orders;
    private final Accounts accounts;
    private final PlanningProperties properties;

    PlanController(
            DayPlanner planner,
            PlanViews views,
            PlanStore store,
            Responders responders,
            OrderRecords orders,
            Accounts accounts,
            PlanningProperties properties) {
        this.planner = planner;
        this.views = views;
        this.store = store;
        this.responders = responders;
        this.orders = orders;
        this.accounts = accounts;
        this.properties = properties;
    }

    record Absence(@NotNull Long responderId) {}

    record Move(@NotNull Long orderId, @NotNull Long responderId, @NotNull @Min(0) Integer position) {}

    /** Plans the day (re-plans it, moving as few visits as it can, when it has a plan); 409 while another run is at it. */
    @PostMapping
    @PreAuthorize(DESK)
    PlanView plan(@RequestParam LocalDate date) {
        planner.plan(date, accounts.currentViewer().username(), "made by the desk");
        return views.day(date);
    }

    @GetMapping
    @PreAuthorize(DESK)
    PlanView get(@RequestParam LocalDate date) {
        return views.day(date);
    }

    /** A worker is out for the day (off sick): re-planned without them. */
    @PostMapping("/absences")
    @PreAuthorize(DESK)
    PlanView absent(@RequestParam LocalDate date, @Valid @RequestBody Absence absence) {
        responders
                .find(absence.responderId())
                .orElseThrow(() -> ApiProblem.badRequest("no responder " + absence.responderId()));
        planner.absent(date, absence.responderId(), accounts.currentViewer().username());
        return views.day(date);
    }

    /** The desk puts a visit on a worker's day at a position; pinned there, the plan re-scored, not re-solved. */
    @PostMapping("/moves")
    @PreAuthorize(DESK)
    PlanView move(@RequestParam LocalDate date, @Valid @RequestBody Move move) {
        planner.move(
                date,
                move.orderId(),
                move.responderId(),
                move.position(),
                accounts.currentViewer().username());
        return views.day(date);
    }

    /** The signed-in worker's day, in order. */
    @GetMapping("/mine")
    @PreAuthorize("hasRole('RESPONDER')")
    List<PlanView.StopView> mine(@RequestParam LocalDate date) {
        Viewer viewer = accounts.currentViewer();
        Responder me = responders
                .byUsername(viewer.username())
                .orElseThrow(() -> ApiProblem.forbidden("user " + viewer.username() + " is no responder"));
        return views.route(date, me.id());
    }

    /** When the worker is planned to arrive for this order, for the family (their seniors only) and the desk. */
    @GetMapping("/arrival")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR', 'FAMILY')")
    PlanView.Arrival arrival(@RequestParam long orderId) {
        OrderRecords.OrderRecord order =
                orders.find(orderId).orElseThrow(() -> ApiProblem.notFound("no order " + orderId));
        accounts.currentViewer().checkMaySee(order.seniorId());
        PlanStore.StopRow stop = store.stopOf(orderId)
                .filter(s -> s.startAt() != null)
                .orElseThrow(() -> ApiProblem.notFound("order " + orderId + " is on no planned route yet"));
        return new PlanView.Arrival(
                orderId,
                stop.startAt(),
                stop.startAt().minus(properties.tolerance()),
                stop.startAt().plus(properties.tolerance()));
    }
}
