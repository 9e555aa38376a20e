package org.anxin.platform.subsidy;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Money;
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
    private static final String REVIEWERS =
            "hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR', 'COMMUNITY', 'STREET', 'BUREAU')";
    private static final String APPLICANTS = "hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR', 'FAMILY', 'COMMUNITY')";
    private static final Money MOST = Money.ofFen(10_000_000);
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

    /**
     * A monthly allowance: exactly one of {@code amount} (Money), {@code hours}, or the old
     * {@code yuan} number.
     */
    record ProposalRequest(
            @NotBlank String category,
            Money amount,
            @Schema(deprecated = true, description = "the amount in yuan as a number; use amount") BigDecimal yuan,
            BigDecimal hours,
            @Size(max = 2000) String note) {}

    record ApplicationRequest(@NotNull Long seniorId, @NotBlank String category, @Size(max = 2000) String note) {}

    record RejectRequest(@NotBlank @Size(max = 2000) String reason) {}

    @GetMapping("/api/subsidy/categories")
    List<SubsidyCategories.CategoryView> categories() {
        return categories.list().stream().map(SubsidyCategories.Category::view).toList();
    }

    @PostMapping("/api/subsidy/allowance-proposals")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<AllowanceProposals.ProposalView> propose(@Valid @RequestBody ProposalRequest request) {
        AllowanceProposals.Proposal p = proposals.propose(
                request.category().strip(), allowance(request), text(request.note()), accounts.currentViewer());
        return ResponseEntity.created(URI.create("/api/subsidy/allowance-proposals/" + p.id()))
                .body(proposals.view(p));
    }

    @GetMapping("/api/subsidy/allowance-proposals")
    @PreAuthorize(REVIEWERS)
    List<AllowanceProposals.ProposalView> proposals(@RequestParam(required = false) String status) {
        return proposals.list(ApprovalSteps.statuses(status)).stream()
                .map(proposals::view)
                .toList();
    }

    @GetMapping("/api/subsidy/allowance-proposals/{id}")
    @PreAuthorize(REVIEWERS)
    AllowanceProposals.ProposalView proposal(@PathVariable long id) {
        return proposals.view(proposals.get(id));
    }

    @PostMapping("/api/subsidy/allowance-proposals/{id}/approve")
    @PreAuthorize(DECIDERS)
    AllowanceProposals.ProposalView approveProposal(@PathVariable long id) {
        return proposals.view(proposals.approve(id, accounts.currentViewer()));
    }

    @PostMapping("/api/subsidy/allowance-proposals/{id}/reject")
    @PreAuthorize(DECIDERS)
    AllowanceProposals.ProposalView rejectProposal(@PathVariable long id, @Valid @RequestBody RejectRequest request) {
        return proposals.view(proposals.reject(id, request.reason().strip(), accounts.currentViewer()));
    }

    @PostMapping("/api/subsidy/applications")
    @PreAuthorize(APPLICANTS)
    ResponseEntity<EligibilityApplications.ApplicationView> apply(@Valid @RequestBody ApplicationRequest request) {
        EligibilityApplications.Application a = applications.apply(
                request.seniorId(), request.category().strip(), text(request.note()), accounts.currentViewer());
        return ResponseEntity.created(URI.create("/api/subsidy/applications/" + a.id()))
                .body(applications.view(a));
    }

    @GetMapping("/api/subsidy/applications")
    List<EligibilityApplications.ApplicationView> applications(
            @RequestParam(required = false) String status, @RequestParam(required = false) Long seniorId) {
        return applications.list(ApprovalSteps.statuses(status), seniorId, accounts.currentViewer()).stream()
                .map(applications::view)
                .toList();
    }

    @GetMapping("/api/subsidy/applications/{id}")
    EligibilityApplications.ApplicationView application(@PathVariable long id) {
        return applications.view(applications.get(id, accounts.currentViewer()));
    }

    @PostMapping("/api/subsidy/applications/{id}/approve")
    @PreAuthorize(DECIDERS)
    EligibilityApplications.ApplicationView approveApplication(@PathVariable long id) {
        return applications.view(applications.approve(id, accounts.currentViewer()));
    }

    @PostMapping("/api/subsidy/applications/{id}/reject")
    @PreAuthorize(DECIDERS)
    EligibilityApplications.ApplicationView rejectApplication(
            @PathVariable long id, @Valid @RequestBody RejectRequest request) {
        return applications.view(applications.reject(id, request.reason().strip(), accounts.currentViewer()));
    }

    /** The seniors holding categories, as far as the caller may see them. */
    @GetMapping("/api/subsidy/eligibility")
    List<EligibilityApplications.CategoryHolder> eligibility(@RequestParam(required = false) Long seniorId) {
        return applications.holders(seniorId, accounts.currentViewer());
    }

    /** The senior's wallet for {@code month} (YYYY-MM), this month of the city when none is given. */
    @GetMapping("/api/seniors/{id}/wallet")
    Wallets.WalletView wallet(@PathVariable long id, @RequestParam(required = false) String month) {
        YearMonth m;
        try {
            m = month == null || month.isBlank() ? wallets.thisMonth() : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("month must be YYYY-MM, e.g. 2026-12; not " + month);
        }
        return wallets.view(id, m, accounts.currentViewer());
    }

    private static Allowance allowance(ProposalRequest request) {
        int given = (request.amount() == null ? 0 : 1)
                + (request.yuan() == null ? 0 : 1)
                + (request.hours() == null ? 0 : 1);
        if (given != 1) {
            throw ApiProblem.badRequest("give the monthly allowance as exactly one of amount or hours");
        }
        if (request.amount() != null || request.yuan() != null) {
            Money amount = request.amount() != null ? request.amount() : yuan(request.yuan());
            if (amount.isNegative() || amount.compareTo(MOST) > 0) {
                throw ApiProblem.badRequest("the amount must be 0 to " + MOST + "; not " + amount);
            }
            return new Allowance(amount, null);
        }
        BigDecimal minutes = request.hours().multiply(BigDecimal.valueOf(60));
        if (request.hours().signum() < 0
                || request.hours().compareTo(MOST_HOURS) > 0
                || minutes.stripTrailingZeros().scale() > 0) {
            throw ApiProblem.badRequest("hours must be 0 to 744 in whole minutes (e.g. 1.5); not " + request.hours());
        }
        return new Allowance(null, minutes.intValueExact());
    }

    private static Money yuan(BigDecimal yuan) {
        try {
            return Money.ofYuan(yuan);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
    }

    private static String text(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
