package org.anxin.platform.alarm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anxin.platform.device.Device;
import org.anxin.platform.device.DeviceEvent;
import org.anxin.platform.device.DeviceEventStored;
import org.anxin.platform.device.DeviceEventsStored;
import org.anxin.platform.device.DeviceService;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The rules on each stored device event, in the transaction that stored it: SOS, FALL,
 * WATCH_REMOVED, LOW_BATTERY and other device alarms raise an alarm of that kind; a battery
 * reported at or below the threshold raises LOW_BATTERY; a fix outside a safe zone the senior
 * was inside raises GEOFENCE_EXIT. Silence (OFFLINE, INACTIVITY) is found by {@link SilenceRules}.
 */
@Component
class AlarmRules {
    private final AlarmRaiser raiser;
    private final GeofenceRepository geofences;
    private final DeviceService devices;
    private final SeniorService seniors;
    private final int lowBatteryPercent;

    AlarmRules(
            AlarmRaiser raiser,
            GeofenceRepository geofences,
            DeviceService devices,
            SeniorService seniors,
            AlarmProperties properties) {
        this.raiser = raiser;
        this.geofences = geofences;
        this.devices = devices;
        this.seniors = seniors;
        this.lowBatteryPercent = properties.alarms().lowBatteryPercent();
    }

    @EventListener
    void on(DeviceEventsStored batch) {
        List<Long> withFix = batch.stored().stream()
                .filter(stored -> stored.event().lat() != null)
                .map(DeviceEventStored::seniorId)
                .distinct()
                .toList();
        // the safe zones of every senior with a fix in the batch, in one query
        Map<Long, List<Geofence>> zones = withFix.isEmpty() ? Map.of() : geofences.forSeniors(withFix);
        batch.stored().forEach(stored -> on(stored, zones));
    }

    private void on(DeviceEventStored stored, Map<Long, List<Geofence>> zones) {
        DeviceEvent event = stored.event();
        String actor = "device:" + event.deviceId();
        Instant at = event.deviceTime() != null ? event.deviceTime() : event.receivedAt();
        if (AlarmKind.raisedByEvent(event.type())) {
            Double[] where = position(event, stored.seniorId());
            String detail = event.vendorCode() == null ? null : "device code " + event.vendorCode();
            raiser.raise(new AlarmRaiser.Raise(
                    event.type(), stored.seniorId(), event.deviceId(), at, where[0], where[1], detail, actor, true));
        } else if (event.battery() != null && event.battery() <= lowBatteryPercent) {
            Double[] where = position(event, stored.seniorId());
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
        if (event.lat() != null) {
            checkSafeZones(event, zones.getOrDefault(stored.seniorId(), List.of()), at, actor);
        }
    }

    /** {@code zones} is updated in place, so a later fix of the same batch sees a zone's new state. */
    private void checkSafeZones(DeviceEvent event, List<Geofence> zones, Instant at, String actor) {
        for (int i = 0; i < zones.size(); i++) {
            Geofence zone = zones.get(i);
            boolean inside = zone.contains(event.lat(), event.lon());
            if (inside == !zone.outside()) {
                continue;
            }
            if (!geofences.markOutside(zone.id(), !inside)) {
                continue;
            }
            zones.set(i, zone.withOutside(!inside));
            if (!inside) {
                raiser.raise(new AlarmRaiser.Raise(
                        AlarmKind.GEOFENCE_EXIT,
                        zone.seniorId(),
                        event.deviceId(),
                        at,
                        event.lat(),
                        event.lon(),
                        "left safe zone " + zone.name(),
                        actor,
                        true));
            }
        }
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
