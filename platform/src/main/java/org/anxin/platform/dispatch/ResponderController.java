package org.anxin.platform.dispatch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.Viewer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The responder's own side: duty, position, offers, and the job in hand. */
@RestController
@RequestMapping("/api/responder")
@PreAuthorize("hasRole('RESPONDER')")
class ResponderController {
    private final ResponderJobs jobs;
    private final Responders responders;
    private final Accounts accounts;

    ResponderController(ResponderJobs jobs, Responders responders, Accounts accounts) {
        this.jobs = jobs;
        this.responders = responders;
        this.accounts = accounts;
    }

    record Position(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {}

    record Decline(@Size(max = 500) String reason) {}

    record Done(@NotBlank @Size(max = 64) String outcome, @Size(max = 2000) String note) {}

    record Duty(@NotBlank String status) {}

    @GetMapping("/me")
    Responder me() {
        return jobs.self(accounts.currentViewer());
    }

    @PutMapping("/status")
    Responder status(@Valid @RequestBody Duty duty) {
        Viewer viewer = accounts.currentViewer();
        return responders.status(jobs.self(viewer).id(), ResponderStatus.parse(duty.status()), viewer);
    }

    @PutMapping("/position")
    Responder position(@Valid @RequestBody Position p) {
        Viewer viewer = accounts.currentViewer();
        return responders.position(jobs.self(viewer).id(), p.lat(), p.lon(), viewer);
    }

    @GetMapping("/offers")
    List<DispatchViews.OfferView> offers() {
        return jobs.openOffers(accounts.currentViewer());
    }

    @PostMapping("/offers/{offerId}/accept")
    DispatchViews.DispatchView accept(@PathVariable long offerId) {
        return jobs.accept(offerId, accounts.currentViewer());
    }

    @PostMapping("/offers/{offerId}/decline")
    DispatchViews.DispatchView decline(
            @PathVariable long offerId, @Valid @RequestBody(required = false) Decline decline) {
        String reason =
                decline == null || decline.reason() == null || decline.reason().isBlank()
                        ? null
                        : decline.reason().strip();
        return jobs.decline(offerId, reason, accounts.currentViewer());
    }

    @GetMapping("/jobs")
    List<DispatchViews.DispatchView> jobs() {
        return jobs.jobs(accounts.currentViewer());
    }

    @PostMapping("/jobs/{dispatchId}/arrived")
    DispatchViews.DispatchView arrived(@PathVariable long dispatchId, @Valid @RequestBody Position p) {
        return jobs.arrived(dispatchId, p.lat(), p.lon(), accounts.currentViewer());
    }

    @PostMapping("/jobs/{dispatchId}/done")
    DispatchViews.DispatchView done(@PathVariable long dispatchId, @Valid @RequestBody Done done) {
        return jobs.done(
                dispatchId,
                done.outcome().strip().toUpperCase(Locale.ROOT),
                done.note() == null || done.note().isBlank()
                        ? null
                        : done.note().strip(),
                accounts.currentViewer());
    }
}
