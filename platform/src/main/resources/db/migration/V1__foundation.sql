-- Seniors, the people the platform exists for.
create table seniors (
    id         bigserial primary key,
    name       text not null,
    phone      text,
    address    text,
    lat        double precision,
    lon        double precision,
    created_at timestamptz not null default now()
);

-- Portal and API users. Passwords are bcrypt hashes.
create table users (
    username      text primary key,
    password_hash text not null,
    role          text not null check (role in ('ADMIN', 'OPERATOR', 'RESPONDER', 'FAMILY')),
    display_name  text,
    phone         text,
    created_at    timestamptz not null default now()
);

-- Which seniors a FAMILY user may see.
create table user_seniors (
    username  text   not null references users (username) on delete cascade,
    senior_id bigint not null references seniors (id),
    primary key (username, senior_id)
);

-- Registered devices; the MQTT secret is kept only as its SHA-256.
create table devices (
    id            text primary key,
    protocol      text   not null check (protocol in ('mqtt', 'watch', 'gt06')),
    senior_id     bigint not null references seniors (id),
    secret_sha256 text,
    created_at    timestamptz not null default now(),
    last_seen_at  timestamptz,
    battery       integer,
    lat           double precision,
    lon           double precision,
    position_at   timestamptz
);
create index devices_by_senior on devices (senior_id);

-- Every event the gateway handed over, with the raw frame for audit.
create table device_events (
    id           bigserial primary key,
    event_id     uuid        not null unique,
    device_id    text        not null references devices (id),
    type         text        not null,
    device_time  timestamptz,
    received_at  timestamptz not null,
    lat          double precision,
    lon          double precision,
    battery      integer,
    vendor_code  text,
    attrs        text,
    raw          text        not null,
    gateway_node text,
    stored_at    timestamptz not null default now()
);
-- at-least-once delivery: the same device, type and device time is the same event
create unique index device_events_dedup on device_events (device_id, type, device_time) where device_time is not null;
create index device_events_newest on device_events (device_id, received_at desc, id desc);

-- Stream entries that broke the contract: kept for diagnosis, never retried.
create table rejected_events (
    id       bigserial primary key,
    stream   text        not null,
    entry_id text        not null,
    reason   text        not null,
    fields   text        not null,
    at       timestamptz not null default now()
);

create table alarms (
    id         bigserial primary key,
    type       text        not null,
    status     text        not null,
    senior_id  bigint      not null references seniors (id),
    device_id  text        not null references devices (id),
    raised_at  timestamptz not null,
    lat        double precision,
    lon        double precision,
    repeats    integer     not null default 1,
    outcome    text,
    updated_at timestamptz not null default now()
);
-- a repeat press while an alarm is open merges into it, across platform nodes
create unique index alarms_one_open on alarms (device_id, type)
    where status in ('RAISED', 'ACKNOWLEDGED', 'DISPATCHED', 'RESPONDER_ON_SCENE');
create index alarms_by_status on alarms (status, raised_at);

create table alarm_timeline (
    id       bigserial primary key,
    alarm_id bigint      not null references alarms (id),
    at       timestamptz not null default now(),
    status   text,
    action   text        not null,
    actor    text        not null,
    note     text
);
create index alarm_timeline_by_alarm on alarm_timeline (alarm_id, at, id);
