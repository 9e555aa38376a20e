package org.anxin.platform.alarm;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.anxin.platform.device.DeviceEvent;
import org.anxin.platform.device.DeviceEventStored;
import org.anxin.platform.device.DeviceEventsStored;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The safe-zone rule on each stored fix, in the transaction that stored it: a fix outside a zone
 * within the zone's hours (the fix's own time, city time) raises GEOFENCE_EXIT, once per way out,
 * and the family is told at once ({@link GeofenceAlerts}). A senior who left before the hours
 * began raises it with the first fix inside them; a way out that ends before them raises nothing.
 */
@Component
class GeofenceRules {
    private final AlarmRaiser raiser;
    private final GeofenceRepository geofences;
    private final GeofenceAlerts alerts;
    private final ZoneId zone;

    GeofenceRules(AlarmRaiser raiser, GeofenceRepository geofences, GeofenceAlerts alerts, ZoneId zone) {
        this.raiser = raiser;
        this.geofences = geofences;
        this.alerts = alerts;
        this.zone = zone;
    }

    @EventListener
    void on(DeviceEventsStored batch) {
        List<Long> withFix = batch.stored().stream()
                .filter(stored -> stored.event().lat() != null)
                .map(DeviceEventStored::seniorId)
                .distinct()
                .toList();
        if (withFix.isEmpty()) {
            return;
        }
        // the safe zones of every senior with a fix in the batch, in one query
        Map<Long, List<Geofence>> zones = geofences.forSeniors(withFix);
        for (DeviceEventStored stored : batch.stored()) {
            List<Geofence> own = zones.get(stored.seniorId());
            if (stored.event().lat() != null && own != null) {
                check(stored.event(), own);
            }
        }
    }

    /** {@code zones} is updated in place, so a later fix of the same batch sees a zone's new state. */
    private void check(DeviceEvent event, List<Geofence> zones) {
        Instant at = event.deviceTime() != null ? event.deviceTime() : event.receivedAt();
        for (int i = 0; i < zones.size(); i++) {
            Geofence fence = zones.get(i);
            boolean inside = fence.contains(event.lat(), event.lon());
            if (inside) {
                if (fence.outside() && geofences.markOutside(fence.id(), false)) {
                    zones.set(i, fence.withState(false, false));
                }
                continue;
            }
            if (!fence.outside()) {
                if (!geofences.markOutside(fence.id(), true)) {
                    continue;
                }
                fence = fence.withState(true, false);
                zones.set(i, fence);
            }
            if (!fence.alerted() && fence.activeAt(at, zone) && geofences.markAlerted(fence.id())) {
                Geofence left = fence.withState(true, true);
                zones.set(i, left);
                raiser.raise(new AlarmRaiser.Raise(
                                AlarmKind.GEOFENCE_EXIT,
                                fence.seniorId(),
                                event.deviceId(),
                                at,
                                event.lat(),
                                event.lon(),
                                "left safe zone " + left.name(),
                                "device:" + event.deviceId(),
                                true))
                        .ifPresent(alarmId -> alerts.tellFamily(alarmId, left, at));
            }
        }
    }
}
