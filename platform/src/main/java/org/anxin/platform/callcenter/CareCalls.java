package org.anxin.platform.callcenter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.anxin.platform.alarm.AlarmService;
import org.anxin.platform.notify.Notification;
import org.anxin.platform.notify.Notifications;
import org.anxin.platform.notify.VoiceCallPlaced;
import org.anxin.platform.notify.VoiceCallStatus;
import org.anxin.platform.notify.VoiceKeyPressed;
import org.anxin.platform.senior.LivingSituation;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proactive care calls (主动关怀): at each schedule's window an automated call (through the
 * notify module and Twilio) greets the senior and asks them to press 1 if all is well. Pressed 1:
 * logged. No answer, or no 1, for {@code careCallTimeout} or until the call ends: called again
 * after {@code careRetryAfter}, up to {@code careRetries} times; then a {@code CARE_CHECK} alarm
 * goes to the desk (call back, then send the nearest able responder). Timers on the injected
 * clock; every step claimed by a conditional UPDATE or a row lock, so once across nodes.
 */
@Component
class CareCalls {
    private static final Logger log = LoggerFactory.getLogger(CareCalls.class);
    /** Whom the desk may schedule; a senior whose living situation is not recorded may be called too. */
    private static final Set<LivingSituation> CALLED =
            EnumSet.of(LivingSituation.LIVES_ALONE, LivingSituation.EMPTY_NEST);

    static final String SCRIPT = "您好，这里是安心养老服务平台一二三四九，主动关怀来电。%s您好，请按1表示您一切安好。";

    private final CareStore store;
    private final SeniorService seniors;
    private final Notifications notifications;
    private final AlarmService alarms;
    private final CallCenterProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ZoneId zone;

    CareCalls(
            CareStore store,
            SeniorService seniors,
            Notifications notifications,
            AlarmService alarms,
            CallCenterProperties properties,
            TransactionTemplate tx,
            Clock clock,
            ZoneId zone) {
        this.store = store;
        this.seniors = seniors;
        this.notifications = notifications;
        this.alarms = alarms;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional
    CareSchedule create(
            long seniorId, CareFrequency frequency, Integer dayOfWeek, LocalTime start, LocalTime end, Viewer viewer) {
        if (seniors.find(seniorId).isEmpty()) {
            throw ApiProblem.badRequest("no senior " + seniorId);
        }
        seniors.livingSituation(seniorId)
                .filter(living -> !CALLED.contains(living))
                .ifPresent(living -> {
                    throw ApiProblem.conflict("senior " + seniorId + " is recorded as " + living
                            + ": proactive care calls are for seniors living alone or in empty-nest homes");
                });
        if (store.schedules(seniorId).stream().anyMatch(CareSchedule::active)) {
            throw ApiProblem.conflict("senior " + seniorId + " already has an active care schedule: stop it first");
        }
        if (!start.isBefore(end)) {
            throw ApiProblem.badRequest("windowStart must be before windowEnd (same day, city time)");
        }
        if ((frequency == CareFrequency.WEEKLY) != (dayOfWeek != null)) {
            throw ApiProblem.badRequest("dayOfWeek (1 Monday … 7 Sunday) is needed for WEEKLY and only for it");
        }
        Instant now = clock.instant();
        Instant due = CareSchedule.firstDue(frequency, dayOfWeek, start, end, now, zone);
        long id;
        try {
            id = store.insertSchedule(seniorId, frequency, dayOfWeek, start, end, due, viewer.username(), now);
        } catch (DuplicateKeyException raced) {
            throw ApiProblem.conflict("senior " + seniorId + " already has an active care schedule: stop it first");
        }
        return store.schedule(id);
    }

    @Scheduled(initialDelay = 5_000, fixedDelayString = "${anxin.callcenter.tick-ms:5000}")
    void tick() {
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> store.lockDue(now).forEach(schedule -> {
            store.dueNext(
                    schedule.id(),
                    CareSchedule.nextStart(
                            schedule.frequency(), schedule.dayOfWeek(), schedule.windowStart(), now, zone));
            call(store.insertCheck(schedule.id(), schedule.seniorId(), now), schedule.seniorId());
        }));
        tx.executeWithoutResult(s -> store.claimRetries(now).forEach(due -> call(due.id(), due.seniorId())));
        Instant timedOut = now.minus(properties.careCallTimeout());
        tx.executeWithoutResult(s -> store.claimUnansweredToRetry(
                        timedOut, properties.careRetries(), now.plus(properties.careRetryAfter()), now)
                .forEach(due -> log.info("care call {} for senior {} unanswered: retrying", due.id(), due.seniorId())));
        tx.executeWithoutResult(s -> store.claimUnansweredToEscalate(timedOut, properties.careRetries(), now)
                .forEach(this::escalate));
    }

    private void call(long checkId, long seniorId) {
        Senior senior = seniors.find(seniorId).orElseThrow();
        long notification = notifications.queue(new Notifications.Request(
                null,
                "senior " + senior.name(),
                senior.phone(),
                Notification.Channel.VOICE,
                Notifications.CARE_CHECK,
                String.format(java.util.Locale.ROOT, SCRIPT, senior.name())));
        store.calling(checkId, notification);
    }

    private void escalate(CareStore.Due due) {
        long alarmId = alarms.raiseCareCheck(
                due.seniorId(),
                "no answer to the care call (check " + due.id() + ") after " + (properties.careRetries() + 1)
                        + " call(s): call back, then a visit");
        store.alarmRaised(due.id(), alarmId);
        log.warn(
                "care call {} for senior {} unanswered after the retries: CARE_CHECK alarm {}",
                due.id(),
                due.seniorId(),
                alarmId);
    }

    @EventListener
    void on(VoiceCallPlaced placed) {
        if (Notifications.CARE_CHECK.equals(placed.purpose())) {
            store.placed(placed.notificationId(), placed.callSid());
        }
    }

    @EventListener
    void on(VoiceKeyPressed pressed) {
        if (Notifications.CARE_CHECK.equals(pressed.purpose())) {
            store.keyPressed(pressed.notificationId(), pressed.digits(), clock.instant());
        }
    }

    /** The call ended; without a 1 by then, the next tick retries or escalates. */
    @EventListener
    void on(VoiceCallStatus status) {
        if (List.of("completed", "busy", "no-answer", "failed", "canceled").contains(status.status())) {
            store.callEnded(status.callSid(), clock.instant());
        }
    }

    List<CareSchedule> schedules(Long seniorId) {
        return store.schedules(seniorId);
    }

    List<CareCheck> checks(Long seniorId, int limit) {
        return store.checks(seniorId, limit);
    }

    @Transactional
    CareSchedule stop(long id) {
        CareSchedule schedule = store.schedule(id);
        if (schedule == null) {
            throw ApiProblem.notFound("no care schedule " + id);
        }
        if (!store.stop(id)) {
            throw ApiProblem.conflict("care schedule " + id + " is already stopped");
        }
        return store.schedule(id);
    }
}
