package org.anxin.platform.callcenter;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.anxin.platform.notify.Notification;
import org.anxin.platform.notify.Notifications;
import org.anxin.platform.system.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The work orders' timers, on the injected clock: a referral not accepted by its deadline
 * reminds its owner (timeline and an SMS to their phone); a tracking task past its due date is
 * marked overdue (red on the console). Each step is claimed by one conditional UPDATE, so
 * several platform nodes never repeat it.
 */
@Component
class TicketTimers {
    private static final Logger log = LoggerFactory.getLogger(TicketTimers.class);

    private final TicketStore tickets;
    private final Accounts accounts;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final Clock clock;

    TicketTimers(
            TicketStore tickets, Accounts accounts, Notifications notifications, TransactionTemplate tx, Clock clock) {
        this.tickets = tickets;
        this.accounts = accounts;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 5_000, fixedDelayString = "${anxin.callcenter.tick-ms:5000}")
    void tick() {
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> tickets.claimReferralReminders(now).forEach(id -> remind(id, now)));
        tx.executeWithoutResult(s -> tickets.claimOverdueTracking(now).forEach(id -> overdue(id, now)));
    }

    private void remind(long id, Instant now) {
        Ticket ticket = tickets.find(id).orElseThrow();
        String owner = ticket.assignee() == null ? ticket.createdBy() : ticket.assignee();
        Optional<String> phone = accounts.find(owner).map(Accounts.User::phone);
        notifications.queue(new Notifications.Request(
                null,
                "ticket owner " + owner,
                phone.orElse(null),
                Notification.Channel.SMS,
                "REFERRAL_REMINDER",
                "【安心12349】转介工单 #" + id + "（" + ticket.summary() + "）转给" + ticket.referredTo() + "后尚未被接收，请跟进。"));
        tickets.addTimeline(
                id,
                now,
                null,
                "REMINDER",
                "system",
                "not accepted by " + ticket.referredTo() + " in time; " + owner + " reminded");
        log.info("referral ticket {} not accepted in time: {} reminded", id, owner);
    }

    private void overdue(long id, Instant now) {
        tickets.addTimeline(
                id,
                now,
                null,
                "OVERDUE",
                "system",
                "due at " + tickets.find(id).orElseThrow().dueAt());
    }
}
