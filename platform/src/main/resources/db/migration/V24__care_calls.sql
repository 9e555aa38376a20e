-- Proactive care calls (主动关怀): a schedule per senior, and every check-in call it made.
create table care_schedules (
    id           bigserial primary key,
    senior_id    bigint      not null references seniors (id),
    frequency    text        not null check (frequency in ('DAILY', 'WEEKLY')),
    day_of_week  integer     check (day_of_week between 1 and 7),
    window_start time        not null,
    window_end   time        not null,
    active       boolean     not null default true,
    next_due_at  timestamptz not null,
    created_by   text        not null,
    created_at   timestamptz not null
);
create index care_schedules_due on care_schedules (next_due_at) where active;

create table care_checks (
    id              bigserial primary key,
    schedule_id     bigint      not null references care_schedules (id),
    senior_id       bigint      not null references seniors (id),
    status          text        not null,
    attempts        integer     not null default 0,
    notification_id bigint,
    call_sid        text,
    called_at       timestamptz,
    call_ended_at   timestamptz,
    retry_at        timestamptz,
    digits          text,
    alarm_id        bigint      references alarms (id),
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index care_checks_by_senior on care_checks (senior_id, created_at desc);
create index care_checks_open on care_checks (status) where status in ('CALLING', 'RETRY');
