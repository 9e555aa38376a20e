package org.anxin.platform.assessment;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.Viewer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Seniors' capability assessments: recording one, a senior's history, the current level, the due list. */
@Service
@EnableConfigurationProperties(AssessmentProperties.class)
public class Assessments {
    private static final RowMapper<Assessment> ROW = (rs, n) -> assessment(rs);

    private final JdbcClient db;
    private final SeniorService seniors;
    private final Assessors assessors;
    private final AssessmentProperties properties;
    private final Clock clock;
    private final ZoneId zone;

    Assessments(
            JdbcClient db,
            SeniorService seniors,
            Assessors assessors,
            AssessmentProperties properties,
            Clock clock,
            ZoneId zone) {
        this.db = db;
        this.seniors = seniors;
        this.assessors = assessors;
        this.properties = properties;
        this.clock = clock;
        this.zone = zone;
    }

    /** What the assessor sends, already parsed; {@link #record} checks the rest. */
    record NewAssessment(
            LocalDate assessedOn,
            String place,
            Assessment.Reason reason,
            ScoreSheet scores,
            boolean coma,
            boolean mentalDiagnosis,
            int riskEvents,
            Assessment.Confirmer confirmedBy,
            String confirmerName) {}

    /** A senior whose latest assessment is due again (or overdue). */
    public record Due(
            long seniorId,
            String seniorName,
            String community,
            long assessmentId,
            AbilityLevel level,
            LocalDate dueOn,
            boolean overdue) {}

    @Transactional
    Assessment record(long seniorId, NewAssessment a, Viewer viewer) {
        Senior senior = seniors.find(seniorId).orElseThrow(() -> ApiProblem.notFound("no senior " + seniorId));
        if (viewer.role() != Role.ASSESSOR) {
            throw ApiProblem.forbidden("only an ASSESSOR records assessments");
        }
        String agency = assessors
                .agencyOf(viewer.username())
                .orElseThrow(() -> ApiProblem.forbidden(
                        "assessor " + viewer.username() + " belongs to no assessment agency; an admin registers it"));
        LocalDate today = today();
        if (a.assessedOn().isAfter(today)) {
            throw ApiProblem.badRequest("assessedOn " + a.assessedOn() + " is in the future (today is " + today + ")");
        }
        if (a.coma() && a.scores().score(AbilityItem.CONSCIOUSNESS) != 0) {
            throw ApiProblem.badRequest("coma: a senior in a coma scores 0 for CONSCIOUSNESS (B.3.9 意识水平)");
        }
        LevelRules.Result result = LevelRules.apply(a.scores().total(), a.coma(), a.mentalDiagnosis(), a.riskEvents());
        var d = a.scores().dimensions();
        long id = db.sql("insert into assessments (senior_id, assessed_on, place, reason, assessor, agency, scores,"
                        + " self_care, basic_mobility, mental_state, perception, total, coma, mental_diagnosis,"
                        + " risk_events, level_by_total, level, adjustments, confirmed_by, confirmer_name, due_on,"
                        + " recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " returning id")
                .params(
                        senior.id(),
                        a.assessedOn(),
                        a.place(),
                        a.reason().name(),
                        viewer.username(),
                        agency,
                        a.scores().column(),
                        d.get(Dimension.SELF_CARE),
                        d.get(Dimension.BASIC_MOBILITY),
                        d.get(Dimension.MENTAL_STATE),
                        d.get(Dimension.PERCEPTION_AND_SOCIAL),
                        result.total(),
                        a.coma(),
                        a.mentalDiagnosis(),
                        a.riskEvents(),
                        result.byTotal().name(),
                        result.level().name(),
                        result.adjustments().toArray(String[]::new),
                        a.confirmedBy().name(),
                        a.confirmerName(),
                        a.assessedOn().plus(properties.validFor()),
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        return find(id).orElseThrow();
    }

    /** The senior's assessments, newest first, if the viewer may see them. */
    List<Assessment> history(long seniorId, Viewer viewer) {
        checkMaySee(seniorId, viewer);
        return db.sql("select * from assessments where senior_id = ? order by assessed_on desc, id desc")
                .param(seniorId)
                .query(ROW)
                .list();
    }

    /** The senior, if the viewer may see their assessments: 404 or 403 otherwise. */
    Senior checkMaySee(long seniorId, Viewer viewer) {
        Senior senior = seniors.find(seniorId).orElseThrow(() -> ApiProblem.notFound("no senior " + seniorId));
        if (viewer.role() != Role.ASSESSOR) {
            viewer.checkMaySeeSubsidiesOf(seniorId, senior.community());
        }
        return senior;
    }

    /** The latest assessment of the senior, while it is not yet due again (its {@code dueOn} after today). */
    public Optional<CurrentLevel> current(long seniorId) {
        return db.sql("select * from assessments where senior_id = ? order by assessed_on desc, id desc limit 1")
                .param(seniorId)
                .query(ROW)
                .optional()
                .filter(a -> a.dueOn().isAfter(today()))
                .map(a -> new CurrentLevel(a.id(), a.level(), a.levelName(), a.assessedOn(), a.dueOn()));
    }

    /** Each senior's latest assessment that falls due by {@code within} from today, the most overdue first. */
    List<Due> due(java.time.Period within, Viewer viewer) {
        LocalDate today = today();
        record Latest(long seniorId, long id, AbilityLevel level, LocalDate dueOn) {}
        List<Latest> latest = db
                .sql("select distinct on (senior_id) senior_id, id, level, due_on from assessments"
                        + " order by senior_id, assessed_on desc, id desc")
                .query((rs, n) -> new Latest(
                        rs.getLong("senior_id"),
                        rs.getLong("id"),
                        AbilityLevel.valueOf(rs.getString("level")),
                        rs.getObject("due_on", LocalDate.class)))
                .list()
                .stream()
                .filter(l -> !l.dueOn().isAfter(today.plus(within)))
                .toList();
        var byId = seniors.byIds(latest.stream().map(Latest::seniorId).toList());
        return latest.stream()
                .filter(l -> byId.containsKey(l.seniorId()))
                .filter(l -> viewer.role() == Role.ASSESSOR
                        || viewer.maySeeSubsidiesOf(
                                l.seniorId(), byId.get(l.seniorId()).community()))
                .map(l -> {
                    Senior s = byId.get(l.seniorId());
                    return new Due(
                            s.id(),
                            s.name(),
                            s.community(),
                            l.id(),
                            l.level(),
                            l.dueOn(),
                            !l.dueOn().isAfter(today));
                })
                .sorted(java.util.Comparator.comparing(Due::dueOn).thenComparing(Due::seniorId))
                .toList();
    }

    AssessmentProperties properties() {
        return properties;
    }

    private Optional<Assessment> find(long id) {
        return db.sql("select * from assessments where id = ?")
                .param(id)
                .query(ROW)
                .optional();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private static Assessment assessment(ResultSet rs) throws SQLException {
        ScoreSheet sheet = ScoreSheet.ofColumn((Integer[]) rs.getArray("scores").getArray());
        AbilityLevel level = AbilityLevel.valueOf(rs.getString("level"));
        Array adjustments = rs.getArray("adjustments");
        return new Assessment(
                rs.getLong("id"),
                rs.getLong("senior_id"),
                rs.getObject("assessed_on", LocalDate.class),
                rs.getString("place"),
                Assessment.Reason.valueOf(rs.getString("reason")),
                rs.getString("assessor"),
                rs.getString("agency"),
                sheet.scores(),
                sheet.dimensions(),
                rs.getInt("total"),
                AbilityLevel.valueOf(rs.getString("level_by_total")),
                level,
                level.zh(),
                Arrays.asList((String[]) adjustments.getArray()),
                rs.getBoolean("coma"),
                rs.getBoolean("mental_diagnosis"),
                rs.getInt("risk_events"),
                Assessment.Confirmer.valueOf(rs.getString("confirmed_by")),
                rs.getString("confirmer_name"),
                rs.getObject("due_on", LocalDate.class),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
