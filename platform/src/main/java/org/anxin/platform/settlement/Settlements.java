package org.anxin.platform.settlement;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.anxin.platform.dispatch.Responders;
import org.anxin.platform.order.AnomalyKind;
import org.anxin.platform.order.VisitRecord;
import org.anxin.platform.order.VisitRecords;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statements per provider and month. A month's visits are those checked in during it (the city's
 * calendar month); each is payable when no anomaly is left open on it, else held back. A visit
 * held back in a closed month whose anomalies are cleared later is paid in the statement of the
 * month of its last clearance, marked as carried over. A month can be closed once it has ended;
 * its statement is then frozen, and no visit is ever paid twice.
 */
@Service
class Settlements {
    private final VisitRecords visits;
    private final ClosedStatements closed;
    private final Responders responders;
    private final Clock clock;
    private final ZoneId zone;

    Settlements(VisitRecords visits, ClosedStatements closed, Responders responders, Clock clock, ZoneId zone) {
        this.visits = visits;
        this.closed = closed;
        this.responders = responders;
        this.clock = clock;
        this.zone = zone;
    }

    /** {@code 2026-12}; anything else is a 400 that says what a month looks like. */
    static YearMonth month(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}")) {
            throw ApiProblem.badRequest("a month is written YYYY-MM, e.g. 2026-12; not " + text);
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("there is no month " + text + "; months run from 01 to 12");
        }
    }

    ZoneId zone() {
        return zone;
    }

    Statement statement(YearMonth month, long providerId) {
        String name = providerName(providerId);
        return closed.find(month, providerId, name).orElseGet(() -> compute(month, providerId, name, null, null));
    }

    /** Every provider with visits, clearances or a closed statement in the month. */
    List<Statement.StatementSummary> summary(YearMonth month) {
        Set<Long> providers = new TreeSet<>(visits.providers(start(month), start(month.plusMonths(1))));
        providers.addAll(closed.providers(month));
        List<Statement.StatementSummary> rows = new ArrayList<>();
        for (long providerId : providers) {
            Statement s = statement(month, providerId);
            // a provider whose only news is a clearance paid in its own, earlier month
            if (s.closed() || !s.payable().isEmpty() || !s.heldBack().isEmpty()) {
                rows.add(s.summary());
            }
        }
        return rows;
    }

    /** Freezes the month's statement: from now on it is what it is, whatever is cleared later. */
    @Transactional
    Statement close(YearMonth month, long providerId, Viewer viewer) {
        String name = providerName(providerId);
        Instant now = clock.instant();
        Instant end = start(month.plusMonths(1));
        if (now.isBefore(end)) {
            throw ApiProblem.conflict("the statement for " + month + " can be closed once the month has ended, from "
                    + month.plusMonths(1) + "-01 00:00 (" + zone + ")");
        }
        if (closed.isClosed(month, providerId)) {
            throw ApiProblem.conflict(
                    "the statement of provider " + providerId + " for " + month + " is already closed");
        }
        Statement s = compute(month, providerId, name, now, viewer.username());
        for (Statement.Line held : s.heldBack()) {
            if (held.visit().holds().stream().anyMatch(a -> a.kind() == AnomalyKind.MISSING_CHECK_OUT)) {
                visits.holdMissingCheckOut(held.visit().orderId(), viewer.username());
            }
        }
        closed.save(s);
        return s;
    }

    private Statement compute(YearMonth month, long providerId, String name, Instant closedAt, String closedBy) {
        Instant from = start(month);
        Instant to = start(month.plusMonths(1));
        List<Statement.Line> payable = new ArrayList<>();
        List<Statement.Line> heldBack = new ArrayList<>();
        for (VisitRecord v : visits.checkedIn(providerId, from, to)) {
            (v.payable() ? payable : heldBack).add(new Statement.Line(v, null));
        }
        for (VisitRecord v : visits.clearedIn(providerId, from, to)) {
            YearMonth own = YearMonth.from(v.checkedInAt().atZone(zone));
            // while its own month is open, a visit is paid there
            if (closed.isClosed(own, providerId) && !closed.paid(v.orderId())) {
                payable.add(new Statement.Line(v, own));
            }
        }
        return new Statement(providerId, name, month, closedAt, closedBy, List.copyOf(payable), List.copyOf(heldBack));
    }

    private String providerName(long providerId) {
        return responders
                .provider(providerId)
                .orElseThrow(() -> ApiProblem.notFound("no provider " + providerId))
                .name();
    }

    Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }
}
