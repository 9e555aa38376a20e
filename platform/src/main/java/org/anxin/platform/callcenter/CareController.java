package org.anxin.platform.callcenter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalTime;
import java.util.List;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Proactive care calls (主动关怀): schedules and their check-ins; the desk only. */
@RestController
@RequestMapping("/api/care-calls")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR')")
class CareController {
    private final CareCalls care;
    private final Accounts accounts;

    CareController(CareCalls care, Accounts accounts) {
        this.care = care;
        this.accounts = accounts;
    }

    record CareScheduleRequest(
            @NotNull Long seniorId,
            @NotNull CareFrequency frequency,
            @Min(1) @Max(7) Integer dayOfWeek,
            @NotNull LocalTime windowStart,
            @NotNull LocalTime windowEnd) {}

    @PostMapping("/schedules")
    ResponseEntity<CareSchedule> create(@Valid @RequestBody CareScheduleRequest request) {
        CareSchedule schedule = care.create(
                request.seniorId(),
                request.frequency(),
                request.dayOfWeek(),
                request.windowStart(),
                request.windowEnd(),
                accounts.currentViewer());
        return ResponseEntity.created(URI.create("/api/care-calls/schedules/" + schedule.id()))
                .body(schedule);
    }

    @GetMapping("/schedules")
    List<CareSchedule> schedules(@RequestParam(required = false) Long seniorId) {
        return care.schedules(seniorId);
    }

    @PostMapping("/schedules/{id}/stop")
    CareSchedule stop(@PathVariable long id) {
        return care.stop(id);
    }

    /** A senior's recent check-ins (or everyone's), newest first. */
    @GetMapping("/checks")
    List<CareCheck> checks(
            @RequestParam(required = false) Long seniorId, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiProblem.badRequest("limit must be 1–500");
        }
        return care.checks(seniorId, limit);
    }
}
