-- The 12349 alarm desk: senior records, contacts, safe zones, escalation and notifications.

-- A supervisor is alerted when an alarm waits too long.
alter table users drop constraint users_role_check;
alter table users add constraint users_role_check
    check (role in ('ADMIN', 'SUPERVISOR', 'OPERATOR', 'RESPONDER', 'FAMILY'));

-- The record an operator needs on an open alarm. Door-access notes are shown only there, audited.
alter table seniors
    add column birth_date   date,
    add column health_notes text,
    add column medicines    text,
    add column allergies    text,
    add column door_notes   text;

-- Emergency contacts, called in this order.
create table emergency_contacts (
    id        bigserial primary key,
    senior_id bigint not null references seniors (id) on delete cascade,
    position  integer not null,
    name      text    not null,
    relation  text,
    phone     text    not null,
    unique (senior_id, position)
);

-- Every opening of a senior's record from an alarm.
create table record_views (
    id        bigserial primary key,
    senior_id bigint      not null references seniors (id),
    alarm_id  bigint      references alarms (id),
    username  text        not null,
    door_notes_shown boolean not null,
    at        timestamptz not null default now()
);
create index record_views_by_senior on record_views (senior_id, at desc);

-- Safe zones a family sets: a circle (centre + radius) or a polygon (JSON [[lat, lon], ...]).
create table geofences (
    id         bigserial primary key,
    senior_id  bigint not null references seniors (id) on delete cascade,
    name       text   not null,
    center_lat double precision,
    center_lon double precision,
    radius_m   double precision,
    polygon    text,
    -- whether the senior's last fix was outside: an alarm is raised on the way out, once
    outside    boolean not null default false,
    created_by text   not null,
    created_at timestamptz not null default now(),
    check ((radius_m is not null and center_lat is not null and center_lon is not null and polygon is null)
        or (polygon is not null and radius_m is null))
);
create index geofences_by_senior on geofences (senior_id);

-- Movement for the inactivity rule: when the device last moved or counted steps.
alter table devices
    add column last_moved_at timestamptz,
    add column steps         bigint;

-- Alarm desk columns. created_at is when the platform raised it (the desk's clock, not the
-- device's); answer times are measured from it.
alter table alarms
    add column priority         integer not null default 5,
    add column created_at       timestamptz not null default now(),
    add column detail           text,
    add column answered_at      timestamptz,
    add column answered_by      text,
    add column responder        text,
    add column escalation_level integer not null default 0,
    add column escalated_at     timestamptz,
    add column family_notified_at timestamptz,
    add column family_call_position integer,
    add column family_call_at   timestamptz,
    add column family_accepted_by text,
    add column closed_at        timestamptz;
update alarms set created_at = raised_at;
create index alarms_queue on alarms (priority, created_at) where status in ('RAISED', 'ACKNOWLEDGED', 'DISPATCHED', 'RESPONDER_ON_SCENE');
create index alarms_by_created on alarms (created_at);

-- The timeline's time comes from the desk's clock too.
alter table alarm_timeline alter column at drop default;

-- Every SMS and call the platform made or meant to make, with what became of it.
create table notifications (
    id           bigserial primary key,
    alarm_id     bigint      references alarms (id),
    recipient    text        not null,
    phone        text,
    channel      text        not null check (channel in ('SMS', 'VOICE')),
    purpose      text        not null,
    body         text        not null,
    status       text        not null,
    provider_sid text unique,
    error        text,
    digits       text,
    attempts     integer     not null default 0,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index notifications_by_alarm on notifications (alarm_id, id);
create index notifications_pending on notifications (status) where status = 'PENDING';
