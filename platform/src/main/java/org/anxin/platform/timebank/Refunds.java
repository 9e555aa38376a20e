package org.anxin.platform.timebank;

import org.anxin.platform.order.OrderRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * REFUND: minutes paid for an order that is then cancelled or recorded as a no-show go back to
 * the payer. A sweep finds them rather than a hook in every path that withdraws an order, so a
 * new path (or a node that died mid-way) cannot lose a refund; the unique index on
 * (order, REFUND) keeps it to one.
 */
@Component
class Refunds {
    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    private final Ledger ledger;
    private final OrderRecords orders;
    private final TimeBank bank;

    Refunds(Ledger ledger, OrderRecords orders, TimeBank bank) {
        this.ledger = ledger;
        this.orders = orders;
        this.bank = bank;
    }

    @Scheduled(
            initialDelayString = "${anxin.timebank.sweep-ms:60000}",
            fixedDelayString = "${anxin.timebank.sweep-ms:60000}")
    void sweep() {
        int refunded = (int) orders.withdrawn(ledger.spentNotRefunded()).stream()
                .filter(bank::refund)
                .count();
        if (refunded > 0) {
            log.info("{} withdrawn orders paid with time-bank minutes refunded", refunded);
        }
    }
}
