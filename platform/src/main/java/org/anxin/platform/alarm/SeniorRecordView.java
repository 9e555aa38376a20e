package org.anxin.platform.alarm;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anxin.platform.device.DeviceService;
import org.anxin.platform.senior.SeniorRecord;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The senior's record as the operator sees it on an alarm: profile, contacts in call order,
 * devices, last position and trail. How to get through the door is shown only to desk staff
 * while the alarm is open; every opening is written to {@code record_views}.
 */
@Component
class SeniorRecordView {
    private static final int TRAIL_POINTS = 200;

    private final AlarmService alarms;
    private final SeniorService seniors;
    private final DeviceService devices;
    private final JdbcClient db;
    private final Clock clock;
    private final ZoneId zone;

    SeniorRecordView(
            AlarmService alarms,
            SeniorService seniors,
            DeviceService devices,
            JdbcClient db,
            Clock clock,
            ZoneId zone) {
        this.alarms = alarms;
        this.seniors = seniors;
        this.devices = devices;
        this.db = db;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional
    Map<String, Object> forAlarm(long alarmId, Viewer viewer) {
        if (viewer.role() == Role.RESPONDER) {
            throw ApiProblem.forbidden("a responder sees the senior through the dispatch, not the desk record");
        }
        Alarm alarm = alarms.get(alarmId, viewer);
        SeniorRecord record = seniors.record(alarm.seniorId()).orElseThrow();
        boolean deskStaff = viewer.isDesk();
        boolean showDoor = deskStaff && alarm.status().open();
        db.sql("insert into record_views (senior_id, alarm_id, username, door_notes_shown, at) values (?, ?, ?, ?, ?)")
                .params(alarm.seniorId(), alarmId, viewer.username(), showDoor, Timestamp.from(clock.instant()))
                .update();

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alarmId", alarmId);
        body.put("seniorId", record.senior().id());
        body.put("name", record.senior().name());
        body.put("phone", record.senior().phone());
        LocalDate birth = record.birthDate();
        body.put("birthDate", birth);
        body.put(
                "age",
                birth == null
                        ? null
                        : Period.between(birth, LocalDate.now(clock.withZone(zone)))
                                .getYears());
        body.put("healthNotes", record.healthNotes());
        body.put("medicines", record.medicines());
        body.put("allergies", record.allergies());
        body.put("contacts", record.contacts());
        body.put("address", record.senior().address());
        body.put(
                "home",
                record.senior().lat() == null
                        ? null
                        : new double[] {record.senior().lat(), record.senior().lon()});
        body.put("doorNotes", showDoor ? record.doorNotes() : null);
        body.put("doorNotesShown", showDoor);
        body.put("devices", devices.forSenior(alarm.seniorId()));
        body.put("trail", devices.trail(alarm.seniorId(), clock.instant().minus(Duration.ofHours(24)), TRAIL_POINTS));
        return body;
    }

    /** Who opened the senior's record, newest first (for audits). */
    java.util.List<Map<String, Object>> views(long seniorId) {
        return db.sql("select alarm_id, username, door_notes_shown, at from record_views where senior_id = ?"
                        + " order by at desc, id desc limit 500")
                .param(seniorId)
                .query((rs, n) -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("alarmId", rs.getObject("alarm_id"));
                    view.put("username", rs.getString("username"));
                    view.put("doorNotesShown", rs.getBoolean("door_notes_shown"));
                    view.put("at", rs.getTimestamp("at").toInstant());
                    return view;
                })
                .list();
    }
}
