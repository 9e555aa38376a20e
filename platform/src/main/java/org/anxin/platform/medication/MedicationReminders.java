package org.anxin.platform.medication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.anxin.platform.device.Device;
import org.anxin.platform.device.DeviceCommands;
import org.anxin.platform.device.DeviceService;
import org.anxin.platform.notify.Notification;
import org.anxin.platform.notify.Notifications;
import org.anxin.platform.senior.SeniorProfiles;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.Viewer;
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
 *
 * <p>A senior who wears a "3G" watch gets it on the watch instead: a REMIND command (one of the
 * watch's alarm clocks, at the dose's time) claimed and sent {@code watchLead} ahead, so the watch
 * has it before its minute; the watch's answer is the acknowledgement. A dose whose time came
 * before the watch was sent it (the platform was down, the watch revoked) goes by SMS.
 */
@Component
class MedicationReminders {
    static final String PURPOSE = "MEDICATION_REMINDER";
    private static final String WATCH = "watch";
    /** The platform's own act: it may command every senior's device. */
    private static final Viewer SYSTEM = new Viewer("system", Role.ADMIN, Set.of());

    private static final Logger log = LoggerFactory.getLogger(MedicationReminders.class);

    private final SeniorProfiles profiles;
    private final ReminderStore store;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration lateLimit;
    private final Duration watchLead;
    private final DeviceService devices;
    private final DeviceCommands commands;

    MedicationReminders(
            SeniorProfiles profiles,
            ReminderStore store,
            Notifications notifications,
            TransactionTemplate tx,
            Clock clock,
            ZoneId zone,
            MedicationProperties properties,
            DeviceService devices,
            DeviceCommands commands) {
        this.profiles = profiles;
        this.store = store;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
        this.zone = zone;
        this.lateLimit = properties.lateLimit();
        this.watchLead = properties.watchLead();
        this.devices = devices;
        this.commands = commands;
    }

    @Scheduled(initialDelay = 5_000, fixedDelayString = "${anxin.medication.tick-ms:10000}")
    void tick() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalTime from = now.minus(lateLimit).atZone(zone).toLocalTime();
        LocalTime to = now.plus(watchLead).atZone(zone).toLocalTime();
        Map<Long, Optional<String>> watches = new HashMap<>();
        for (SeniorProfiles.MedicineOf scheduled : profiles.medicinesTakenBetween(from, to)) {
            for (LocalTime time : scheduled.medicine().times()) {
                // yesterday's too: a 23:50 dose is still due at 00:05; tomorrow's: a watch gets 00:02 at 23:57
                for (LocalDate day : new LocalDate[] {today.minusDays(1), today, today.plusDays(1)}) {
                    Instant due = day.atTime(time).atZone(zone).toInstant();
                    if (!due.isAfter(now) && due.isAfter(now.minus(lateLimit))) {
                        tx.executeWithoutResult(s -> remind(scheduled, due, now));
                    } else if (due.isAfter(now) && !due.isAfter(now.plus(watchLead))) {
                        watches.computeIfAbsent(scheduled.seniorId(), this::watchOf)
                                .ifPresent(watch -> remindOnWatch(scheduled, watch, due, now));
                    }
                }
            }
        }
    }

    /** The senior's "3G" watch, if they wear one and it is connected now (else the dose goes by SMS). */
    private Optional<String> watchOf(long seniorId) {
        return devices.forSenior(seniorId).stream()
                .filter(d -> WATCH.equals(d.protocol()) && d.revokedAt() == null && d.online())
                .map(Device::id)
                .findFirst();
    }

    /**
     * Claims the dose for the watch, then (the claim committed) sends the REMIND: the command row
     * must be committed before the gateway's answer can find it.
     */
    private void remindOnWatch(SeniorProfiles.MedicineOf scheduled, String watch, Instant due, Instant now) {
        Optional<Long> claimed = tx.execute(s -> store.claim(
                scheduled.seniorId(),
                scheduled.medicine().name(),
                scheduled.medicine().dose(),
                due,
                "WATCH",
                now));
        if (claimed == null || claimed.isEmpty()) {
            return;
        }
        String at = due.atZone(zone).toLocalTime().toString();
        try {
            DeviceCommands.DeviceCommand command =
                    commands.create(watch, DeviceCommands.REMIND, Map.of("at", at), SYSTEM);
            store.commanded(claimed.get(), command.id());
            log.info(
                    "medication reminder {} for senior {} ({} at {}) on watch {}: command {}",
                    claimed.get(),
                    scheduled.seniorId(),
                    scheduled.medicine().name(),
                    at,
                    watch,
                    command.id());
        } catch (RuntimeException e) {
            log.warn(
                    "medication reminder {}: watch {} took no REMIND ({}); by SMS", claimed.get(), watch, e.toString());
            tx.executeWithoutResult(s -> text(scheduled, claimed.get(), due));
        }
    }

    private void remind(SeniorProfiles.MedicineOf scheduled, Instant due, Instant now) {
        Optional<Long> claimed = store.claim(
                scheduled.seniorId(),
                scheduled.medicine().name(),
                scheduled.medicine().dose(),
                due,
                "SMS",
                now);
        claimed.ifPresent(id -> text(scheduled, id, due));
    }

    private void text(SeniorProfiles.MedicineOf scheduled, long reminder, Instant due) {
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
        store.sent(reminder, notification);
        log.info(
                "medication reminder {} for senior {} ({} at {})",
                reminder,
                scheduled.seniorId(),
                scheduled.medicine().name(),
                at);
    }
}
