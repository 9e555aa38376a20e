-- Subsidies: eligibility categories with a monthly allowance, the two-step approval (community,
-- then bureau) of allowance changes and of a senior's eligibility, and each eligible senior's
-- wallet per calendar month with its append-only ledger.

-- A community officer (社区) reviews the seniors of their community; the civil-affairs bureau
-- (民政局) approves last and sees the subsidy data of every senior.
alter table users drop constraint users_role_check;
alter table users add constraint users_role_check
    check (role in ('ADMIN', 'SUPERVISOR', 'OPERATOR', 'RESPONDER', 'FAMILY', 'COMMUNITY', 'BUREAU'));
alter table users add column community text;
alter table users add constraint users_community_check check ((role = 'COMMUNITY') = (community is not null));

-- The allowance in force: yuan (kept in fen) or hours of service (kept in minutes), never both;
-- neither until an approved proposal sets one.
create table subsidy_categories (
    code            text primary key,
    name            text    not null,
    position        integer not null,
    monthly_cents   integer check (monthly_cents between 0 and 10000000),
    monthly_minutes integer check (monthly_minutes between 0 and 44640),
    changed_at      timestamptz,
    proposal_id     bigint,
    check (monthly_cents is null or monthly_minutes is null)
);
insert into subsidy_categories (code, name, position) values
    ('SAN_WU', '三无老人', 1),
    ('TE_KUN', '五保/特困供养', 2),
    ('DI_BAO', '低保', 3),
    ('DI_BAO_EDGE', '低保边缘', 4),
    ('DISABLED', '失能/半失能', 5),
    ('AGED_80', '高龄（80 周岁以上）', 6),
    ('FAMILY_PLANNING', '计划生育特殊家庭', 7);

-- The approval columns are the same on both kinds of request: who proposed, who approved each
-- step and when, or who rejected it and why.
create table allowance_proposals (
    id               bigserial primary key,
    category         text        not null references subsidy_categories (code),
    monthly_cents    integer check (monthly_cents between 0 and 10000000),
    monthly_minutes  integer check (monthly_minutes between 0 and 44640),
    note             text,
    status           text        not null check (status in ('PENDING_COMMUNITY', 'PENDING_BUREAU', 'APPROVED', 'REJECTED')),
    proposed_by      text        not null,
    proposed_at      timestamptz not null,
    community_by     text,
    community_at     timestamptz,
    bureau_by        text,
    bureau_at        timestamptz,
    rejected_by      text,
    rejected_at      timestamptz,
    rejection_reason text,
    check ((monthly_cents is null) <> (monthly_minutes is null))
);
-- one open proposal per category at a time
create unique index allowance_proposals_open on allowance_proposals (category)
    where status in ('PENDING_COMMUNITY', 'PENDING_BUREAU');
alter table subsidy_categories add foreign key (proposal_id) references allowance_proposals (id);

create table eligibility_applications (
    id               bigserial primary key,
    senior_id        bigint      not null references seniors (id),
    category         text        not null references subsidy_categories (code),
    note             text,
    status           text        not null check (status in ('PENDING_COMMUNITY', 'PENDING_BUREAU', 'APPROVED', 'REJECTED')),
    proposed_by      text        not null,
    proposed_at      timestamptz not null,
    community_by     text,
    community_at     timestamptz,
    bureau_by        text,
    bureau_at        timestamptz,
    rejected_by      text,
    rejected_at      timestamptz,
    rejection_reason text
);
create unique index eligibility_applications_open on eligibility_applications (senior_id, category)
    where status in ('PENDING_COMMUNITY', 'PENDING_BUREAU');
create index eligibility_applications_by_status on eligibility_applications (status, id);

-- The categories a senior holds: written only when the bureau approves an application.
create table senior_eligibility (
    senior_id      bigint      not null references seniors (id),
    category       text        not null references subsidy_categories (code),
    application_id bigint      not null references eligibility_applications (id),
    since          timestamptz not null,
    primary key (senior_id, category)
);

-- A senior's wallet for one calendar month of the city's time zone, opened by the first booking
-- charged to it, with the best allowances in force at that moment (yuan and hours separately).
-- spent_* are the sums of the ledger, kept here so that a row lock serialises concurrent charges.
create table subsidy_wallets (
    senior_id         bigint      not null references seniors (id),
    month             date        not null check (extract(day from month) = 1),
    allowance_cents   integer     not null check (allowance_cents >= 0),
    cents_category    text        references subsidy_categories (code),
    allowance_minutes integer     not null check (allowance_minutes >= 0),
    minutes_category  text        references subsidy_categories (code),
    spent_cents       integer     not null default 0,
    spent_minutes     integer     not null default 0,
    opened_at         timestamptz not null,
    primary key (senior_id, month),
    check (spent_cents between 0 and allowance_cents),
    check (spent_minutes between 0 and allowance_minutes)
);

-- Every charge and refund, never changed or deleted. A refund has negative amounts.
create table wallet_ledger (
    id            bigserial primary key,
    senior_id     bigint      not null,
    month         date        not null,
    order_id      bigint      not null references service_orders (id),
    kind          text        not null check (kind in ('CHARGE', 'REFUND')),
    cents         integer     not null,
    minutes       integer     not null,
    -- what the charge is worth in fen: cents plus the minutes at the item's price per minute
    subsidy_cents integer     not null,
    at            timestamptz not null,
    actor         text        not null,
    note          text,
    foreign key (senior_id, month) references subsidy_wallets (senior_id, month)
);
create index wallet_ledger_by_wallet on wallet_ledger (senior_id, month, id);
create index wallet_ledger_by_order on wallet_ledger (order_id, id);

create function wallet_ledger_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'wallet_ledger is append-only';
end;
$$;
create trigger wallet_ledger_append_only before update or delete on wallet_ledger
    for each row execute function wallet_ledger_append_only();
