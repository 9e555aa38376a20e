package org.anxin.platform.subsidy;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.anxin.platform.subsidy.ApprovalSteps.Status;
import org.anxin.platform.subsidy.ApprovalSteps.Steps;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An ADMIN proposes a category's monthly allowance (new or changed); it is put in force only when
 * the bureau approves it after a community officer did. Until then the old allowance stays. One
 * open proposal per category at a time. Categories are city-wide, so any community officer may
 * take the community step.
 */
@Service
class AllowanceProposals {
    private static final RowMapper<Proposal> ROW = (rs, n) -> new Proposal(
            rs.getLong("id"),
            rs.getString("category"),
            Allowance.of((Integer) rs.getObject("monthly_cents"), (Integer) rs.getObject("monthly_minutes")),
            rs.getString("note"),
            Steps.of(rs));

    private final JdbcClient db;
    private final SubsidyCategories categories;
    private final ApprovalSteps steps;
    private final Clock clock;

    AllowanceProposals(JdbcClient db, SubsidyCategories categories, ApprovalSteps steps, Clock clock) {
        this.db = db;
        this.categories = categories;
        this.steps = steps;
        this.clock = clock;
    }

    record Proposal(long id, String category, Allowance allowance, String note, Steps steps) {}

    @Transactional
    Proposal propose(String code, Allowance allowance, String note, Viewer viewer) {
        SubsidyCategories.Category category = categories.get(code);
        Long open = steps.open(ApprovalSteps.PROPOSALS, "category = ?", code).orElse(null);
        if (open != null) {
            throw ApiProblem.conflict(
                    "category " + code + " already has an open proposal (" + open + "); it must be decided first");
        }
        if (allowance.equals(category.allowance())) {
            throw ApiProblem.badRequest(allowance.text() + " is already in force for " + code);
        }
        long id = db.sql("insert into " + ApprovalSteps.PROPOSALS + " (category, monthly_cents, monthly_minutes,"
                        + " note, status, proposed_by, proposed_at) values (?, ?, ?, ?, ?, ?, ?) returning id")
                .params(
                        code,
                        allowance.cents(),
                        allowance.minutes(),
                        note,
                        Status.PENDING_COMMUNITY.name(),
                        viewer.username(),
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        return get(id);
    }

    Proposal get(long id) {
        return find("select * from " + ApprovalSteps.PROPOSALS + " where id = ?", id);
    }

    /** The proposals in the statuses (all when empty), newest first. */
    List<Proposal> list(Set<Status> statuses) {
        return db.sql("select * from " + ApprovalSteps.PROPOSALS
                        + " where (cardinality(?::text[]) = 0 or status = any(?::text[])) order by id desc limit 500")
                .params(ApprovalSteps.names(statuses), ApprovalSteps.names(statuses))
                .query(ROW)
                .list();
    }

    /** The viewer's step; the bureau's approval puts the allowance in force. */
    @Transactional
    Proposal approve(long id, Viewer viewer) {
        Proposal p = find("select * from " + ApprovalSteps.PROPOSALS + " where id = ? for update", id);
        if (steps.approve(ApprovalSteps.PROPOSALS, p.steps(), viewer, "proposal " + id) == Status.APPROVED) {
            Proposal approved = get(id);
            categories.setAllowance(
                    p.category(), p.allowance(), id, approved.steps().bureauAt());
            return approved;
        }
        return get(id);
    }

    @Transactional
    Proposal reject(long id, String reason, Viewer viewer) {
        Proposal p = find("select * from " + ApprovalSteps.PROPOSALS + " where id = ? for update", id);
        steps.reject(ApprovalSteps.PROPOSALS, p.steps(), viewer, reason, "proposal " + id);
        return get(id);
    }

    /** A proposal as the API shows it, with the allowance in force beside the proposed one. */
    record ProposalView(
            long id,
            String category,
            String categoryName,
            Allowance.AllowanceView allowance,
            Allowance.AllowanceView inForce,
            String note,
            @JsonUnwrapped ApprovalSteps.StepsView steps) {}

    ProposalView view(Proposal p) {
        return new ProposalView(
                p.id(),
                p.category(),
                categories.name(p.category()),
                p.allowance().json(),
                categories.get(p.category()).allowance().json(),
                p.note(),
                p.steps().view());
    }

    private Proposal find(String sql, long id) {
        return db.sql(sql)
                .param(id)
                .query(ROW)
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("no allowance proposal " + id));
    }
}
