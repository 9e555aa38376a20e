package org.anxin.platform.subsidy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The two-step approval that allowance proposals and eligibility applications share: a COMMUNITY
 * officer decides first, then the BUREAU; a rejection with a reason ends it; nobody decides their
 * own request. Each step is stored with who took it and when, in the request's own row.
 */
@Component
class ApprovalSteps {
    static final String PROPOSALS = "allowance_proposals";
    static final String APPLICATIONS = "eligibility_applications";

    enum Status {
        PENDING_COMMUNITY,
        PENDING_BUREAU,
        APPROVED,
        REJECTED;

        boolean open() {
            return this == PENDING_COMMUNITY || this == PENDING_BUREAU;
        }
    }

    /** Where a request stands and who took each step. */
    record Steps(
            long id,
            Status status,
            String proposedBy,
            Instant proposedAt,
            String communityBy,
            Instant communityAt,
            String bureauBy,
            Instant bureauAt,
            String rejectedBy,
            Instant rejectedAt,
            String rejectionReason) {

        static Steps of(ResultSet rs) throws SQLException {
            return new Steps(
                    rs.getLong("id"),
                    Status.valueOf(rs.getString("status")),
                    rs.getString("proposed_by"),
                    instant(rs, "proposed_at"),
                    rs.getString("community_by"),
                    instant(rs, "community_at"),
                    rs.getString("bureau_by"),
                    instant(rs, "bureau_at"),
                    rs.getString("rejected_by"),
                    instant(rs, "rejected_at"),
                    rs.getString("rejection_reason"));
        }

        /** Where the request stands, as the API shows it beside the request's own fields. */
        StepsView view() {
            return new StepsView(
                    status,
                    proposedBy,
                    proposedAt,
                    communityBy == null ? null : new ApprovalDecision(communityBy, communityAt),
                    bureauBy == null ? null : new ApprovalDecision(bureauBy, bureauAt),
                    rejectedBy == null ? null : new ApprovalRejection(rejectedBy, rejectedAt, rejectionReason));
        }

        private static Instant instant(ResultSet rs, String column) throws SQLException {
            Timestamp t = rs.getTimestamp(column);
            return t == null ? null : t.toInstant();
        }
    }

    /** A step taken: by whom and when. */
    record ApprovalDecision(String by, Instant at) {}

    record ApprovalRejection(String by, Instant at, String reason) {}

    /** The steps of a request as JSON: unwrapped into the request's own object. */
    record StepsView(
            Status status,
            String proposedBy,
            Instant proposedAt,
            ApprovalDecision community,
            ApprovalDecision bureau,
            ApprovalRejection rejected) {}

    /**
     * The statuses a {@code status} filter names: a comma-separated list of statuses, {@code PENDING}
     * for both open ones; none for all. An unknown one → 400.
     */
    static Set<Status> statuses(String filter) {
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        if (filter == null || filter.isBlank()) {
            return statuses;
        }
        for (String s : filter.split(",")) {
            String name = s.strip().toUpperCase(Locale.ROOT);
            if (name.equals("PENDING")) {
                statuses.addAll(List.of(Status.PENDING_COMMUNITY, Status.PENDING_BUREAU));
                continue;
            }
            try {
                statuses.add(Status.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest(
                        "unknown status " + s.strip() + "; statuses are PENDING, " + Arrays.toString(Status.values()));
            }
        }
        return statuses;
    }

    static String[] names(Set<Status> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }

    private final JdbcClient db;
    private final Clock clock;

    ApprovalSteps(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The id of the open (undecided) request in {@code table} matching {@code condition}, if any. */
    Optional<Long> open(String table, String condition, Object... params) {
        return db.sql("select id from " + table + " where " + condition
                        + " and status in ('PENDING_COMMUNITY', 'PENDING_BUREAU')")
                .params(params)
                .query(Long.class)
                .optional();
    }

    /** Takes the viewer's step: community approval moves it on to the bureau, bureau approval ends it. */
    Status approve(String table, Steps request, Viewer viewer, String what) {
        checkTurn(request, viewer, what);
        Instant now = clock.instant();
        Status next = request.status() == Status.PENDING_COMMUNITY ? Status.PENDING_BUREAU : Status.APPROVED;
        String step = request.status() == Status.PENDING_COMMUNITY ? "community" : "bureau";
        db.sql("update " + table + " set status = ?, " + step + "_by = ?, " + step + "_at = ? where id = ?")
                .params(next.name(), viewer.username(), Timestamp.from(now), request.id())
                .update();
        return next;
    }

    void reject(String table, Steps request, Viewer viewer, String reason, String what) {
        checkTurn(request, viewer, what);
        db.sql("update " + table + " set status = ?, rejected_by = ?, rejected_at = ?, rejection_reason = ?"
                        + " where id = ?")
                .params(
                        Status.REJECTED.name(),
                        viewer.username(),
                        Timestamp.from(clock.instant()),
                        reason,
                        request.id())
                .update();
    }

    /** 409 when the request is decided or it is the other step's turn, 403 for one's own request or another role. */
    private static void checkTurn(Steps request, Viewer viewer, String what) {
        if (!request.status().open()) {
            throw ApiProblem.conflict(what + " is already " + request.status());
        }
        if (viewer.username().equals(request.proposedBy())) {
            throw ApiProblem.forbidden(what + " was made by you; another officer must decide it");
        }
        Role turn = request.status() == Status.PENDING_COMMUNITY ? Role.COMMUNITY : Role.BUREAU;
        if (viewer.role() == turn) {
            return;
        }
        if (viewer.role() == Role.BUREAU) {
            throw ApiProblem.conflict(what + " awaits the community's review; the bureau decides after it");
        }
        if (viewer.role() == Role.COMMUNITY) {
            throw ApiProblem.conflict(
                    what + " was approved by the community (" + request.communityBy() + "); it awaits the bureau");
        }
        throw ApiProblem.forbidden("only a COMMUNITY officer and then the BUREAU decide " + what);
    }
}
