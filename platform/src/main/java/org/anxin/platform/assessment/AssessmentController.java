package org.anxin.platform.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.anxin.platform.senior.Senior;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AssessmentController {
    private static final String READERS =
            "hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR', 'COMMUNITY', 'STREET', 'BUREAU', 'ASSESSOR', 'FAMILY')";

    private final Assessments assessments;
    private final Assessors assessors;
    private final Accounts accounts;

    AssessmentController(Assessments assessments, Assessors assessors, Accounts accounts) {
        this.assessments = assessments;
        this.assessors = assessors;
        this.accounts = accounts;
    }

    record AssessmentRequest(
            @NotNull LocalDate assessedOn,
            @NotBlank @Size(max = 200) String place,
            @NotNull Assessment.Reason reason,
            @NotNull Map<String, Integer> scores,
            boolean coma,
            boolean mentalDiagnosis,
            @Min(0) @Max(100) int riskEvents,
            @NotNull Assessment.Confirmer confirmedBy,
            @NotBlank @Size(max = 100) String confirmerName) {}

    record AgencyRequest(@NotBlank @Size(max = 200) String agency) {}

    /** An item of the form: its name in the API, its number in the standard, its dimension and maximum. */
    record ItemView(String name, String code, Dimension dimension, String dimensionZh, int max, String zh, String en) {}

    record LevelView(AbilityLevel level, String zh, String en) {}

    record FormView(List<ItemView> items, List<LevelView> levels, int maxTotal, Period validFor) {}

    record SeniorAssessments(long seniorId, String seniorName, String community, List<Assessment> assessments) {}

    @GetMapping("/api/assessments/form")
    @PreAuthorize(READERS)
    FormView form() {
        return new FormView(
                Arrays.stream(AbilityItem.values())
                        .map(i -> new ItemView(
                                i.name(), i.code(), i.dimension(), i.dimension().zh(), i.max(), i.zh(), i.en()))
                        .toList(),
                Arrays.stream(AbilityLevel.values())
                        .map(l -> new LevelView(l, l.zh(), l.en()))
                        .toList(),
                AbilityItem.MAX_TOTAL,
                assessments.properties().validFor());
    }

    @PostMapping("/api/seniors/{id}/assessments")
    @PreAuthorize("hasRole('ASSESSOR')")
    ResponseEntity<Assessment> assess(@PathVariable long id, @Valid @RequestBody AssessmentRequest request) {
        Assessment a = assessments.record(
                id,
                new Assessments.NewAssessment(
                        request.assessedOn(),
                        request.place().strip(),
                        request.reason(),
                        ScoreSheet.of(request.scores()),
                        request.coma(),
                        request.mentalDiagnosis(),
                        request.riskEvents(),
                        request.confirmedBy(),
                        request.confirmerName().strip()),
                accounts.currentViewer());
        return ResponseEntity.created(URI.create("/api/seniors/" + id + "/assessments/" + a.id()))
                .body(a);
    }

    @GetMapping("/api/seniors/{id}/assessments")
    @PreAuthorize(READERS)
    SeniorAssessments history(@PathVariable long id) {
        Viewer viewer = accounts.currentViewer();
        Senior senior = assessments.checkMaySee(id, viewer);
        return new SeniorAssessments(senior.id(), senior.name(), senior.community(), assessments.history(id, viewer));
    }

    /** The re-assessment reminder list: latest assessments due within {@code within} (default: the configured window). */
    @GetMapping("/api/assessments/due")
    @PreAuthorize(READERS)
    List<Assessments.Due> due(@RequestParam(required = false) String within) {
        Period window = assessments.properties().dueWithin();
        if (within != null) {
            try {
                window = Period.parse(within);
            } catch (java.time.format.DateTimeParseException e) {
                throw ApiProblem.badRequest("within must be a period such as P30D, not " + within);
            }
            if (window.isNegative()) {
                throw ApiProblem.badRequest("within cannot be negative");
            }
        }
        return assessments.due(window, accounts.currentViewer());
    }

    /** Registers (or moves) an ASSESSOR with their assessment agency. */
    @PutMapping("/api/assessors/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    Assessors.AssessorView register(@PathVariable String username, @Valid @RequestBody AgencyRequest request) {
        return assessors.register(username, request.agency().strip());
    }
}
