package org.anxin.platform.subsidy;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.subsidy.ApprovalSteps.Status;
import org.anxin.platform.subsidy.ApprovalSteps.Steps;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.Viewer;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A senior's eligibility: the desk, the senior's family or their community officer applies for a
 * category; the officer of the senior's community approves first (one who did not apply), then
 * the bureau; on the bureau's approval the senior holds the category. A senior may hold several.
 */
@Service
class EligibilityApplications {
    /** An application row; the senior's name and community come from the senior module. */
    private record Row(long id, long seniorId, String category, String note, Steps steps) {}

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(
            rs.getLong("id"), rs.getLong("senior_id"), rs.getString("category"), rs.getString("note"), Steps.of(rs));
    private static final String SELECT = "select a.* from " + ApprovalSteps.APPLICATIONS + " a";

    private final JdbcClient db;
    private final SeniorService seniors;
    private final SubsidyCategories categories;
    private final ApprovalSteps steps;
    private final EligibilityEvidence evidence;
    private final Clock clock;

    EligibilityApplications(
            JdbcClient db,
            SeniorService seniors,
            SubsidyCategories categories,
            ApprovalSteps steps,
            EligibilityEvidence evidence,
            Clock clock) {
        this.db = db;
        this.seniors = seniors;
        this.categories = categories;
        this.steps = steps;
        this.evidence = evidence;
        this.clock = clock;
    }

    record Application(
            long id, long seniorId, String seniorName, String community, String category, String note, Steps steps) {}

    /** An application as the API shows it. */
    record ApplicationView(
            long id,
            long seniorId,
            String seniorName,
            String seniorCommunity,
            String category,
            String categoryName,
            String note,
            @JsonUnwrapped ApprovalSteps.StepsView steps,
            EligibilityEvidence.Evidence evidence) {}

    /** A senior holding a category; {@code lapsed} when its evidence no longer holds (no allowance then). */
    record CategoryHolder(
            long seniorId,
            String seniorName,
            String community,
            String category,
            String categoryName,
            Instant since,
            long applicationId,
            boolean lapsed) {}

    @Transactional
    Application apply(long seniorId, String code, String note, Viewer viewer) {
        Senior senior = seniors.find(seniorId)
                .orElseThrow(() -> ApiProblem.badRequest("senior " + seniorId + " does not exist"));
        viewer.checkMaySeeSubsidiesOf(seniorId, senior.community());
        categories.get(code);
        evidence.check(seniorId, code);
        if (db.sql("select count(*) from senior_eligibility where senior_id = ? and category = ?")
                        .params(seniorId, code)
                        .query(Long.class)
                        .single()
                > 0) {
            throw ApiProblem.conflict("senior " + seniorId + " already holds " + code);
        }
        Long open = steps.open(ApprovalSteps.APPLICATIONS, "senior_id = ? and category = ?", seniorId, code)
                .orElse(null);
        if (open != null) {
            throw ApiProblem.conflict(
                    "senior " + seniorId + " already has an open application (" + open + ") for " + code);
        }
        long id = db.sql("insert into " + ApprovalSteps.APPLICATIONS + " (senior_id, category, note, status,"
                        + " proposed_by, proposed_at) values (?, ?, ?, ?, ?, ?) returning id")
                .params(
                        seniorId,
                        code,
                        note,
                        Status.PENDING_COMMUNITY.name(),
                        viewer.username(),
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        return get(id, viewer);
    }

    /** The application, if the viewer may see the senior's subsidies (404, 403 otherwise). */
    Application get(long id, Viewer viewer) {
        Application a = find(id, false);
        viewer.checkMaySeeSubsidiesOf(a.seniorId(), a.community());
        return a;
    }

    /** The applications the viewer may see in the statuses (all when empty), newest first. */
    List<Application> list(Set<Status> statuses, Long seniorId, Viewer viewer) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(SELECT).append(" where ").append(scope("a", viewer, params));
        if (!statuses.isEmpty()) {
            sql.append(" and a.status = any(?)");
            params.add(ApprovalSteps.names(statuses));
        }
        if (seniorId != null) {
            sql.append(" and a.senior_id = ?");
            params.add(seniorId);
        }
        return withSeniors(db.sql(sql.append(" order by a.id desc limit 500").toString())
                .params(params)
                .query(ROW)
                .list());
    }

    @Transactional
    Application approve(long id, Viewer viewer) {
        Application a = decidable(id, viewer);
        // the evidence is checked again at each step: an assessment may have expired since the application
        evidence.check(a.seniorId(), a.category());
        if (steps.approve(ApprovalSteps.APPLICATIONS, a.steps(), viewer, "application " + id) == Status.APPROVED) {
            db.sql("insert into senior_eligibility (senior_id, category, application_id, since) values (?, ?, ?, ?)")
                    .params(a.seniorId(), a.category(), id, Timestamp.from(clock.instant()))
                    .update();
        }
        return find(id, false);
    }

    @Transactional
    Application reject(long id, String reason, Viewer viewer) {
        Application a = decidable(id, viewer);
        steps.reject(ApprovalSteps.APPLICATIONS, a.steps(), viewer, reason, "application " + id);
        return find(id, false);
    }

    /** The seniors holding categories that the viewer may see, optionally one senior's. */
    List<CategoryHolder> holders(Long seniorId, Viewer viewer) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select e.*, c.name as category_name from senior_eligibility e"
                        + " join subsidy_categories c on c.code = e.category where ")
                .append(scope("e", viewer, params));
        if (seniorId != null) {
            sql.append(" and e.senior_id = ?");
            params.add(seniorId);
        }
        record Held(long seniorId, String category, String categoryName, Instant since, long applicationId) {}
        List<Held> held = db.sql(sql.append(" order by e.senior_id, c.position limit 2000")
                        .toString())
                .params(params)
                .query((rs, n) -> new Held(
                        rs.getLong("senior_id"),
                        rs.getString("category"),
                        rs.getString("category_name"),
                        rs.getTimestamp("since").toInstant(),
                        rs.getLong("application_id")))
                .list();
        Map<Long, Senior> byId = seniors.byIds(held.stream().map(Held::seniorId).collect(Collectors.toSet()));
        return held.stream()
                .map(h -> {
                    Senior s = byId.get(h.seniorId());
                    return new CategoryHolder(
                            h.seniorId(),
                            s == null ? null : s.name(),
                            s == null ? null : s.community(),
                            h.category(),
                            h.categoryName(),
                            h.since(),
                            h.applicationId(),
                            !evidence.meets(h.seniorId(), h.category()));
                })
                .toList();
    }

    ApplicationView view(Application a) {
        return new ApplicationView(
                a.id(),
                a.seniorId(),
                a.seniorName(),
                a.community(),
                a.category(),
                categories.name(a.category()),
                a.note(),
                a.steps().view(),
                EligibilityEvidence.needsEvidence(a.category()) ? evidence.of(a.seniorId(), a.category()) : null);
    }

    /** Locked for the decision, and only for an officer who may see the senior: another community's → 403. */
    private Application decidable(long id, Viewer viewer) {
        Application a = find(id, true);
        viewer.checkMaySeeSubsidiesOf(a.seniorId(), a.community());
        return a;
    }

    private Application find(long id, boolean lock) {
        Row row = db.sql(SELECT + " where a.id = ?" + (lock ? " for update of a" : ""))
                .param(id)
                .query(ROW)
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("no eligibility application " + id));
        return withSeniors(List.of(row)).get(0);
    }

    private List<Application> withSeniors(List<Row> rows) {
        Map<Long, Senior> byId = seniors.byIds(rows.stream().map(Row::seniorId).collect(Collectors.toSet()));
        return rows.stream()
                .map(r -> {
                    Senior s = byId.get(r.seniorId());
                    return new Application(
                            r.id(),
                            r.seniorId(),
                            s == null ? null : s.name(),
                            s == null ? null : s.community(),
                            r.category(),
                            r.note(),
                            r.steps());
                })
                .toList();
    }

    /**
     * The SQL condition on {@code alias.senior_id} that limits a list to the seniors whose
     * subsidies the viewer may see: {@link Viewer#maySeeSubsidiesOf} as a query.
     */
    private String scope(String alias, Viewer viewer, List<Object> params) {
        if (viewer.seesEverySeniorsSubsidies()) {
            return "true";
        }
        if (viewer.isOfficer()) {
            params.add(seniors.idsInCommunities(viewer.communities()).toArray(Long[]::new));
            return alias + ".senior_id = any(?)";
        }
        if (viewer.role() == Role.FAMILY) {
            params.add(viewer.seniorIds().toArray(Long[]::new));
            return alias + ".senior_id = any(?)";
        }
        return "false";
    }
}
