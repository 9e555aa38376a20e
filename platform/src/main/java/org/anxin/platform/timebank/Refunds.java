package org.anxin.platform.timebank;

import org.anxin.platform.order.OrderRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * REFUND: minutes paid for an order that is then cancelled or recorded as a no-show go back to
 * the payer. A sweep finds them rather than a hook in every path that withdraws an order, so a
 * new path (or a node that died mid-way) cannot lose a refund; the unique index on
 * (order, REFUND) keeps it to one.
 */
@Component
@EnableConfigurationProperties(TimeBankProperties.class)
class Refunds implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    private final Ledger ledger;
    private final OrderRecords orders;
    private final TimeBank bank;
    private final TimeBankProperties properties;

    Refunds(Ledger ledger, OrderRecords orders, TimeBank bank, TimeBankProperties properties) {
        this.ledger = ledger;
        this.orders = orders;
        this.bank = bank;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, properties.sweep(), properties.sweep()));
    }

    void sweep() {
        int refunded = (int) orders.withdrawn(ledger.spentNotRefunded()).stream()
                .filter(bank::refund)
                .count();
        if (refunded > 0) {
            log.info("{} withdrawn orders paid with time-bank minutes refunded", refunded);
        }
    }
}
