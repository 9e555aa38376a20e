package org.anxin.platform.followup;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
    List<FollowUpView> list(@RequestParam(required = false) String status) {
        return followUps.list(statuses(status)).stream().map(followUps::view).toList();
    }

    @GetMapping("/{id}")
    FollowUpView get(@PathVariable long id) {
        return followUps.view(followUps.get(id));
    }

    @PostMapping("/{id}/claim")
    FollowUpView claim(@PathVariable long id) {
        return followUps.view(followUps.claim(id, accounts.currentViewer()));
    }

    @PostMapping("/{id}/result")
    FollowUpView result(@PathVariable long id, @Valid @RequestBody Result result) {
        String note = result.note() == null || result.note().isBlank()
                ? null
                : result.note().strip();
        return followUps.view(
                followUps.record(id, result.reached(), result.satisfied(), note, accounts.currentViewer()));
    }

    private static Set<FollowUpStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return EnumSet.of(FollowUpStatus.PENDING, FollowUpStatus.CLAIMED);
        }
        Set<FollowUpStatus> statuses = EnumSet.noneOf(FollowUpStatus.class);
        for (String s : status.split(",")) {
            try {
                statuses.add(FollowUpStatus.valueOf(s.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest(
                        "unknown status " + s.strip() + "; statuses are " + Arrays.toString(FollowUpStatus.values()));
            }
        }
        return statuses;
    }
}
