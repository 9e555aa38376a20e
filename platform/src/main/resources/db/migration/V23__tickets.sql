-- Work orders (工单) of the 12349 line: consultation, referral, tracking, evaluation.
create table tickets (
    id            bigserial primary key,
    kind          text        not null check (kind in ('CONSULTATION', 'REFERRAL', 'TRACKING', 'EVALUATION')),
    category      text        not null,
    summary       text        not null,
    status        text        not null,
    senior_id     bigint      references seniors (id),
    call_id       bigint      references calls (id),
    created_by    text        not null,
    assignee      text,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    -- tracking: when the follow-up is due; referral: by when the receiver must accept
    due_at        timestamptz,
    referred_to   text,
    referred_at   timestamptz,
    accepted_at   timestamptz,
    accepted_by   text,
    reminded_at   timestamptz,
    overdue_at    timestamptz,
    satisfaction  integer check (satisfaction between 1 and 5),
    resolution    text,
    -- the call that asked the caller to score the closed ticket (notify's notification id)
    evaluation_notification_id bigint,
    closed_at     timestamptz
);
create index tickets_open on tickets (status, due_at);
create index tickets_by_senior on tickets (senior_id, created_at desc);

create table ticket_timeline (
    id        bigserial primary key,
    ticket_id bigint      not null references tickets (id),
    at        timestamptz not null,
    status    text,
    action    text        not null,
    actor     text        not null,
    note      text
);
create index ticket_timeline_by_ticket on ticket_timeline (ticket_id, at, id);
