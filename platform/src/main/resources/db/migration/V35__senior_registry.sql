-- The senior registry on the desk's screen (issue 14 item 5, issue 19 item 7): the rest of the
-- health record, the living situation (who the proactive care calls are for), the last four
-- characters of the ID card (the desk searches by them; the full number is never stored),
-- and the name's pinyin initials are left out: no maintained pinyin library is at hand.
alter table seniors
    add column id_card_last4      text check (id_card_last4 ~ '^[0-9]{3}[0-9X]$'),
    add column living_situation   text check (living_situation in ('LIVES_ALONE', 'EMPTY_NEST', 'WITH_FAMILY', 'IN_CARE_HOME')),
    add column chronic_conditions text,
    add column family_doctor      text,
    add column clinic             text,
    add column blood_type         text check (blood_type in ('A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'));

-- Medicines with the times of day (city time) they are taken: the medication reminders' schedule.
-- seniors.medicines keeps a one-line summary of this list for the alarm desk's record.
create table senior_medicines (
    id        bigserial primary key,
    senior_id bigint  not null references seniors (id) on delete cascade,
    position  integer not null,
    name      text    not null,
    dose      text,
    times     time[]  not null default '{}',
    unique (senior_id, position)
);
