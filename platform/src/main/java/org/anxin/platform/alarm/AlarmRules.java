package org.anxin.platform.alarm;

import java.time.Instant;
import java.util.Optional;
import org.anxin.platform.device.DeviceEvent;
import org.anxin.platform.device.DeviceEventStored;
import org.anxin.platform.device.DeviceEventsStored;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The rules on each stored device event, in the transaction that stored it: SOS, FALL,
 * WATCH_REMOVED, LOW_BATTERY and other device alarms raise an alarm of that kind; a battery
 * reported at or below the threshold raises LOW_BATTERY. Safe zones are {@link GeofenceRules};
 * silence (OFFLINE, INACTIVITY) is found by {@link SilenceRules}.
 */
@Component
class AlarmRules {
    private final AlarmRaiser raiser;
    private final SeniorService seniors;
    private final int lowBatteryPercent;

    AlarmRules(AlarmRaiser raiser, SeniorService seniors, AlarmProperties properties) {
        this.raiser = raiser;
        this.seniors = seniors;
        this.lowBatteryPercent = properties.alarms().lowBatteryPercent();
    }

    @EventListener
    void on(DeviceEventsStored batch) {
        batch.stored().forEach(this::on);
    }

    private void on(DeviceEventStored stored) {
        DeviceEvent event = stored.event();
        String actor = "device:" + event.deviceId();
        Instant at = event.deviceTime() != null ? event.deviceTime() : event.receivedAt();
        if (AlarmKind.raisedByEvent(event.type())) {
            Double[] where = position(stored);
            String detail = event.vendorCode() == null ? null : "device code " + event.vendorCode();
            raiser.raise(new AlarmRaiser.Raise(
                    event.type(), stored.seniorId(), event.deviceId(), at, where[0], where[1], detail, actor, true));
        } else if (event.battery() != null && event.battery() <= lowBatteryPercent) {
            Double[] where = position(stored);
            raiser.raise(new AlarmRaiser.Raise(
                    AlarmKind.LOW_BATTERY,
                    stored.seniorId(),
                    event.deviceId(),
                    at,
                    where[0],
                    where[1],
                    "battery " + event.battery() + "%",
                    actor,
                    false));
        }
    }

    /**
     * Where to send help: the event's fix, else the device's last fix (as the stored event carries
     * it: no read of the device on an SOS's way to the desk), else the senior's home.
     */
    private Double[] position(DeviceEventStored stored) {
        DeviceEvent event = stored.event();
        if (event.lat() != null) {
            return new Double[] {event.lat(), event.lon()};
        }
        if (stored.lat() != null) {
            return new Double[] {stored.lat(), stored.lon()};
        }
        Optional<Senior> senior = seniors.find(stored.seniorId());
        if (senior.isPresent() && senior.get().lat() != null) {
            return new Double[] {senior.get().lat(), senior.get().lon()};
        }
        return new Double[] {null, null};
    }
}
