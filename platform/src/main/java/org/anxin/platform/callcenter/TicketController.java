package org.anxin.platform.callcenter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
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

/** Work orders (工单); the desk only (ADMIN, SUPERVISOR, OPERATOR). */
@RestController
@RequestMapping("/api/tickets")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR')")
class TicketController {
    private final TicketDesk desk;
    private final Accounts accounts;

    TicketController(TicketDesk desk, Accounts accounts) {
        this.desk = desk;
        this.accounts = accounts;
    }

    record NewTicketRequest(
            Long seniorId,
            Long callId,
            @NotNull TicketKind kind,
            @NotBlank @Size(max = 40) String category,
            @NotBlank @Size(max = 2000) String summary,
            Instant dueAt,
            @Min(1) @Max(5) Integer satisfaction,
            Long providerId) {}

    record TicketReferral(@NotBlank @Size(max = 200) String to) {}

    record ReferralAccepted(@NotBlank @Size(max = 200) String by) {}

    record TicketClose(@NotBlank @Size(max = 2000) String resolution) {}

    record EvaluationScore(@NotNull @Min(1) @Max(5) Integer score) {}

    record TicketNote(@NotBlank @Size(max = 2000) String note) {}

    record TicketCancel(@Size(max = 2000) String note) {}

    record TicketOrderWindow(@NotNull Instant from, @NotNull Instant to) {}

    /** A home-service visit for the ticket's senior: the catalogue item and the window, as in POST /api/orders. */
    record TicketOrder(
            @NotNull Long itemId, @NotNull @Valid TicketOrderWindow window, @Size(max = 2000) String notes) {}

    record TicketAlarm(@NotBlank @Size(max = 500) String detail) {}

    @PostMapping
    ResponseEntity<TicketDesk.TicketDetail> create(@Valid @RequestBody NewTicketRequest request) {
        TicketDesk.TicketDetail detail = desk.create(
                new TicketDesk.NewTicket(
                        request.seniorId(),
                        request.callId(),
                        request.kind(),
                        request.category().strip(),
                        request.summary().strip(),
                        request.dueAt(),
                        request.satisfaction(),
                        request.providerId()),
                accounts.currentViewer());
        return ResponseEntity.created(
                        URI.create("/api/tickets/" + detail.ticket().id()))
                .body(detail);
    }

    /** {@code status} is a comma-separated list; {@code mine=true} means assigned to me. */
    @GetMapping
    List<Ticket> list(
            @RequestParam(required = false) TicketKind kind,
            @RequestParam(required = false) List<TicketStatus> status,
            @RequestParam(required = false) Long seniorId,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) SlaState sla,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiProblem.badRequest("limit must be 1–1000");
        }
        String assignee = mine ? accounts.currentViewer().username() : null;
        // a blank item ("status=,OPEN", "status=%00") converts to null: no status, not a 500
        List<TicketStatus> statuses =
                status == null ? null : status.stream().filter(Objects::nonNull).toList();
        return desk.list(new TicketStore.Filter(kind, statuses, seniorId, assignee, category, sla, limit));
    }

    @GetMapping("/{id}")
    TicketDesk.TicketDetail get(@PathVariable long id) {
        return desk.detail(id);
    }

    @PostMapping("/{id}/refer")
    TicketDesk.TicketDetail refer(@PathVariable long id, @Valid @RequestBody TicketReferral request) {
        return desk.refer(id, request.to().strip(), accounts.currentViewer());
    }

    @PostMapping("/{id}/accept")
    TicketDesk.TicketDetail accept(@PathVariable long id, @Valid @RequestBody ReferralAccepted request) {
        return desk.accept(id, request.by().strip(), accounts.currentViewer());
    }

    @PostMapping("/{id}/close")
    TicketDesk.TicketDetail close(@PathVariable long id, @Valid @RequestBody TicketClose request) {
        return desk.close(id, request.resolution().strip(), accounts.currentViewer());
    }

    @PostMapping("/{id}/evaluation")
    TicketDesk.TicketDetail evaluate(@PathVariable long id, @Valid @RequestBody EvaluationScore request) {
        return desk.evaluate(id, request.score(), accounts.currentViewer());
    }

    @PostMapping("/{id}/notes")
    TicketDesk.TicketDetail note(@PathVariable long id, @Valid @RequestBody TicketNote request) {
        return desk.note(id, request.note().strip(), accounts.currentViewer());
    }

    @PostMapping("/{id}/cancel")
    TicketDesk.TicketDetail cancel(@PathVariable long id, @Valid @RequestBody(required = false) TicketCancel request) {
        return desk.cancel(id, request == null ? null : request.note(), accounts.currentViewer());
    }

    @PostMapping("/{id}/order")
    TicketDesk.TicketDetail order(@PathVariable long id, @Valid @RequestBody TicketOrder request) {
        String notes = request.notes() == null || request.notes().isBlank()
                ? null
                : request.notes().strip();
        return desk.bookOrder(
                id, request.itemId(), request.window().from(), request.window().to(), notes, accounts.currentViewer());
    }

    @PostMapping("/{id}/alarm")
    TicketDesk.TicketDetail alarm(@PathVariable long id, @Valid @RequestBody TicketAlarm request) {
        return desk.raiseAlarm(id, request.detail().strip(), accounts.currentViewer());
    }

    @PostMapping("/{id}/claim")
    TicketDesk.TicketDetail claim(@PathVariable long id) {
        return desk.claim(id, accounts.currentViewer());
    }
}
