package org.anxin.platform.timebank;

import org.anxin.platform.order.OrderRecords;
import org.anxin.platform.order.VisitCompleted;
import org.anxin.platform.timebank.Ledger.Account;
import org.anxin.platform.timebank.Ledger.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * EARN: a volunteer's verified visit (checked out with no anomaly left open: the rule monthly
 * settlement pays by, {@link VisitCompleted#verified()}) credits its minutes on site to the
 * volunteer's account, once per order: at check-out, or when the visit's last anomaly is cleared.
 * It runs inside that transaction, so the credit commits with it or not at all; the unique index
 * on (order, EARN) makes a second credit impossible even if the visit is announced twice.
 */
@Component
class VisitCredits {
    private static final Logger log = LoggerFactory.getLogger(VisitCredits.class);

    private final Ledger ledger;
    private final OrderRecords orders;

    VisitCredits(Ledger ledger, OrderRecords orders) {
        this.ledger = ledger;
        this.orders = orders;
    }

    @EventListener
    @Transactional
    void on(VisitCompleted visit) {
        credit(visit);
    }

    /** Credits the visit if it earns; false if it does not (not a volunteer, not verified, already credited). */
    @Transactional
    public boolean credit(VisitCompleted visit) {
        Account account = ledger.find(visit.responderUsername())
                .filter(Account::volunteer)
                .orElse(null);
        if (account == null) {
            return false;
        }
        if (!visit.verified() || visit.serviceMinutes() < 1) {
            log.info(
                    "order {}: no time-bank credit for {} yet, the visit is not verified (an anomaly is open;"
                            + " {} m from the home at check-in, {} min)",
                    visit.orderId(),
                    visit.responderUsername(),
                    visit.arrivedMeters(),
                    visit.serviceMinutes());
            return false;
        }
        ledger.lock(account.id());
        if (ledger.hasEntry(visit.orderId(), Kind.EARN)) {
            return false;
        }
        ledger.post(account, visit.serviceMinutes(), Kind.EARN, visit.orderId(), null, "system", null);
        orders.note(
                visit.orderId(),
                "TIME_BANK_EARNED",
                "system",
                visit.serviceMinutes() + " min credited to " + visit.responderUsername() + "'s time-bank account");
        return true;
    }
}
