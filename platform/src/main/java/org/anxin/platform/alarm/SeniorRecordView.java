package org.anxin.platform.alarm;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.anxin.platform.device.Device;
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

    /**
     * The senior's record as the desk sees it on an alarm; {@code doorNotes} only while the alarm
     * is open and to desk staff ({@code doorNotesShown}).
     *
     * @param home [lat, lon] of the home, or null
     */
    record RecordView(
            long alarmId,
            long seniorId,
            String name,
            String phone,
            LocalDate birthDate,
            Integer age,
            String healthNotes,
            String medicines,
            String allergies,
            List<SeniorRecord.Contact> contacts,
            String address,
            List<Double> home,
            String doorNotes,
            boolean doorNotesShown,
            List<Device> devices,
            List<DeviceService.TrailPoint> trail) {}

    /** One opening of the record, for audits. */
    record RecordOpened(Long alarmId, String username, boolean doorNotesShown, Instant at) {}

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
    RecordView forAlarm(long alarmId, Viewer viewer) {
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

        LocalDate birth = record.birthDate();
        return new RecordView(
                alarmId,
                record.senior().id(),
                record.senior().name(),
                record.senior().phone(),
                birth,
                birth == null
                        ? null
                        : Period.between(birth, LocalDate.now(clock.withZone(zone)))
                                .getYears(),
                record.healthNotes(),
                record.medicines(),
                record.allergies(),
                record.contacts(),
                record.senior().address(),
                record.senior().lat() == null
                        ? null
                        : List.of(record.senior().lat(), record.senior().lon()),
                showDoor ? record.doorNotes() : null,
                showDoor,
                devices.forSenior(alarm.seniorId()),
                devices.trail(alarm.seniorId(), clock.instant().minus(Duration.ofHours(24)), TRAIL_POINTS));
    }

    /** Who opened the senior's record, newest first (for audits). */
    List<RecordOpened> views(long seniorId) {
        return db.sql("select alarm_id, username, door_notes_shown, at from record_views where senior_id = ?"
                        + " order by at desc, id desc limit 500")
                .param(seniorId)
                .query((rs, n) -> new RecordOpened(
                        rs.getObject("alarm_id", Long.class),
                        rs.getString("username"),
                        rs.getBoolean("door_notes_shown"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }
}
