-- Each emergency contact's own say in how alarms reach them (see FamilyPolicy): per alarm kind a
-- channel (CALL: SMS and calls, SMS, FEED: the family page only), and quiet hours of their own
-- (city time; both null: the city's). A contact is its senior and phone number, so the
-- preferences survive a re-ordering of the list (which replaces the contact rows).
-- may_decline_calls is the desk's: only then may a contact take a person-in-danger alarm by SMS
-- without a call.
create table contact_preferences (
    senior_id         bigint      not null references seniors (id) on delete cascade,
    phone             text        not null,
    channels          jsonb       not null default '{}',
    quiet_from        time,
    quiet_to          time,
    may_decline_calls boolean     not null default false,
    updated_at        timestamptz not null default now(),
    updated_by        text,
    primary key (senior_id, phone),
    check ((quiet_from is null) = (quiet_to is null))
);

-- A family SMS held back for one contact (their quiet hours): sent at held_until if the alarm is
-- still open. Claimed by deleting the row, so two platform nodes never both send it.
create table family_holds (
    id         bigserial primary key,
    alarm_id   bigint      not null references alarms (id) on delete cascade,
    phone      text        not null,
    recipient  text        not null,
    held_until timestamptz not null,
    unique (alarm_id, phone)
);
create index family_holds_due on family_holds (held_until);

-- Holds of the alarm-wide kind (V28) still pending become one hold per contact.
insert into family_holds (alarm_id, phone, recipient, held_until)
select a.id, c.phone, c.position || '. ' || c.name || coalesce(' (' || c.relation || ')', ''), a.family_held_until
from alarms a join emergency_contacts c on c.senior_id = a.senior_id
where a.family_held_until is not null
on conflict do nothing;
update alarms set family_held_until = null where family_held_until is not null;

-- Medication reminders on the senior's watch (issue 19 item 7): a REMIND command (one of the
-- watch's alarm clocks, at the dose's time of day) where the senior wears a "3G" watch, SMS
-- otherwise. The watch's answer to the command is the acknowledgement (device_commands.delivered_at).
alter table device_commands add column remind_at text;
alter table medication_reminders add column command_id bigint;
alter table medication_reminders drop constraint medication_reminders_channel_check;
alter table medication_reminders add constraint medication_reminders_channel_check
    check (channel in ('SMS', 'WATCH'));
alter table device_commands drop constraint device_commands_type_check;
alter table device_commands add constraint device_commands_type_check
    check (type in ('LOCATE', 'SOS_NUMBERS', 'UPLOAD_INTERVAL', 'CALL_BACK', 'MONITOR', 'HELP_COMING', 'REMIND'));
