-- Scheduled visits (定期巡访): a recurring home visit per senior, booked ahead as ordinary orders.
create table visit_plans (
    id             bigserial primary key,
    senior_id      bigint      not null references seniors (id),
    item_id        bigint      not null references service_items (id),
    -- ISO days of the week, 1 = Monday … 7 = Sunday
    weekdays       smallint[]  not null check (cardinality(weekdays) between 1 and 7),
    start_time     time        not null,
    window_minutes integer     not null check (window_minutes between 15 and 240),
    starts_on      date        not null,
    ends_on        date,
    notes          text,
    active         boolean     not null default true,
    created_by     text        not null,
    created_at     timestamptz not null,
    stopped_by     text,
    stopped_at     timestamptz
);
create index visit_plans_by_senior on visit_plans (senior_id);

-- Each date a plan has dealt with, once: BOOKED (the order), FAILED (why) or SKIPPED. A date is never
-- booked twice, so a visit cancelled for one week does not come back.
create table visit_plan_dates (
    plan_id    bigint      not null references visit_plans (id),
    visit_date date        not null,
    status     text        not null check (status in ('BOOKED', 'FAILED', 'SKIPPED')),
    order_id   bigint      references service_orders (id),
    reason     text,
    at         timestamptz not null,
    primary key (plan_id, visit_date)
);

-- property-management companies that also care for the seniors of their estates (物业+养老)
alter table providers drop constraint providers_kind_check;
alter table providers add constraint providers_kind_check
    check (kind in ('COMMUNITY_STATION', 'HOME_CARE', 'CLINIC', 'VOLUNTEER_TEAM', 'PROPERTY_MANAGEMENT'));
