package org.anxin.platform.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reads the audit log, newest first, by actor, action, object and time. */
@Component
class AuditQuery {
    private final JdbcClient db;
    private final JsonMapper json;

    AuditQuery(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Each filter is optional; {@code to} is exclusive. */
    record Filter(
            String actor,
            AuditAction action,
            String objectType,
            String objectId,
            Instant from,
            Instant to,
            int limit) {}

    List<AuditEntry> find(Filter filter) {
        StringBuilder sql = new StringBuilder(
                "select id, at, actor, address, action, object_type, object_id, before::text as before,"
                        + " after::text as after from audit where true");
        List<Object> params = new ArrayList<>();
        if (filter.actor() != null) {
            sql.append(" and actor = ?");
            params.add(filter.actor());
        }
        if (filter.action() != null) {
            sql.append(" and action = ?");
            params.add(filter.action().name());
        }
        if (filter.objectType() != null) {
            sql.append(" and object_type = ?");
            params.add(filter.objectType());
        }
        if (filter.objectId() != null) {
            sql.append(" and object_id = ?");
            params.add(filter.objectId());
        }
        if (filter.from() != null) {
            sql.append(" and at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        sql.append(" order by at desc, id desc limit ?");
        params.add(filter.limit());
        return db.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new AuditEntry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("address"),
                        AuditAction.valueOf(rs.getString("action")),
                        rs.getString("object_type"),
                        rs.getString("object_id"),
                        rs.getString("before") == null ? null : json.readTree(rs.getString("before")),
                        rs.getString("after") == null ? null : json.readTree(rs.getString("after"))))
                .list();
    }
}
