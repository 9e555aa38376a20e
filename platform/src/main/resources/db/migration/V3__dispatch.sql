-- Dispatch: providers, responders, and the offers that send the nearest able one.

-- The community (社区) a senior lives in, for coverage per community.
alter table seniors add column community text;

create table providers (
    id         bigserial primary key,
    name       text not null,
    kind       text not null check (kind in ('COMMUNITY_STATION', 'HOME_CARE', 'CLINIC', 'VOLUNTEER_TEAM')),
    created_at timestamptz not null default now()
);

create table responders (
    id          bigserial primary key,
    name        text    not null,
    phone       text,
    provider_id bigint  not null references providers (id),
    skills      text[]  not null,
    mode        text    not null check (mode in ('WALK', 'EBIKE', 'CAR')),
    -- a shift in the city's local time; none means any time; start > end runs over midnight
    shift_start time,
    shift_end   time,
    status      text    not null default 'OFF' check (status in ('AVAILABLE', 'BUSY', 'OFF')),
    rating      double precision not null default 4.5,
    capacity    integer not null default 1,
    load        integer not null default 0,
    username    text unique references users (username),
    lat         double precision,
    lon         double precision,
    position_at timestamptz,
    created_at  timestamptz not null default now()
);

-- One dispatch per alarm at a time: rounds of offers, then the winner on the way.
create table dispatches (
    id             bigserial primary key,
    alarm_id       bigint  not null references alarms (id),
    kind           text    not null,
    skill          text    not null,
    lat            double precision not null,
    lon            double precision not null,
    circle_seconds integer not null,
    round          integer not null default 0,
    status         text    not null check (status in ('OFFERING', 'ACCEPTED', 'ARRIVED', 'DONE', 'FAILED', 'CANCELLED')),
    responder_id   bigint  references responders (id),
    eta_seconds    integer,
    accepted_at    timestamptz,
    arrive_by      timestamptz,
    late_alerted   boolean not null default false,
    arrived_at     timestamptz,
    done_at        timestamptz,
    created_by     text    not null,
    created_at     timestamptz not null
);
create unique index dispatches_one_live on dispatches (alarm_id) where status in ('OFFERING', 'ACCEPTED', 'ARRIVED');

create table offers (
    id              bigserial primary key,
    dispatch_id     bigint  not null references dispatches (id),
    responder_id    bigint  not null references responders (id),
    round           integer not null,
    distance_m      integer not null,
    eta_seconds     integer not null,
    status          text    not null check (status in ('OFFERED', 'ACCEPTED', 'DECLINED', 'TIMED_OUT', 'WITHDRAWN')),
    offered_at      timestamptz not null,
    expires_at      timestamptz not null,
    answered_at     timestamptz,
    unique (dispatch_id, responder_id)
);
create index offers_open on offers (expires_at) where status = 'OFFERED';
create index offers_by_responder on offers (responder_id, status);
