package org.anxin.platform.subsidy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SubsidyController {
    private static final String DECIDERS = "hasAnyRole('COMMUNITY', 'BUREAU')";
    private static final String REVIEWERS = "hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR', 'COMMUNITY', 'BUREAU')";
    private static final String APPLICANTS = "hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR', 'FAMILY', 'COMMUNITY')";
    private static final BigDecimal MOST_YUAN = BigDecimal.valueOf(100_000);
    private static final BigDecimal MOST_HOURS = BigDecimal.valueOf(744);

    private final SubsidyCategories categories;
    private final AllowanceProposals proposals;
    private final EligibilityApplications applications;
    private final Wallets wallets;
    private final Accounts accounts;

    SubsidyController(
            SubsidyCategories categories,
            AllowanceProposals proposals,
            EligibilityApplications applications,
            Wallets wallets,
            Accounts accounts) {
        this.categories = categories;
        this.proposals = proposals;
        this.applications = applications;
        this.wallets = wallets;
        this.accounts = accounts;
    }

    /** A monthly allowance: {@code yuan} or {@code hours}, exactly one. */
    record ProposalRequest(
            @NotBlank String category, BigDecimal yuan, BigDecimal hours, @Size(max = 2000) String note) {}

    record ApplicationRequest(@NotNull Long seniorId, @NotBlank String category, @Size(max = 2000) String note) {}

    record RejectRequest(@NotBlank @Size(max = 2000) String reason) {}

    @GetMapping("/api/subsidy/categories")
    List<Map<String, Object>> categories() {
        return categories.list().stream().map(SubsidyCategories.Category::json).toList();
    }

    @PostMapping("/api/subsidy/allowance-proposals")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Map<String, Object>> propose(@Valid @RequestBody ProposalRequest request) {
        AllowanceProposals.Proposal p = proposals.propose(
                request.category().strip(), allowance(request), text(request.note()), accounts.currentViewer());
        return ResponseEntity.created(URI.create("/api/subsidy/allowance-proposals/" + p.id()))
                .body(proposals.json(p));
    }

    @GetMapping("/api/subsidy/allowance-proposals")
    @PreAuthorize(REVIEWERS)
    List<Map<String, Object>> proposals(@RequestParam(required = false) String status) {
        return proposals.list(ApprovalSteps.statuses(status)).stream()
                .map(proposals::json)
                .toList();
    }

    @GetMapping("/api/subsidy/allowance-proposals/{id}")
    @PreAuthorize(REVIEWERS)
    Map<String, Object> proposal(@PathVariable long id) {
        return proposals.json(proposals.get(id));
    }

    @PostMapping("/api/subsidy/allowance-proposals/{id}/approve")
    @PreAuthorize(DECIDERS)
    Map<String, Object> approveProposal(@PathVariable long id) {
        return proposals.json(proposals.approve(id, accounts.currentViewer()));
    }

    @PostMapping("/api/subsidy/allowance-proposals/{id}/reject")
    @PreAuthorize(DECIDERS)
    Map<String, Object> rejectProposal(@PathVariable long id, @Valid @RequestBody RejectRequest request) {
        return proposals.json(proposals.reject(id, request.reason().strip(), accounts.currentViewer()));
    }

    @PostMapping("/api/subsidy/applications")
    @PreAuthorize(APPLICANTS)
    ResponseEntity<Map<String, Object>> apply(@Valid @RequestBody ApplicationRequest request) {
        EligibilityApplications.Application a = applications.apply(
                request.seniorId(), request.category().strip(), text(request.note()), accounts.currentViewer());
        return ResponseEntity.created(URI.create("/api/subsidy/applications/" + a.id()))
                .body(applications.json(a));
    }

    @GetMapping("/api/subsidy/applications")
    List<Map<String, Object>> applications(
            @RequestParam(required = false) String status, @RequestParam(required = false) Long seniorId) {
        return applications.list(ApprovalSteps.statuses(status), seniorId, accounts.currentViewer()).stream()
                .map(applications::json)
                .toList();
    }

    @GetMapping("/api/subsidy/applications/{id}")
    Map<String, Object> application(@PathVariable long id) {
        return applications.json(applications.get(id, accounts.currentViewer()));
    }

    @PostMapping("/api/subsidy/applications/{id}/approve")
    @PreAuthorize(DECIDERS)
    Map<String, Object> approveApplication(@PathVariable long id) {
        return applications.json(applications.approve(id, accounts.currentViewer()));
    }

    @PostMapping("/api/subsidy/applications/{id}/reject")
    @PreAuthorize(DECIDERS)
    Map<String, Object> rejectApplication(@PathVariable long id, @Valid @RequestBody RejectRequest request) {
        return applications.json(applications.reject(id, request.reason().strip(), accounts.currentViewer()));
    }

    /** The seniors holding categories, as far as the caller may see them. */
    @GetMapping("/api/subsidy/eligibility")
    List<Map<String, Object>> eligibility(@RequestParam(required = false) Long seniorId) {
        return applications.holders(seniorId, accounts.currentViewer());
    }

    /** The senior's wallet for {@code month} (YYYY-MM), this month of the city when none is given. */
    @GetMapping("/api/seniors/{id}/wallet")
    Map<String, Object> wallet(@PathVariable long id, @RequestParam(required = false) String month) {
        YearMonth m;
        try {
            m = month == null || month.isBlank() ? wallets.thisMonth() : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("month must be YYYY-MM, e.g. 2026-12; not " + month);
        }
        return wallets.view(id, m, accounts.currentViewer());
    }

    private static Allowance allowance(ProposalRequest request) {
        if ((request.yuan() == null) == (request.hours() == null)) {
            throw ApiProblem.badRequest("give the monthly allowance as exactly one of yuan or hours");
        }
        if (request.yuan() != null) {
            BigDecimal yuan = request.yuan();
            if (yuan.signum() < 0
                    || yuan.compareTo(MOST_YUAN) > 0
                    || yuan.stripTrailingZeros().scale() > 2) {
                throw ApiProblem.badRequest("yuan must be 0 to 100000 with at most two decimals; not " + yuan);
            }
            return new Allowance(yuan.movePointRight(2).intValueExact(), null);
        }
        BigDecimal minutes = request.hours().multiply(BigDecimal.valueOf(60));
        if (request.hours().signum() < 0
                || request.hours().compareTo(MOST_HOURS) > 0
                || minutes.stripTrailingZeros().scale() > 0) {
            throw ApiProblem.badRequest("hours must be 0 to 744 in whole minutes (e.g. 1.5); not " + request.hours());
        }
        return new Allowance(null, minutes.intValueExact());
    }

    private static String text(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
