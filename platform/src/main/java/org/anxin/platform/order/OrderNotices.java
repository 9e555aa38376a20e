package org.anxin.platform.order;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.anxin.platform.dispatch.Responder;
import org.anxin.platform.notify.Notification;
import org.anxin.platform.notify.Notifications;
import org.anxin.platform.senior.SeniorRecord;
import org.anxin.platform.senior.SeniorService;
import org.springframework.stereotype.Component;

/**
 * The SMS an order sends: to the responder when it is assigned to them or taken back, and to the
 * family (the senior's first emergency contact) when the worker sets off and when the visit
 * ends. Queued in the caller's transaction; the id goes on the order's timeline.
 */
@Component
class OrderNotices {
    private final Notifications notifications;
    private final SeniorService seniors;
    private final DateTimeFormatter day;
    private final DateTimeFormatter time;

    OrderNotices(Notifications notifications, SeniorService seniors, ZoneId zone) {
        this.notifications = notifications;
        this.seniors = seniors;
        this.day = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.CHINA).withZone(zone);
        this.time = DateTimeFormatter.ofPattern("HH:mm", Locale.CHINA).withZone(zone);
    }

    String window(ServiceOrder o) {
        return day.format(o.windowFrom()) + "–" + time.format(o.windowTo());
    }

    long toResponder(Responder r, String purpose, String body) {
        return notifications.queue(new Notifications.Request(
                null, "responder " + r.name(), r.phone(), Notification.Channel.SMS, purpose, body));
    }

    /** To the senior's first emergency contact; null when there is none. */
    Long toFamily(ServiceOrder o, String purpose, String body) {
        List<SeniorRecord.Contact> contacts = seniors.contacts(o.seniorId());
        if (contacts.isEmpty()) {
            return null;
        }
        SeniorRecord.Contact first = contacts.get(0);
        return notifications.queue(new Notifications.Request(
                null, first.position() + ". " + first.name(), first.phone(), Notification.Channel.SMS, purpose, body));
    }
}
