package org.anxin.platform.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.anxin.platform.system.Accounts;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scheduled visits (定期巡访) of a senior: made and stopped by the desk or the senior's family, seen
 * on the desk's senior page.
 */
@RestController
@RequestMapping("/api")
class VisitPlanController {
    private static final String BOOKERS = "hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR', 'FAMILY')";

    private final VisitPlans plans;
    private final Accounts accounts;

    VisitPlanController(VisitPlans plans, Accounts accounts) {
        this.plans = plans;
        this.accounts = accounts;
    }

    /**
     * @param weekdays ISO days of the week, 1 = Monday … 7 = Sunday
     * @param startTime the window's start, city time
     */
    record VisitPlanRequest(
            @NotNull Long itemId,
            @NotEmpty @Size(max = 7) List<@NotNull @Min(1) @Max(7) Integer> weekdays,
            @NotNull LocalTime startTime,
            @Min(15) @Max(240) Integer windowMinutes,
            LocalDate startsOn,
            LocalDate endsOn,
            @Size(max = 2000) String notes) {}

    record VisitPlanView(VisitPlans.VisitPlan plan, List<VisitPlans.VisitDate> dates) {}

    @PostMapping("/seniors/{seniorId}/visit-plans")
    @PreAuthorize(BOOKERS)
    ResponseEntity<VisitPlanView> create(@PathVariable long seniorId, @Valid @RequestBody VisitPlanRequest request) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        request.weekdays().forEach(d -> days.add(DayOfWeek.of(d)));
        var viewer = accounts.currentViewer();
        VisitPlans.VisitPlan plan = plans.create(
                new VisitPlans.NewPlan(
                        seniorId,
                        request.itemId(),
                        days,
                        request.startTime(),
                        request.windowMinutes() == null ? 60 : request.windowMinutes(),
                        request.startsOn() == null ? LocalDate.now(plans.zone()) : request.startsOn(),
                        request.endsOn(),
                        request.notes() == null || request.notes().isBlank()
                                ? null
                                : request.notes().strip()),
                viewer);
        return ResponseEntity.created(URI.create("/api/visit-plans/" + plan.id()))
                .body(new VisitPlanView(plan, plans.dates(plan.id(), viewer)));
    }

    @GetMapping("/seniors/{seniorId}/visit-plans")
    @PreAuthorize(BOOKERS)
    List<VisitPlans.VisitPlan> list(@PathVariable long seniorId) {
        return plans.forSenior(seniorId, accounts.currentViewer());
    }

    @GetMapping("/visit-plans/{id}")
    @PreAuthorize(BOOKERS)
    VisitPlanView get(@PathVariable long id) {
        var viewer = accounts.currentViewer();
        return new VisitPlanView(plans.get(id, viewer), plans.dates(id, viewer));
    }

    @PostMapping("/visit-plans/{id}/stop")
    @PreAuthorize(BOOKERS)
    VisitPlans.VisitPlan stop(@PathVariable long id) {
        return plans.stop(id, accounts.currentViewer());
    }

    @PostMapping("/visit-plans/{id}/skip")
    @PreAuthorize(BOOKERS)
    VisitPlans.VisitDate skip(@PathVariable long id, @RequestParam LocalDate date) {
        return plans.skip(id, date, accounts.currentViewer());
    }
}
