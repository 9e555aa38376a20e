package org.anxin.platform.subsidy;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static final RowMapper<Application> ROW = (rs, n) -> new Application(
            rs.getLong("id"),
            rs.getLong("senior_id"),
            rs.getString("senior_name"),
            rs.getString("senior_community"),
            rs.getString("category"),
            rs.getString("note"),
            Steps.of(rs));
    private static final String SELECT = "select a.*, s.name as senior_name, s.community as senior_community" + " from "
            + ApprovalSteps.APPLICATIONS + " a join seniors s on s.id = a.senior_id";

    private final JdbcClient db;
    private final SeniorService seniors;
    private final SubsidyCategories categories;
    private final ApprovalSteps steps;
    private final Clock clock;

    EligibilityApplications(
            JdbcClient db, SeniorService seniors, SubsidyCategories categories, ApprovalSteps steps, Clock clock) {
        this.db = db;
        this.seniors = seniors;
        this.categories = categories;
        this.steps = steps;
        this.clock = clock;
    }

    record Application(
            long id, long seniorId, String seniorName, String community, String category, String note, Steps steps) {}

    @Transactional
    Application apply(long seniorId, String code, String note, Viewer viewer) {
        Senior senior = seniors.find(seniorId)
                .orElseThrow(() -> ApiProblem.badRequest("senior " + seniorId + " does not exist"));
        viewer.checkMaySeeSubsidiesOf(seniorId, senior.community());
        categories.get(code);
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
        StringBuilder sql = new StringBuilder(SELECT).append(" where ").append(scope(viewer, params));
        if (!statuses.isEmpty()) {
            sql.append(" and a.status = any(?)");
            params.add(ApprovalSteps.names(statuses));
        }
        if (seniorId != null) {
            sql.append(" and a.senior_id = ?");
            params.add(seniorId);
        }
        return db.sql(sql.append(" order by a.id desc limit 500").toString())
                .params(params)
                .query(ROW)
                .list();
    }

    @Transactional
    Application approve(long id, Viewer viewer) {
        Application a = decidable(id, viewer);
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
    List<Map<String, Object>> holders(Long seniorId, Viewer viewer) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select e.*, s.name as senior_name, s.community, c.name as category_name"
                        + " from senior_eligibility e join seniors s on s.id = e.senior_id"
                        + " join subsidy_categories c on c.code = e.category where ")
                .append(scope(viewer, params));
        if (seniorId != null) {
            sql.append(" and e.senior_id = ?");
            params.add(seniorId);
        }
        return db.sql(sql.append(" order by e.senior_id, c.position limit 2000").toString())
                .params(params)
                .query((rs, n) -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("seniorId", rs.getLong("senior_id"));
                    json.put("seniorName", rs.getString("senior_name"));
                    json.put("community", rs.getString("community"));
                    json.put("category", rs.getString("category"));
                    json.put("categoryName", rs.getString("category_name"));
                    json.put("since", rs.getTimestamp("since").toInstant());
                    json.put("applicationId", rs.getLong("application_id"));
                    return json;
                })
                .list();
    }

    Map<String, Object> json(Application a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("seniorId", a.seniorId());
        json.put("seniorName", a.seniorName());
        json.put("seniorCommunity", a.community());
        json.put("category", a.category());
        json.put("categoryName", categories.name(a.category()));
        json.put("note", a.note());
        a.steps().putInto(json);
        return json;
    }

    /** Locked for the decision, and only for an officer who may see the senior: another community's → 403. */
    private Application decidable(long id, Viewer viewer) {
        Application a = find(id, true);
        viewer.checkMaySeeSubsidiesOf(a.seniorId(), a.community());
        return a;
    }

    private Application find(long id, boolean lock) {
        return db.sql(SELECT + " where a.id = ?" + (lock ? " for update of a" : ""))
                .param(id)
                .query(ROW)
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("no eligibility application " + id));
    }

    /**
     * The SQL condition on {@code s} (seniors) that limits a list to the seniors whose subsidies the
     * viewer may see: {@link Viewer#maySeeSubsidiesOf} as a query.
     */
    private static String scope(Viewer viewer, List<Object> params) {
        if (viewer.seesEverySeniorsSubsidies()) {
            return "true";
        }
        if (viewer.role() == Role.COMMUNITY) {
            params.add(viewer.community());
            return "s.community = ?";
        }
        if (viewer.role() == Role.FAMILY) {
            params.add(viewer.seniorIds().toArray(Long[]::new));
            return "s.id = any(?)";
        }
        return "false";
    }
}
