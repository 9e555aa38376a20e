-- Monthly settlement: far check-ins accepted with a reason, anomaly flags on visits (held back
-- from payment until the desk clears them), and closed (frozen) monthly statements per provider.

-- Why the worker checked in beyond ANXIN_CHECK_IN_METERS (null: a check-in at the door), and the
-- provider the worker belonged to at check-in: the statement it is settled in.
alter table service_orders
    add column far_reason  text,
    add column provider_id bigint references providers (id);
update service_orders o set provider_id = r.provider_id
    from responders r where r.id = o.responder_id and o.arrived_at is not null;
create index service_orders_by_provider on service_orders (provider_id, arrived_at);

-- One flag per visit and kind, with who raised it and, once cleared, who cleared it and why.
create table visit_anomalies (
    id           bigserial primary key,
    order_id     bigint      not null references service_orders (id),
    kind         text        not null check (kind in ('FAR_CHECK_IN', 'TOO_SHORT', 'OVERLAP', 'MISSING_CHECK_OUT')),
    reason       text        not null,
    flagged_at   timestamptz not null,
    flagged_by   text        not null,
    cleared_at   timestamptz,
    cleared_by   text,
    clear_reason text,
    unique (order_id, kind),
    check ((cleared_at is null) = (cleared_by is null) and (cleared_at is null) = (clear_reason is null))
);

-- A provider's statement for a month (the city's calendar month of check-in), frozen when closed.
create table settlements (
    id                bigserial primary key,
    provider_id       bigint      not null references providers (id),
    month             date        not null check (extract(day from month) = 1),
    closed_at         timestamptz not null,
    closed_by         text        not null,
    unique (provider_id, month)
);

-- The statement's lines as they were at closing: the payable visits and those held back.
create table settlement_lines (
    settlement_id     bigint      not null references settlements (id),
    order_id          bigint      not null references service_orders (id),
    payable           boolean     not null,
    -- a visit of an earlier, closed month, paid here because its anomalies were cleared since
    carried_from      date,
    senior_id         bigint      not null,
    senior_name       text        not null,
    item_name         text        not null,
    responder_id      bigint      not null,
    worker_name       text        not null,
    checked_in_at     timestamptz not null,
    checked_out_at    timestamptz,
    minutes           integer,
    price_cents       integer     not null,
    subsidy_cents     integer     not null,
    senior_pays_cents integer     not null,
    -- held back: the open anomalies, "KIND: reason" each
    anomaly_kinds     text[]      not null default '{}',
    anomaly_reasons   text[]      not null default '{}',
    primary key (settlement_id, order_id)
);
-- a visit is paid at most once, whatever month it ends up in
create unique index settlement_lines_paid_once on settlement_lines (order_id) where payable;
