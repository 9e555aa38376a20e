-- The 12349 line: every inbound and outbound call, one row each (docs/callcenter.md).
create table calls (
    id               bigserial primary key,
    call_sid         text        not null unique,
    direction        text        not null check (direction in ('INBOUND', 'OUTBOUND')),
    from_number      text        not null,
    to_number        text        not null,
    caller_kind      text        not null,
    caller_name      text,
    senior_id        bigint      references seniors (id),
    status           text        not null,
    twilio_status    text,
    choice           text,
    ivr_path         text        not null default '',
    priority         integer     not null default 3,
    purpose          text,
    after_hours      boolean     not null default false,
    started_at       timestamptz not null,
    queued_at        timestamptz,
    answered_at      timestamptz,
    answered_by      text,
    claimed_by       text,
    claimed_at       timestamptz,
    ringing          text,
    tried            text[]      not null default '{}',
    supervisor_tried boolean     not null default false,
    ended_at         timestamptz,
    duration_seconds integer,
    recording_url    text,
    callback_needed  boolean     not null default false,
    alarm_id         bigint      references alarms (id),
    notification_id  bigint,
    updated_at       timestamptz not null
);
create index calls_newest on calls (started_at desc, id desc);
create index calls_by_senior on calls (senior_id, started_at desc);
create index calls_live on calls (priority, queued_at) where status in ('IN_IVR', 'QUEUED', 'RINGING', 'ANSWERED');

-- What happened on a call, step by step: menu keys, queueing, each operator rung, answer, end.
create table call_timeline (
    id      bigserial primary key,
    call_id bigint      not null references calls (id),
    at      timestamptz not null,
    action  text        not null,
    actor   text        not null,
    note    text
);
create index call_timeline_by_call on call_timeline (call_id, at, id);

-- Desk staff taking calls now: the line rings their phones, round-robin.
create table call_duty (
    username text        primary key,
    since    timestamptz not null
);
