package org.anxin.platform.audit;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One act: who ({@code actor}, from {@code address}), when, what, on which object, and the object before and after. */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String address,
        AuditAction action,
        String objectType,
        String objectId,
        JsonNode before,
        JsonNode after) {}
