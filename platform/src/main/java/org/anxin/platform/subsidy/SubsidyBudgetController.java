package org.anxin.platform.subsidy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import org.anxin.platform.audit.AuditAction;
import org.anxin.platform.audit.AuditLog;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.AdminAreas;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Money;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.Viewer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The yearly subsidy budgets the dashboard sets the spend against (docs/dashboard.md): every
 * officer reads them; the city-wide bureau sets them, for the city or for any node.
 */
@RestController
class SubsidyBudgetController {
    /** The most a budget may be: ten billion yuan. */
    private static final Money MOST = Money.ofFen(1_000_000_000_000L);

    private final SubsidyBudgets budgets;
    private final AdminAreas areas;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    SubsidyBudgetController(SubsidyBudgets budgets, AdminAreas areas, Accounts accounts, AuditLog audit, Clock clock) {
        this.budgets = budgets;
        this.areas = areas;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A year's budget: {@code area} null for the whole city, else a district, street or community code. */
    record BudgetRequest(String area, @NotNull Money amount) {}

    @GetMapping("/api/subsidy/budgets/{year}")
    @PreAuthorize("hasAnyRole('BUREAU', 'STREET', 'COMMUNITY')")
    List<SubsidyBudgets.Budget> budgets(@PathVariable int year) {
        return budgets.of(checkedYear(year));
    }

    @PutMapping("/api/subsidy/budgets/{year}")
    @PreAuthorize("hasRole('BUREAU')")
    SubsidyBudgets.Budget set(@PathVariable int year, @Valid @RequestBody BudgetRequest request) {
        Viewer viewer = accounts.currentViewer();
        if (viewer.role() != Role.BUREAU || viewer.communities() != null) {
            throw ApiProblem.forbidden("only the city-wide bureau sets subsidy budgets");
        }
        String area = request.area() == null || request.area().isBlank()
                ? null
                : request.area().strip();
        if (area != null && areas.find(area).isEmpty()) {
            throw ApiProblem.badRequest("area: no area " + area);
        }
        if (request.amount().isNegative() || request.amount().compareTo(MOST) > 0) {
            throw ApiProblem.badRequest("amount: must be 0 to " + MOST + ", not " + request.amount());
        }
        int checked = checkedYear(year);
        SubsidyBudgets.Budget before = budgets.find(checked, area).orElse(null);
        SubsidyBudgets.Budget after = budgets.set(checked, area, request.amount(), viewer.username(), clock.instant());
        audit.record(
                AuditAction.SUBSIDY_BUDGET_SET,
                "subsidy-budget",
                checked + "/" + (area == null ? "city" : area),
                before,
                after);
        return after;
    }

    private static int checkedYear(int year) {
        if (year < 2000 || year > 2100) {
            throw ApiProblem.badRequest("year: 2000 to 2100, not " + year);
        }
        return year;
    }
}
