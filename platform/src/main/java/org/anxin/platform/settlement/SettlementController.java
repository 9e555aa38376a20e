package org.anxin.platform.settlement;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.anxin.platform.audit.AuditAction;
import org.anxin.platform.audit.AuditLog;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.Viewer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/settlements")
class SettlementController {
    /** Who may read statements: the service centre's desk leads and the civil-affairs bureau, which pays them. */
    private static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.BUREAU);
    /** Who may close (issue) a statement: the service centre; the bureau reads what it is asked to pay. */
    private static final Set<Role> CLOSERS = EnumSet.of(Role.ADMIN, Role.SUPERVISOR);

    private final Settlements settlements;
    private final Accounts accounts;
    private final AuditLog audit;

    SettlementController(Settlements settlements, Accounts accounts, AuditLog audit) {
        this.audit = audit;
        this.settlements = settlements;
        this.accounts = accounts;
    }

    /** The one access check of every settlement endpoint: 403 for a role not in {@code allowed}. */
    private Viewer settler(Set<Role> allowed) {
        Viewer viewer = accounts.currentViewer();
        if (!allowed.contains(viewer.role())) {
            throw ApiProblem.forbidden((allowed == READERS ? "settlements are" : "closing a settlement is") + " for "
                    + allowed + " users, not " + viewer.role());
        }
        return viewer;
    }

    /** The providers' statements of a month, without their lines; {@code from}/{@code to} the month's bounds. */
    record SettlementMonth(
            String month, String zone, Instant from, Instant to, List<Statement.StatementSummary> providers) {}

    @GetMapping("/{month}")
    SettlementMonth summary(@PathVariable String month) {
        settler(READERS);
        YearMonth m = Settlements.month(month);
        return new SettlementMonth(
                m.toString(),
                settlements.zone().getId(),
                settlements.start(m),
                settlements.start(m.plusMonths(1)),
                settlements.summary(m));
    }

    @GetMapping("/{month}/providers/{id:\\d+}")
    Statement.StatementView statement(@PathVariable String month, @PathVariable long id) {
        settler(READERS);
        return settlements.statement(Settlements.month(month), id).view(settlements.zone());
    }

    @GetMapping("/{month}/providers/{id:\\d+}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String month, @PathVariable long id) {
        settler(READERS);
        YearMonth m = Settlements.month(month);
        String csv = SettlementCsv.of(settlements.statement(m, id), settlements.zone());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("anxin-settlement-" + m + "-provider-" + id + ".csv")
                                .build()
                                .toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/{month}/providers/{id:\\d+}/close")
    Statement.StatementView close(@PathVariable String month, @PathVariable long id) {
        Viewer viewer = settler(CLOSERS);
        Statement.StatementView closed =
                settlements.close(Settlements.month(month), id, viewer).view(settlements.zone());
        audit.record(AuditAction.SETTLEMENT_CLOSED, "settlement", month + "/provider/" + id, null, closed);
        return closed;
    }
}
