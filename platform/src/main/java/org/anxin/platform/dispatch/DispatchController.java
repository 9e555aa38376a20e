package org.anxin.platform.dispatch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class DispatchController {
    private static final String DESK = "hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR')";

    private final Responders responders;
    private final Dispatcher dispatcher;
    private final Coverage coverage;
    private final Accounts accounts;

    DispatchController(Responders responders, Dispatcher dispatcher, Coverage coverage, Accounts accounts) {
        this.responders = responders;
        this.dispatcher = dispatcher;
        this.coverage = coverage;
        this.accounts = accounts;
    }

    record Area(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
            @NotNull @Min(100) @Max(100_000) Integer radiusMeters) {}

    record NewProvider(@NotBlank @Size(max = 200) String name, @NotBlank String kind, @Valid Area serviceArea) {}

    record NewResponderRequest(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 32) String phone,
            @NotNull Long providerId,
            @NotEmpty @Size(max = 10) List<@NotBlank String> skills,
            @NotNull TravelMode mode,
            LocalTime shiftStart,
            LocalTime shiftEnd,
            @Min(1) @Max(20) Integer capacity,
            @Size(max = 64) String username) {}

    record Position(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {}

    record StatusRequest(@NotBlank String status) {}

    @PostMapping("/providers")
    @PreAuthorize(DESK)
    ResponseEntity<Responders.Provider> createProvider(@Valid @RequestBody NewProvider request) {
        Area a = request.serviceArea();
        Responders.Provider provider = responders.createProvider(
                request.name().strip(),
                request.kind().strip().toUpperCase(Locale.ROOT),
                a == null ? null : new ServiceArea(a.lat(), a.lon(), a.radiusMeters()));
        return ResponseEntity.created(URI.create("/api/providers/" + provider.id()))
                .body(provider);
    }

    @GetMapping("/providers")
    @PreAuthorize(DESK)
    List<Responders.Provider> providers() {
        return responders.providers();
    }

    @PostMapping("/responders")
    @PreAuthorize(DESK)
    ResponseEntity<Responder> createResponder(@Valid @RequestBody NewResponderRequest r) {
        Responder created = responders.create(new Responders.NewResponder(
                r.name().strip(),
                r.phone(),
                r.providerId(),
                r.skills().stream()
                        .map(s -> s.strip().toUpperCase(Locale.ROOT))
                        .distinct()
                        .toList(),
                r.mode(),
                r.shiftStart(),
                r.shiftEnd(),
                r.capacity(),
                r.username()));
        return ResponseEntity.created(URI.create("/api/responders/" + created.id()))
                .body(created);
    }

    @GetMapping("/responders")
    @PreAuthorize(DESK)
    List<Responder> responders() {
        return responders.list();
    }

    @GetMapping("/responders/{id}")
    Responder responder(@PathVariable long id) {
        return responders.mayAct(id, accounts.currentViewer());
    }

    @PutMapping("/responders/{id}/position")
    Responder position(@PathVariable long id, @Valid @RequestBody Position p) {
        return responders.position(id, p.lat(), p.lon(), accounts.currentViewer());
    }

    @PutMapping("/responders/{id}/status")
    Responder status(@PathVariable long id, @Valid @RequestBody StatusRequest request) {
        return responders.status(id, ResponderStatus.parse(request.status()), accounts.currentViewer());
    }

    /** The ranking the dispatcher would use at this place now. */
    @GetMapping("/dispatch/candidates")
    @PreAuthorize(DESK)
    List<Matcher.Candidate> candidates(
            @RequestParam double lat,
            @RequestParam double lon,
            @RequestParam(defaultValue = "emergency") String kind,
            @RequestParam(required = false) String skill) {
        checkPosition(lat, lon);
        return dispatcher.candidates(lat, lon, kind, skill(kind, skill));
    }

    /** Offers the alarm to the nearest able responders. */
    @PostMapping("/dispatch/alarms/{alarmId}")
    @PreAuthorize(DESK)
    DispatchViews.DispatchView start(@PathVariable long alarmId) {
        return dispatcher.start(alarmId, accounts.currentViewer());
    }

    @GetMapping("/dispatch/alarms/{alarmId}")
    List<DispatchViews.DispatchView> forAlarm(@PathVariable long alarmId) {
        Viewer viewer = accounts.currentViewer();
        if (!viewer.isDesk()) {
            throw ApiProblem.forbidden("dispatch details are for the desk");
        }
        return dispatcher.forAlarm(alarmId, viewer);
    }

    /**
     * For each senior with a home position: can an available responder with the skill reach
     * them inside the circle now? Shares per community and the uncovered seniors.
     */
    @GetMapping("/coverage")
    @PreAuthorize(DESK)
    Coverage.Report coverage(
            @RequestParam(defaultValue = "emergency") String kind, @RequestParam(required = false) String skill) {
        return coverage.report(kind, skill(kind, skill), accounts.currentViewer());
    }

    private String skill(String kind, String skill) {
        dispatcher.circleSeconds(kind); // validates kind
        if (skill == null || skill.isBlank()) {
            if (Circle.parse(kind) == Circle.SERVICE) {
                throw ApiProblem.badRequest("a service needs a skill, e.g. skill=BATHING");
            }
            return dispatcher.emergencySkill();
        }
        String upper = skill.strip().toUpperCase(Locale.ROOT);
        if (!Responders.SKILLS.contains(upper)) {
            throw ApiProblem.badRequest("unknown skill " + skill + "; skills are "
                    + Responders.SKILLS.stream().sorted().toList());
        }
        return upper;
    }

    private static void checkPosition(double lat, double lon) {
        if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            throw ApiProblem.badRequest("lat must be within ±90 and lon within ±180");
        }
    }
}
