package org.anxin.platform.alarm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.anxin.platform.device.DeviceService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alarms raised by what did not happen. OFFLINE: a device silent for longer than
 * {@code anxin.alarms.offline-after} (default 30 min: three missed 10-minute heartbeats), once
 * per silence. INACTIVITY: a device that reports but has not moved (no new fix 50 m away, no
 * steps) for {@code anxin.alarms.inactivity.after} (default 4 h), all of it inside the daytime
 * window (default 08:00–20:00, city time), once per still period.
 */
@Component
class SilenceRules {
    private final DeviceService devices;
    private final AlarmRepository alarms;
    private final AlarmRaiser raiser;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration offlineAfter;
    private final Duration inactiveAfter;
    private final LocalTime dayStart;
    private final LocalTime dayEnd;
    private final ZoneId zone;
    private final Instant startedAt;

    SilenceRules(
            DeviceService devices,
            AlarmRepository alarms,
            AlarmRaiser raiser,
            TransactionTemplate tx,
            Clock clock,
            AlarmProperties properties,
            ZoneId zone) {
        this.devices = devices;
        this.alarms = alarms;
        this.raiser = raiser;
        this.tx = tx;
        this.clock = clock;
        this.offlineAfter = properties.alarms().offlineAfter();
        this.inactiveAfter = properties.alarms().inactivity().after();
        this.dayStart = properties.alarms().inactivity().dayStart();
        this.dayEnd = properties.alarms().inactivity().dayEnd();
        this.zone = zone;
        this.startedAt = clock.instant();
    }

    @Scheduled(
            initialDelayString = "${anxin.alarms.silence-check-ms:30000}",
            fixedDelayString = "${anxin.alarms.silence-check-ms:30000}")
    void check() {
        Instant now = clock.instant();
        // while the platform itself was down nobody heard the devices: give them time to come back
        Instant cutoff = now.minus(offlineAfter);
        if (!cutoff.isBefore(startedAt)) {
            for (DeviceService.Quiet quiet : devices.silentSince(cutoff)) {
                raiseOnce(AlarmKind.OFFLINE, quiet, quiet.lastSeenAt(), "silent since " + quiet.lastSeenAt());
            }
        }
        if (inDaytime(now)) {
            for (DeviceService.Quiet quiet : devices.stillSince(now.minus(inactiveAfter), now.minus(offlineAfter))) {
                raiseOnce(AlarmKind.INACTIVITY, quiet, quiet.lastMovedAt(), "no movement since " + quiet.lastMovedAt());
            }
        }
    }

    /** The whole still period, from {@code now - after} to now, lies within today's daytime. */
    private boolean inDaytime(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime from = now.minus(inactiveAfter).atZone(zone);
        return from.toLocalDate().equals(local.toLocalDate())
                && !from.toLocalTime().isBefore(dayStart)
                && local.toLocalTime().isBefore(dayEnd);
    }

    private void raiseOnce(String kind, DeviceService.Quiet quiet, Instant since, String detail) {
        tx.executeWithoutResult(status -> {
            if (!alarms.raisedSince(quiet.deviceId(), kind, since)) {
                raiser.raise(new AlarmRaiser.Raise(
                        kind,
                        quiet.seniorId(),
                        quiet.deviceId(),
                        since,
                        quiet.lat(),
                        quiet.lon(),
                        detail,
                        "system",
                        false));
            }
        });
    }
}
