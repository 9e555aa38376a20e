package org.anxin.platform.callcenter;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.anxin.platform.alarm.Alarm;
import org.anxin.platform.alarm.AlarmService;
import org.anxin.platform.senior.SeniorRecord;
import org.anxin.platform.senior.SeniorService;
import org.springframework.stereotype.Component;

/**
 * What every console shows the moment a call arrives: the call, who is calling, the senior's
 * record as on an alarm (how to get through the door excepted: that is shown on an open alarm
 * only), the senior's open alarms and work orders, and their recent calls.
 */
@Component
class ScreenPop {
    private static final int RECENT = 5;

    private final CallLog calls;
    private final TicketStore tickets;
    private final SeniorService seniors;
    private final AlarmService alarms;
    private final Clock clock;
    private final ZoneId zone;

    ScreenPop(
            CallLog calls, TicketStore tickets, SeniorService seniors, AlarmService alarms, Clock clock, ZoneId zone) {
        this.calls = calls;
        this.tickets = tickets;
        this.seniors = seniors;
        this.alarms = alarms;
        this.clock = clock;
        this.zone = zone;
    }

    /** The senior's record as the desk needs it on a call. */
    record SeniorCard(
            long id,
            String name,
            String phone,
            String address,
            String community,
            LocalDate birthDate,
            Integer age,
            String healthNotes,
            String medicines,
            String allergies,
            List<SeniorRecord.Contact> contacts) {}

    record CallCard(
            Call call, SeniorCard senior, List<Alarm> openAlarms, List<Ticket> openTickets, List<Call> recentCalls) {}

    CallCard of(Call call) {
        SeniorCard senior = call.seniorId() == null
                ? null
                : seniors.record(call.seniorId()).map(this::card).orElse(null);
        List<Alarm> open = call.seniorId() == null ? List.of() : alarms.openFor(call.seniorId());
        List<Ticket> openTickets = call.seniorId() == null ? List.of() : tickets.openFor(call.seniorId());
        String other = call.direction() == CallDirection.INBOUND ? call.from() : call.to();
        return new CallCard(call, senior, open, openTickets, calls.recent(call.seniorId(), other, call.id(), RECENT));
    }

    private SeniorCard card(SeniorRecord record) {
        LocalDate birth = record.birthDate();
        Integer age = birth == null
                ? null
                : Period.between(birth, LocalDate.ofInstant(clock.instant(), zone))
                        .getYears();
        return new SeniorCard(
                record.senior().id(),
                record.senior().name(),
                record.senior().phone(),
                record.senior().address(),
                record.senior().community(),
                birth,
                age,
                record.healthNotes(),
                record.medicines(),
                record.allergies(),
                record.contacts());
    }
}
