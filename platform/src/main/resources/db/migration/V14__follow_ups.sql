-- Follow-up calls (回访): a sample of completed home visits, queued for an operator to call the
-- senior or the family and record how it went. Each step is also written to the order's timeline.
create table follow_ups (
    id          bigserial primary key,
    order_id    bigint      not null unique references service_orders (id),
    status      text        not null check (status in ('PENDING', 'CLAIMED', 'DONE')),
    queued_at   timestamptz not null,
    -- calls that reached nobody; after the third the follow-up is DONE, unreached
    attempts    integer     not null default 0,
    claimed_by  text        references users (username),
    claimed_at  timestamptz,
    reached     boolean,
    satisfied   integer     check (satisfied between 1 and 5),
    note        text,
    recorded_by text        references users (username),
    recorded_at timestamptz,
    check ((status = 'CLAIMED') = (claimed_by is not null))
);
create index follow_ups_by_status on follow_ups (status, queued_at, id);
