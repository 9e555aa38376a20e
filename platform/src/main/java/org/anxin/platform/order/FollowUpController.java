package org.anxin.platform.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The desk's follow-up queue. */
@RestController
@RequestMapping("/api/follow-ups")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR')")
class FollowUpController {
    private final FollowUps followUps;
    private final Accounts accounts;

    FollowUpController(FollowUps followUps, Accounts accounts) {
        this.followUps = followUps;
        this.accounts = accounts;
    }

    record Result(@NotNull Boolean reached, @Min(1) @Max(5) Integer satisfied, @Size(max = 2000) String note) {}

    /** By status (comma-separated); none: the open ones, PENDING and CLAIMED. */
    @GetMapping
    List<Map<String, Object>> list(@RequestParam(required = false) String status) {
        return followUps.list(statuses(status)).stream().map(followUps::json).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable long id) {
        return followUps.json(followUps.get(id));
    }

    @PostMapping("/{id}/claim")
    Map<String, Object> claim(@PathVariable long id) {
        return followUps.json(followUps.claim(id, accounts.currentViewer()));
    }

    @PostMapping("/{id}/result")
    Map<String, Object> result(@PathVariable long id, @Valid @RequestBody Result result) {
        String note = result.note() == null || result.note().isBlank()
                ? null
                : result.note().strip();
        return followUps.json(
                followUps.record(id, result.reached(), result.satisfied(), note, accounts.currentViewer()));
    }

    private static Set<String> statuses(String status) {
        if (status == null || status.isBlank()) {
            return Set.of("PENDING", "CLAIMED");
        }
        Set<String> statuses = new TreeSet<>();
        for (String s : status.split(",")) {
            String name = s.strip().toUpperCase(Locale.ROOT);
            if (!FollowUps.STATUSES.contains(name)) {
                throw ApiProblem.badRequest(
                        "unknown status " + s.strip() + "; statuses are " + new TreeSet<>(FollowUps.STATUSES));
            }
            statuses.add(name);
        }
        return statuses;
    }
}
