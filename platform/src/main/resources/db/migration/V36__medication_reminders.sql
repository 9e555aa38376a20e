-- Medication reminders (issue 19 item 7), sent by SMS: the gateway has no reminder downlink yet.
-- One row per medicine per due time: the unique key is the claim, so among several platform
-- nodes exactly one inserts it and sends the reminder.
create table medication_reminders (
    id              bigserial primary key,
    senior_id       bigint      not null references seniors (id) on delete cascade,
    medicine        text        not null,
    dose            text,
    due_at          timestamptz not null,
    channel         text        not null check (channel in ('SMS')),
    notification_id bigint,
    created_at      timestamptz not null,
    unique (senior_id, medicine, due_at)
);
create index medication_reminders_by_senior on medication_reminders (senior_id, due_at desc);
