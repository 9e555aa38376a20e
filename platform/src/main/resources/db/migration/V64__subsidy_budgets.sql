-- The subsidy budget of a year, for the whole city (area null) or for one node of the hierarchy,
-- set by the city-wide bureau; the dashboard sets the spend of a period against its share of it.
create table subsidy_budgets (
    id           bigserial primary key,
    year         int         not null check (year between 2000 and 2100),
    area         text references admin_areas (code),
    amount_cents bigint      not null check (amount_cents >= 0),
    updated_by   text        not null,
    updated_at   timestamptz not null
);
create unique index subsidy_budgets_once on subsidy_budgets (year, coalesce(area, ''));
