package org.anxin.platform.callcenter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.anxin.platform.dispatch.Responders;
import org.anxin.platform.system.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Complaints about providers: CONSULTATION work orders of category COMPLAINT that name the
 * provider ({@code providerId}), counted by the day they were made; cancelled ones do not count.
 */
@Component
public class ComplaintFigures {
    static final String COMPLAINT = "COMPLAINT";

    private final JdbcClient db;
    private final Responders responders;

    ComplaintFigures(JdbcClient db, Responders responders) {
        this.db = db;
        this.responders = responders;
    }

    /** Complaints made in [from, to), per provider named. */
    public Map<Long, Long> byProvider(Instant from, Instant to) {
        Map<Long, Long> counts = new TreeMap<>();
        db.sql("select provider_id, count(*) as n from tickets where provider_id is not null and category = ?"
                        + " and status <> ? and created_at >= ? and created_at < ? group by provider_id")
                .params(COMPLAINT, TicketStatus.CANCELLED.name(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> Map.entry(rs.getLong("provider_id"), rs.getLong("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Only a complaint names a provider, and it must exist (400 otherwise). */
    void check(TicketKind kind, String category, Long providerId) {
        if (providerId == null) {
            return;
        }
        if (kind != TicketKind.CONSULTATION || !COMPLAINT.equals(category)) {
            throw ApiProblem.badRequest("providerId: only a CONSULTATION of category COMPLAINT names a provider");
        }
        if (responders.provider(providerId).isEmpty()) {
            throw ApiProblem.badRequest("no provider " + providerId);
        }
    }
}
