package org.anxin.platform.subsidy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.anxin.platform.system.ApiProblem;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The eligibility categories (seeded by the migration) and the allowance in force for each, which
 * only an approved {@link AllowanceProposals proposal} changes.
 */
@Component
class SubsidyCategories {
    private static final RowMapper<Category> ROW = (rs, n) -> category(rs);

    private final JdbcClient db;
    private final EligibilityEvidence evidence;

    SubsidyCategories(JdbcClient db, EligibilityEvidence evidence) {
        this.db = db;
        this.evidence = evidence;
    }

    record Category(String code, String name, Allowance allowance, Instant changedAt, Long proposalId) {
        CategoryView view() {
            return new CategoryView(code, name, allowance.json(), changedAt, proposalId);
        }
    }

    /** A category as the API shows it. */
    record CategoryView(
            String code, String name, Allowance.AllowanceView allowance, Instant changedAt, Long proposalId) {}

    /** A category a senior holds, since the bureau approved the application. */
    record Held(Category category, Instant since, long applicationId) {}

    List<Category> list() {
        return db.sql("select * from subsidy_categories order by position")
                .query(ROW)
                .list();
    }

    Optional<Category> find(String code) {
        return db.sql("select * from subsidy_categories where code = ?")
                .param(code)
                .query(ROW)
                .optional();
    }

    /** The category named in a request: 400 naming the known ones when there is none such. */
    Category get(String code) {
        return find(code)
                .orElseThrow(() -> ApiProblem.badRequest("category must be one of "
                        + list().stream().map(Category::code).collect(Collectors.joining(", "))
                        + "; not " + code));
    }

    String name(String code) {
        return code == null ? null : find(code).map(Category::name).orElse(code);
    }

    /** Puts the approved allowance in force. */
    void setAllowance(String code, Allowance allowance, long proposalId, Instant at) {
        db.sql("update subsidy_categories set monthly_cents = ?, monthly_minutes = ?, changed_at = ?,"
                        + " proposal_id = ? where code = ?")
                .params(allowance.monthlyCentsColumn(), allowance.minutes(), Timestamp.from(at), proposalId, code)
                .update();
    }

    /**
     * The categories the senior holds, in the catalogue's order, without those whose evidence no
     * longer holds (失能 without a current matching assessment, 高龄 under 80 after a corrected birth
     * date): a lapsed category pays no allowance until the evidence holds again.
     */
    List<Held> held(long seniorId) {
        return approved(seniorId).stream()
                .filter(h -> evidence.meets(seniorId, h.category().code()))
                .toList();
    }

    private List<Held> approved(long seniorId) {
        return db.sql("select c.*, e.since, e.application_id from senior_eligibility e"
                        + " join subsidy_categories c on c.code = e.category where e.senior_id = ? order by c.position")
                .param(seniorId)
                .query((rs, n) ->
                        new Held(category(rs), rs.getTimestamp("since").toInstant(), rs.getLong("application_id")))
                .list();
    }

    private static Category category(ResultSet rs) throws SQLException {
        Timestamp changed = rs.getTimestamp("changed_at");
        return new Category(
                rs.getString("code"),
                rs.getString("name"),
                Allowance.of(rs),
                changed == null ? null : changed.toInstant(),
                (Long) rs.getObject("proposal_id"));
    }
}
