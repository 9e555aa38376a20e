package org.anxin.platform.grading;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.anxin.platform.dispatch.Responders;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Provider grades per quarter for the bureau and the officers of streets and communities; the
 * weights, set by the city-wide bureau (docs/providers.md).
 */
@RestController
class GradingController {
    static final String OFFICERS = "hasAnyRole('BUREAU', 'STREET', 'COMMUNITY')";

    private final ProviderGrades grades;
    private final GradeReach reach;
    private final WeightStore weights;
    private final Responders responders;
    private final Accounts accounts;
    private final Clock clock;
    private final ZoneId zone;

    GradingController(
            ProviderGrades grades,
            GradeReach reach,
            WeightStore weights,
            Responders responders,
            Accounts accounts,
            Clock clock,
            ZoneId zone) {
        this.grades = grades;
        this.reach = reach;
        this.weights = weights;
        this.responders = responders;
        this.accounts = accounts;
        this.clock = clock;
        this.zone = zone;
    }

    /** A quarter's grades: D first, then by score, lowest first; the providers without visits last. */
    record QuarterGrades(String quarter, boolean provisional, GradingWeights weights, List<ProviderGrade> grades) {}

    record Trend(long providerId, String providerName, List<ProviderGrade> quarters) {}

    record WeightsRequest(
            @NotNull Double onTime,
            @NotNull Double verified,
            @NotNull Double anomalyFree,
            @NotNull Double rating,
            @NotNull Double complaints,
            @NotNull Double followUp,
            @NotNull Double gradeA,
            @NotNull Double gradeB,
            @NotNull Double gradeC) {}

    /** {@code quarter} like 2026Q4; default the latest completed quarter. */
    @GetMapping("/api/provider-grades")
    @PreAuthorize(OFFICERS)
    QuarterGrades quarter(@RequestParam(required = false) String quarter) {
        Quarter q = quarter == null || quarter.isBlank() ? grades.lastCompleted() : Quarter.parse(quarter);
        Set<Long> visible = reach.providers(accounts.currentViewer(), q.start(zone), q.end(zone));
        List<ProviderGrade> list = grades.of(q, visible).stream()
                .sorted(Comparator.comparing((ProviderGrade g) -> g.score() == null)
                        .thenComparing(g -> !g.flagged())
                        .thenComparing(g -> g.score() == null ? 0 : g.score())
                        .thenComparing(ProviderGrade::providerId))
                .toList();
        return new QuarterGrades(q.toString(), clock.instant().isBefore(q.end(zone)), weights.current(), list);
    }

    /** The provider's last {@code quarters} (4–8, default 8) quarters, oldest first, the current one provisional. */
    @GetMapping("/api/providers/{id}/grades")
    @PreAuthorize(OFFICERS)
    Trend trend(@PathVariable long id, @RequestParam(defaultValue = "8") int quarters) {
        if (quarters < 4 || quarters > 8) {
            throw ApiProblem.badRequest("quarters must be 4–8");
        }
        Responders.Provider provider =
                responders.provider(id).orElseThrow(() -> ApiProblem.notFound("no provider " + id));
        Quarter last = grades.current();
        Quarter first = last;
        for (int i = 1; i < quarters; i++) {
            first = first.previous();
        }
        reach.checkMaySee(accounts.currentViewer(), id, first.start(zone), last.end(zone));
        return new Trend(id, provider.name(), grades.trend(id, quarters));
    }

    @GetMapping("/api/provider-grading/weights")
    @PreAuthorize(OFFICERS)
    GradingWeights weights() {
        return weights.current();
    }

    /** The city-wide bureau sets the weights and thresholds; 400 (nothing changed) if they do not hold together. */
    @PutMapping("/api/provider-grading/weights")
    @PreAuthorize("hasRole('BUREAU')")
    GradingWeights setWeights(@Valid @RequestBody WeightsRequest r) {
        Viewer viewer = accounts.currentViewer();
        reach.checkMaySetWeights(viewer);
        GradingWeights w = new GradingWeights(
                        r.onTime(),
                        r.verified(),
                        r.anomalyFree(),
                        r.rating(),
                        r.complaints(),
                        r.followUp(),
                        r.gradeA(),
                        r.gradeB(),
                        r.gradeC(),
                        null,
                        null)
                .checked();
        weights.save(w, viewer.username(), clock.instant());
        return weights.current();
    }
}
