package org.anxin.platform.alarm;

import java.util.Optional;
import org.anxin.platform.device.Device;
import org.anxin.platform.device.DeviceService;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.vitals.VitalsAbnormal;
import org.anxin.platform.vitals.VitalsProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Raises VITALS_ABNORMAL when a senior's readings stayed past a limit (the vitals module has
 * already debounced them), in the transaction that stored the reading, at the device's last fix
 * or else the senior's home. While one is open, another is not raised.
 */
@Component
class VitalsAlarms {
    private final AlarmRaiser raiser;
    private final DeviceService devices;
    private final SeniorService seniors;
    private final VitalsProperties properties;

    VitalsAlarms(AlarmRaiser raiser, DeviceService devices, SeniorService seniors, VitalsProperties properties) {
        this.raiser = raiser;
        this.devices = devices;
        this.seniors = seniors;
        this.properties = properties;
    }

    @EventListener
    void on(VitalsAbnormal abnormal) {
        Double lat = null;
        Double lon = null;
        Optional<Device> device = devices.find(abnormal.deviceId());
        if (device.isPresent() && device.get().lat() != null) {
            lat = device.get().lat();
            lon = device.get().lon();
        } else {
            Optional<Senior> senior = seniors.find(abnormal.seniorId());
            if (senior.isPresent()) {
                lat = senior.get().lat();
                lon = senior.get().lon();
            }
        }
        raiser.raise(new AlarmRaiser.Raise(
                AlarmKind.VITALS_ABNORMAL,
                abnormal.seniorId(),
                abnormal.deviceId(),
                abnormal.at(),
                lat,
                lon,
                abnormal.detail(properties.consecutive()),
                "device:" + abnormal.deviceId(),
                false));
    }
}
