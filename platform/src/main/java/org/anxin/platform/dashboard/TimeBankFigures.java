package org.anxin.platform.dashboard;

import java.util.List;
import org.anxin.platform.order.ServiceFigures;
import org.anxin.platform.system.SeniorScope;
import org.anxin.platform.timebank.TimeBankHours;
import org.springframework.stereotype.Component;

/**
 * Time-bank hours of the period: city-wide every entry; for a node only the entries earned, spent
 * or refunded on its seniors' orders (a donation between volunteers belongs to no community).
 */
@Component
class TimeBankFigures {
    private final TimeBankHours hours;
    private final ServiceFigures orders;

    TimeBankFigures(TimeBankHours hours, ServiceFigures orders) {
        this.hours = hours;
        this.orders = orders;
    }

    Dashboard.TimeBank of(Period p, SeniorScope scope) {
        List<Long> orderIds = scope.everyone() ? List.of() : orders.ids(scope);
        long entries = 0;
        long earned = 0;
        long spent = 0;
        long donated = 0;
        for (TimeBankHours.KindMinutes k : hours.of(p.from(), p.to(), scope.everyone(), orderIds)) {
            entries += k.entries();
            switch (k.kind()) {
                case "EARN" -> earned += k.minutes();
                case "SPEND" -> spent -= k.minutes();
                case "REFUND" -> spent -= k.minutes();
                case "DONATE_IN" -> donated += k.minutes();
                default -> {
                    // DONATE_OUT mirrors DONATE_IN: counted once
                }
            }
        }
        return new Dashboard.TimeBank(
                entries, Dashboard.hours(earned), Dashboard.hours(Math.max(0, spent)), Dashboard.hours(donated));
    }
}
