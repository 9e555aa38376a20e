package org.anxin.platform.senior;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.anxin.platform.audit.AuditAction;
import org.anxin.platform.audit.AuditLog;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/seniors")
class SeniorController {
    private static final String SENIOR = "senior";

    private final SeniorService seniors;
    private final SeniorChanges changes;
    private final Accounts accounts;
    private final AuditLog audit;

    SeniorController(SeniorService seniors, SeniorChanges changes, Accounts accounts, AuditLog audit) {
        this.audit = audit;
        this.seniors = seniors;
        this.changes = changes;
        this.accounts = accounts;
    }

    record NewSeniorRequest(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 32) String phone,
            @Size(max = 300) String address,
            @DecimalMin("-90") @DecimalMax("90") Double lat,
            @DecimalMin("-180") @DecimalMax("180") Double lon,
            @Size(max = 100) String community,
            @Past LocalDate birthDate,
            @Size(max = 2000) String healthNotes,
            @Size(max = 2000) String medicines,
            @Size(max = 1000) String allergies,
            @Size(max = 1000) String doorNotes,
            @Size(max = 10) List<@Valid ContactRequest> contacts) {}

    record ContactRequest(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 50) String relation,
            @NotBlank @Pattern(regexp = "\\+?[0-9 -]{5,20}", message = "must be a phone number") String phone) {}

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR')")
    ResponseEntity<Senior> create(@Valid @RequestBody NewSeniorRequest request) {
        if ((request.lat() == null) != (request.lon() == null)) {
            throw ApiProblem.badRequest("lat and lon must be given together");
        }
        Senior senior = seniors.create(
                new SeniorService.NewSenior(
                        request.name().strip(),
                        request.phone(),
                        request.address(),
                        request.lat(),
                        request.lon(),
                        request.community()),
                new SeniorService.Profile(
                        request.birthDate(),
                        request.healthNotes(),
                        request.medicines(),
                        request.allergies(),
                        request.doorNotes()),
                contacts(request.contacts()));
        audit.record(AuditAction.SENIOR_CREATED, SENIOR, senior.id(), null, senior);
        return ResponseEntity.created(URI.create("/api/seniors/" + senior.id())).body(senior);
    }

    @GetMapping("/{id}/contacts")
    List<SeniorRecord.Contact> contacts(@PathVariable long id) {
        seniors.get(id, accounts.currentViewer());
        return seniors.contacts(id);
    }

    /** Staff, or the senior's own family, set the contacts; the list order is the call order. */
    @PutMapping("/{id}/contacts")
    List<SeniorRecord.Contact> replaceContacts(
            @PathVariable long id, @RequestBody @Size(max = 10) List<@Valid ContactRequest> contacts) {
        Viewer viewer = accounts.currentViewer();
        seniors.get(id, viewer);
        if (viewer.role() == Role.RESPONDER) {
            throw ApiProblem.forbidden("a responder may not change a senior's contacts");
        }
        List<SeniorRecord.Contact> before = seniors.contacts(id);
        List<SeniorRecord.Contact> after = changes.replaceContacts(id, contacts(contacts), viewer);
        audit.record(AuditAction.SENIOR_UPDATED, SENIOR, id, Map.of("contacts", before), Map.of("contacts", after));
        return after;
    }

    /** The audit of changes to the senior's record after enrolment (contacts and call order). */
    @GetMapping("/{id}/changes")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR')")
    List<SeniorChanges.Change> changes(@PathVariable long id) {
        seniors.get(id, accounts.currentViewer());
        return changes.forSenior(id);
    }

    private static List<SeniorRecord.Contact> contacts(List<ContactRequest> requests) {
        if (requests == null) {
            return List.of();
        }
        return requests.stream()
                .map(c -> new SeniorRecord.Contact(
                        0, c.name().strip(), c.relation(), c.phone().strip()))
                .toList();
    }

    record BirthDateRequest(@jakarta.validation.constraints.NotNull @Past LocalDate birthDate) {}

    /** The desk corrects a senior's birth date (audited as a change); age-based eligibility follows it. */
    @PutMapping("/{id}/birth-date")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR')")
    BirthDateRequest correctBirthDate(@PathVariable long id, @Valid @RequestBody BirthDateRequest request) {
        Viewer viewer = accounts.currentViewer();
        seniors.get(id, viewer);
        return new BirthDateRequest(changes.correctBirthDate(id, request.birthDate(), viewer));
    }

    @GetMapping
    List<Senior> list() {
        return seniors.list(accounts.currentViewer());
    }

    @GetMapping("/{id}")
    Senior get(@PathVariable long id) {
        Senior senior = seniors.get(id, accounts.currentViewer());
        audit.record(AuditAction.SENIOR_VIEWED, SENIOR, id, null, null);
        return senior;
    }
}
