package org.anxin.platform.alarm;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.anxin.platform.notify.Notification;
import org.anxin.platform.notify.Notifications;
import org.anxin.platform.senior.SeniorRecord;
import org.anxin.platform.senior.SeniorService;
import org.springframework.stereotype.Component;

/**
 * Tells the family at once, by SMS, that their senior left a safe zone they drew (the alarm
 * itself reaches their page through the live feed). Not held for quiet hours: the family chose
 * the zone's hours themselves. The desk's escalation timers still run as for any alarm.
 */
@Component
class GeofenceAlerts {
    private final Notifications notifications;
    private final SeniorService seniors;
    private final AlarmRepository alarms;
    private final Clock clock;
    private final DateTimeFormatter time;

    GeofenceAlerts(
            Notifications notifications, SeniorService seniors, AlarmRepository alarms, Clock clock, ZoneId zone) {
        this.notifications = notifications;
        this.seniors = seniors;
        this.alarms = alarms;
        this.clock = clock;
        this.time = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(zone);
    }

    /** Runs in the transaction that raised the alarm: the SMS go out after it commits. */
    void tellFamily(long alarmId, Geofence fence, Instant at) {
        List<SeniorRecord.Contact> contacts = seniors.contacts(fence.seniorId());
        String name = seniors.find(fence.seniorId()).map(s -> s.name()).orElse("");
        String body = "【安心12349】您的家人" + name + "于" + time.format(at) + "离开安全区域“" + fence.name() + "”。请打开家属页面查看位置。";
        for (SeniorRecord.Contact contact : contacts) {
            notifications.queue(new Notifications.Request(
                    alarmId,
                    contact.position() + ". " + contact.name(),
                    contact.phone(),
                    Notification.Channel.SMS,
                    "GEOFENCE_ALERT",
                    body));
        }
        alarms.addTimeline(
                alarmId,
                clock.instant(),
                null,
                "FAMILY_TOLD",
                "system",
                contacts.isEmpty()
                        ? "left safe zone " + fence.name() + "; no emergency contacts on record"
                        : "left safe zone " + fence.name() + ": SMS to " + contacts.size() + " contact(s)");
    }
}
