package org.anxin.platform.dispatch;

import org.anxin.platform.alarm.AlarmService;
import org.anxin.platform.notify.Notifications;
import org.anxin.platform.senior.SeniorService;
import org.springframework.stereotype.Component;

/** Turns a dispatch row's alarm or order id into what is being dispatched. */
@Component
class Dispatchables {
    private final AlarmService alarms;
    private final SeniorService seniors;
    private final Notifications notifications;
    private final OfferedOrders orders;
    private final Responders responders;

    Dispatchables(
            AlarmService alarms,
            SeniorService seniors,
            Notifications notifications,
            OfferedOrders orders,
            Responders responders) {
        this.alarms = alarms;
        this.seniors = seniors;
        this.notifications = notifications;
        this.orders = orders;
        this.responders = responders;
    }

    Emergency alarm(long alarmId) {
        return new Emergency(alarmId, alarms, seniors, notifications, responders);
    }

    UrgentOrder order(long orderId) {
        return new UrgentOrder(orderId, orders, responders);
    }

    /** The one place that reads which of the two ids a row has (a check constraint keeps exactly one). */
    Dispatchable of(Dispatch d) {
        return d.alarmId() != null ? alarm(d.alarmId()) : order(d.orderId());
    }
}
