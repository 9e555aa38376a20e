package org.anxin.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * What other modules call to record an act. The actor is the signed-in user of the current request
 * (or {@code system} outside a request) and the address its client's; {@code before}/{@code after}
 * are stored as JSON (records, maps, null). Rows are only ever inserted (the table refuses UPDATE,
 * DELETE and TRUNCATE).
 */
@Service
public class AuditLog {
    static final String SYSTEM = "system";

    private final JdbcClient db;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /** An act by the current request's user. */
    public void record(AuditAction action, String objectType, Object objectId, Object before, Object after) {
        recordAs(currentActor(), action, objectType, objectId, before, after);
    }

    /** An act by a named actor (e.g. a failed sign-in's user name), from the current request's address. */
    void recordAs(String actor, AuditAction action, String objectType, Object objectId, Object before, Object after) {
        db.sql("insert into audit (at, actor, address, action, object_type, object_id, before, after)"
                        + " values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))")
                .params(
                        Timestamp.from(clock.instant()),
                        actor,
                        currentAddress(),
                        action.name(),
                        objectType,
                        objectId == null ? null : String.valueOf(objectId),
                        toJson(before),
                        toJson(after))
                .update();
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? SYSTEM : authentication.getName();
    }

    private static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
