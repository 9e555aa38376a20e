package org.anxin.platform.alarm;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.anxin.platform.device.Device;
import org.anxin.platform.device.DeviceEvent;
import org.anxin.platform.device.DeviceEventStored;
import org.anxin.platform.device.DeviceService;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns stored device events into alarms, in the same transaction. A press while the device's
 * alarm of that kind is open is merged into it (a repeat), never a second card.
 */
@Component
class AlarmRules {
    private static final Logger log = LoggerFactory.getLogger(AlarmRules.class);
    private static final Set<String> RAISING = Set.of("SOS", "FALL");

    private final AlarmRepository alarms;
    private final DeviceService devices;
    private final SeniorService seniors;
    private final ApplicationEventPublisher events;

    AlarmRules(AlarmRepository alarms, DeviceService devices, SeniorService seniors, ApplicationEventPublisher events) {
        this.alarms = alarms;
        this.devices = devices;
        this.seniors = seniors;
        this.events = events;
    }

    @EventListener
    void on(DeviceEventStored stored) {
        DeviceEvent event = stored.event();
        if (!RAISING.contains(event.type())) {
            return;
        }
        String actor = "device:" + event.deviceId();
        Instant raisedAt = event.deviceTime() != null ? event.deviceTime() : event.receivedAt();
        Double[] where = position(event, stored.seniorId());
        Optional<Long> created = alarms.insertIfNoneOpen(
                event.type(), stored.seniorId(), event.deviceId(), raisedAt, where[0], where[1]);
        long alarmId;
        if (created.isPresent()) {
            alarmId = created.get();
            alarms.addTimeline(alarmId, AlarmStatus.RAISED, "RAISED", actor, null);
            log.info(
                    "{} alarm {} raised by device {} for senior {}",
                    event.type(),
                    alarmId,
                    event.deviceId(),
                    stored.seniorId());
        } else {
            Optional<Long> repeated = alarms.countRepeat(event.deviceId(), event.type());
            if (repeated.isEmpty()) {
                // closed between the two statements: raise a fresh one
                on(stored);
                return;
            }
            alarmId = repeated.get();
            alarms.addTimeline(alarmId, null, "REPEAT", actor, "pressed again at " + raisedAt);
        }
        events.publishEvent(new AlarmChanged(alarmId));
    }

    /** Where to send help: the event's fix, else the device's last fix, else the senior's home. */
    private Double[] position(DeviceEvent event, long seniorId) {
        if (event.lat() != null) {
            return new Double[] {event.lat(), event.lon()};
        }
        Optional<Device> device = devices.find(event.deviceId());
        if (device.isPresent() && device.get().lat() != null) {
            return new Double[] {device.get().lat(), device.get().lon()};
        }
        Optional<Senior> senior = seniors.find(seniorId);
        if (senior.isPresent() && senior.get().lat() != null) {
            return new Double[] {senior.get().lat(), senior.get().lon()};
        }
        return new Double[] {null, null};
    }
}
