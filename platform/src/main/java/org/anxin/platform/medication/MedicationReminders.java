package org.anxin.platform.medication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.anxin.platform.notify.Notification;
import org.anxin.platform.notify.Notifications;
import org.anxin.platform.senior.SeniorProfiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each medicine's reminder at its times of day in the city's time zone, on the injected
 * clock. A reminder is due from its time until {@code lateLimit} after it; the first node to
 * insert its row (unique per senior, medicine and due time) sends it, in the same transaction,
 * so several nodes never send it twice and a rolled-back claim sends nothing.
 */
@Component
class MedicationReminders {
    static final String PURPOSE = "MEDICATION_REMINDER";
    private static final Logger log = LoggerFactory.getLogger(MedicationReminders.class);

    private final SeniorProfiles profiles;
    private final ReminderStore store;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration lateLimit;

    MedicationReminders(
            SeniorProfiles profiles,
            ReminderStore store,
            Notifications notifications,
            TransactionTemplate tx,
            Clock clock,
            ZoneId zone,
            MedicationProperties properties) {
        this.profiles = profiles;
        this.store = store;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
        this.zone = zone;
        this.lateLimit = properties.lateLimit();
    }

    @Scheduled(initialDelay = 5_000, fixedDelayString = "${anxin.medication.tick-ms:10000}")
    void tick() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalTime from = now.minus(lateLimit).atZone(zone).toLocalTime();
        LocalTime to = now.atZone(zone).toLocalTime();
        for (SeniorProfiles.MedicineOf scheduled : profiles.medicinesTakenBetween(from, to)) {
            for (LocalTime time : scheduled.medicine().times()) {
                // yesterday's too: a 23:50 dose is still due at 00:05
                for (LocalDate day : new LocalDate[] {today.minusDays(1), today}) {
                    Instant due = day.atTime(time).atZone(zone).toInstant();
                    if (!due.isAfter(now) && due.isAfter(now.minus(lateLimit))) {
                        tx.executeWithoutResult(s -> remind(scheduled, due, now));
                    }
                }
            }
        }
    }

    private void remind(SeniorProfiles.MedicineOf scheduled, Instant due, Instant now) {
        Optional<Long> claimed = store.claim(
                scheduled.seniorId(),
                scheduled.medicine().name(),
                scheduled.medicine().dose(),
                due,
                now);
        if (claimed.isEmpty()) {
            return;
        }
        String at = due.atZone(zone).toLocalTime().toString();
        String dose = scheduled.medicine().dose() == null
                ? ""
                : "，" + scheduled.medicine().dose();
        long notification = notifications.queue(new Notifications.Request(
                null,
                "senior " + scheduled.seniorId(),
                scheduled.seniorPhone(),
                Notification.Channel.SMS,
                PURPOSE,
                "【安心】" + scheduled.seniorName() + "，" + at + " 该服药了："
                        + scheduled.medicine().name() + dose + "。"));
        store.sent(claimed.get(), notification);
        log.info(
                "medication reminder {} for senior {} ({} at {})",
                claimed.get(),
                scheduled.seniorId(),
                scheduled.medicine().name(),
                at);
    }
}
