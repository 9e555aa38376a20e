package org.anxin.platform.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.anxin.platform.system.ApiProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for administrators: newest first, filtered, as JSON or CSV. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class AuditController {
    private static final int MAX = 5_000;

    private final AuditQuery query;

    AuditController(AuditQuery query) {
        this.query = query;
    }

    @GetMapping("/api/audit")
    List<AuditEntry> list(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) String objectType,
            @RequestParam(required = false) String objectId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "500") int limit) {
        return query.find(filter(actor, action, objectType, objectId, from, to, limit));
    }

    @GetMapping("/api/audit.csv")
    ResponseEntity<byte[]> csv(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) String objectType,
            @RequestParam(required = false) String objectId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "5000") int limit) {
        String csv = AuditCsv.of(query.find(filter(actor, action, objectType, objectId, from, to, limit)));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("anxin-audit.csv")
                                .build()
                                .toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static AuditQuery.Filter filter(
            String actor, AuditAction action, String objectType, String objectId, Instant from, Instant to, int limit) {
        if (limit < 1 || limit > MAX) {
            throw ApiProblem.badRequest("limit: 1 to " + MAX);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiProblem.badRequest("from must be before to");
        }
        return new AuditQuery.Filter(blank(actor), action, blank(objectType), blank(objectId), from, to, limit);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
