package org.anxin.platform.alarm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.anxin.platform.notify.Notification;
import org.anxin.platform.notify.Notifications;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The desk's timers. Not acknowledged within {@code anxin.escalation.ack-timeout} (60 s): the
 * alarm turns red and every SUPERVISOR gets an SMS. Still open after
 * {@code anxin.escalation.family-after} (180 s): every emergency contact gets an SMS, and the
 * first is called; whoever presses 1 is going. Nobody pressed 1 within
 * {@code anxin.escalation.call-gap} (120 s): the next contact is called, down the list. Each
 * step is claimed by one conditional UPDATE, so several platform nodes never repeat a step, and
 * is written to the timeline. Which kinds reach which contact how, and when, is {@link FamilyPolicy}'s
 * with the contact's {@link ContactPreferences}: device conditions never call a family, and text a
 * contact only outside their quiet hours; a person in danger is never held back
 * ({@link FamilyEscalation} takes the family steps).
 */
@Component
class Escalation {
    private static final Logger log = LoggerFactory.getLogger(Escalation.class);

    private final AlarmRepository alarms;
    private final FamilyEscalation family;
    private final Accounts accounts;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration ackTimeout;
    private final Duration familyAfter;
    private final Duration callGap;

    Escalation(
            AlarmRepository alarms,
            FamilyEscalation family,
            Accounts accounts,
            Notifications notifications,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock,
            AlarmProperties properties) {
        this.alarms = alarms;
        this.family = family;
        this.accounts = accounts;
        this.notifications = notifications;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.ackTimeout = properties.escalation().ackTimeout();
        this.familyAfter = properties.escalation().familyAfter();
        this.callGap = properties.escalation().callGap();
    }

    @Scheduled(initialDelay = 5_000, fixedDelayString = "${anxin.escalation.tick-ms:1000}")
    void tick() {
        Instant now = clock.instant();
        tx.executeWithoutResult(
                s -> alarms.claimUnanswered(now.minus(ackTimeout), now).forEach(id -> alertSupervisors(id, now)));
        tx.executeWithoutResult(
                s -> alarms.claimForFamily(now.minus(familyAfter), now).forEach(id -> family.notifyFamily(id, now)));
        tx.executeWithoutResult(
                s -> alarms.claimNextCall(now.minus(callGap), now).forEach(id -> family.callNext(id, now)));
        tx.executeWithoutResult(s -> family.textHeld(now));
    }

    private void alertSupervisors(long id, Instant now) {
        Alarm alarm = alarms.find(id).orElseThrow();
        List<Accounts.User> supervisors = accounts.withRole(Role.SUPERVISOR);
        String body = "【安心12349】" + AlarmKind.chinese(alarm.type()) + "报警 #" + id + "（" + alarm.seniorName() + "）已超过"
                + ackTimeout.toSeconds() + "秒未受理，请立即处理。";
        for (Accounts.User supervisor : supervisors) {
            notifications.queue(new Notifications.Request(
                    id,
                    "supervisor " + supervisor.username(),
                    supervisor.phone(),
                    Notification.Channel.SMS,
                    "SUPERVISOR_ALERT",
                    body));
        }
        alarms.addTimeline(
                id,
                now,
                null,
                "ESCALATED",
                "system",
                "not acknowledged within " + ackTimeout.toSeconds() + " s; " + supervisors.size()
                        + " supervisor(s) alerted");
        log.warn("alarm {} not acknowledged within {} s: escalated", id, ackTimeout.toSeconds());
        events.publishEvent(new AlarmChanged(id));
    }
}
