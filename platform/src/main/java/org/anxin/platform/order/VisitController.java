package org.anxin.platform.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.anxin.platform.system.Accounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The responder's own home-service orders and the steps of a visit. */
@RestController
@RequestMapping("/api/responder/orders")
@PreAuthorize("hasRole('RESPONDER')")
class VisitController {
    private final Visits visits;
    private final Accounts accounts;

    VisitController(Visits visits, Accounts accounts) {
        this.visits = visits;
        this.accounts = accounts;
    }

    record Position(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {}

    /** A check-in; {@code farReason} only when the worker is with the senior away from home. */
    record CheckIn(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
            @Size(max = 500) String farReason) {}

    record Decline(@Size(max = 500) String reason) {}

    @GetMapping
    List<OrderViews.OrderJob> mine() {
        return visits.mine(accounts.currentViewer());
    }

    @PostMapping("/{id}/accept")
    OrderViews.OrderJob accept(@PathVariable long id) {
        return visits.accept(id, accounts.currentViewer());
    }

    @PostMapping("/{id}/decline")
    OrderView decline(@PathVariable long id, @Valid @RequestBody(required = false) Decline decline) {
        String reason =
                decline == null || decline.reason() == null || decline.reason().isBlank()
                        ? null
                        : decline.reason().strip();
        return visits.decline(id, reason, accounts.currentViewer());
    }

    @PostMapping("/{id}/en-route")
    OrderViews.OrderJob enRoute(@PathVariable long id) {
        return visits.enRoute(id, accounts.currentViewer());
    }

    @PostMapping("/{id}/arrive")
    OrderViews.OrderJob arrive(@PathVariable long id, @Valid @RequestBody CheckIn c) {
        String farReason = c.farReason() == null || c.farReason().isBlank()
                ? null
                : c.farReason().strip();
        return visits.arrive(id, c.lat(), c.lon(), farReason, accounts.currentViewer());
    }

    @PostMapping("/{id}/start")
    OrderViews.OrderJob start(@PathVariable long id) {
        return visits.start(id, accounts.currentViewer());
    }

    @PostMapping("/{id}/check-out")
    OrderViews.OrderJob checkOut(@PathVariable long id, @Valid @RequestBody Position p) {
        return visits.checkOut(id, p.lat(), p.lon(), accounts.currentViewer());
    }
}
