package org.anxin.platform.family;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.anxin.platform.device.Positions;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class FamilyController {
    /** Trail requests span at most a week: one day is the page's unit. */
    private static final Duration MAX_SPAN = Duration.ofDays(7);
    /** A week of fixes every 10 s is ~60,000; more than this are cut to the newest. */
    private static final int MAX_RAW = 50_000;
    /** Points closer than this to the line through their neighbours are dropped from the map's line. */
    private static final double TOLERANCE_METERS = 10;

    private final FamilyHome home;
    private final Positions positions;
    private final SeniorService seniors;
    private final Accounts accounts;
    private final Clock clock;

    FamilyController(FamilyHome home, Positions positions, SeniorService seniors, Accounts accounts, Clock clock) {
        this.home = home;
        this.positions = positions;
        this.seniors = seniors;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The family's own seniors, each with its devices' state and open alarms. */
    @GetMapping("/api/family/seniors")
    @PreAuthorize("hasRole('FAMILY')")
    List<FamilyHome.SeniorCard> seniors() {
        return home.cards(accounts.currentViewer());
    }

    record Trail(long seniorId, Instant from, Instant to, int fixes, List<Positions.Fix> points) {}

    /** Where the senior was between {@code from} and {@code to} (default: the last 24 h), thinned for the map. */
    @GetMapping("/api/seniors/{id}/trail")
    Trail trail(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "1000") @Min(2) @Max(5000) int maxPoints) {
        Viewer viewer = accounts.currentViewer();
        seniors.get(id, viewer);
        Instant end = to != null ? to : clock.instant();
        Instant start = from != null ? from : end.minus(Duration.ofHours(24));
        if (!start.isBefore(end)) {
            throw ApiProblem.badRequest("from must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw ApiProblem.badRequest("a trail spans at most 7 days; ask for one day at a time");
        }
        List<Positions.Fix> fixes = positions.trail(id, start, end, MAX_RAW);
        List<Positions.Fix> thinned =
                TrailThinning.thin(fixes, Positions.Fix::lat, Positions.Fix::lon, TOLERANCE_METERS, maxPoints);
        return new Trail(id, start, end, fixes.size(), thinned);
    }
}
