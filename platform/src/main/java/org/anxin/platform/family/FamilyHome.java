package org.anxin.platform.family;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.anxin.platform.alarm.Alarm;
import org.anxin.platform.alarm.AlarmService;
import org.anxin.platform.alarm.AlarmStatus;
import org.anxin.platform.device.Device;
import org.anxin.platform.device.DeviceService;
import org.anxin.platform.device.FixSource;
import org.anxin.platform.device.Positions;
import org.anxin.platform.senior.Senior;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.Viewer;
import org.springframework.stereotype.Service;

/** What the family's home page shows of each of their seniors, as it is now. */
@Service
class FamilyHome {
    private static final List<AlarmStatus> OPEN = List.copyOf(AlarmStatus.OPEN);

    private final SeniorService seniors;
    private final DeviceService devices;
    private final Positions positions;
    private final AlarmService alarms;

    FamilyHome(SeniorService seniors, DeviceService devices, Positions positions, AlarmService alarms) {
        this.seniors = seniors;
        this.devices = devices;
        this.positions = positions;
        this.alarms = alarms;
    }

    /** A device as the family sees it: the last fix, how it was found, and whether it is online. */
    record DeviceCard(
            String id,
            String protocol,
            boolean online,
            Integer battery,
            Instant lastSeenAt,
            Double lat,
            Double lon,
            Instant fixAt,
            FixSource source) {}

    record OpenAlarm(long id, String type, AlarmStatus status, Instant createdAt, String familyAcceptedBy) {}

    record SeniorCard(
            long id,
            String name,
            String address,
            Double homeLat,
            Double homeLon,
            List<DeviceCard> devices,
            List<OpenAlarm> openAlarms) {}

    List<SeniorCard> cards(Viewer viewer) {
        Map<Long, List<OpenAlarm>> open = alarms.list(OPEN, viewer).stream()
                .collect(Collectors.groupingBy(
                        Alarm::seniorId,
                        Collectors.mapping(
                                a -> new OpenAlarm(a.id(), a.type(), a.status(), a.createdAt(), a.familyAcceptedBy()),
                                Collectors.toList())));
        return seniors.list(viewer).stream()
                .map(senior -> card(senior, open.getOrDefault(senior.id(), List.of())))
                .toList();
    }

    private SeniorCard card(Senior senior, List<OpenAlarm> open) {
        List<DeviceCard> cards =
                devices.forSenior(senior.id()).stream().map(this::card).toList();
        return new SeniorCard(senior.id(), senior.name(), senior.address(), senior.lat(), senior.lon(), cards, open);
    }

    private DeviceCard card(Device device) {
        Positions.Fix fix = positions.lastFix(device.id()).orElse(null);
        return new DeviceCard(
                device.id(),
                device.protocol(),
                device.online(),
                device.battery(),
                device.lastSeenAt(),
                fix == null ? null : fix.lat(),
                fix == null ? null : fix.lon(),
                fix == null ? null : fix.at(),
                fix == null ? FixSource.NONE : fix.source());
    }
}
