-- Issue 17: home-care days planned as routes (module planning).
-- One plan per city day; the node that claims it (status SOLVING) is the only one solving it.
create table day_plans (
    plan_date     date primary key,
    status        text        not null check (status in ('SOLVING', 'READY', 'FAILED')),
    revision      int         not null default 0,
    claimed_by    text,
    claimed_at    timestamptz,
    reason        text,
    hard_score    bigint,
    medium_score  bigint,
    soft_score    bigint,
    solver_millis bigint,
    moved_visits  int,
    made_by       text,
    made_at       timestamptz,
    -- an order or worker changed since: the next solver run re-plans it
    replan_wanted boolean     not null default false
);

-- each visit of the day: on whose route, at which place in it, and when; responder null = unplanned
create table plan_stops (
    plan_date    date        not null references day_plans (plan_date) on delete cascade,
    order_id     bigint      not null,
    responder_id bigint,
    seq          int,
    arrival_at   timestamptz,
    start_at     timestamptz,
    end_at       timestamptz,
    late_seconds int,
    started      boolean     not null default false,
    primary key (plan_date, order_id)
);
create index plan_stops_responder on plan_stops (responder_id, plan_date);

-- the score of the plan, constraint by constraint
create table plan_constraints (
    plan_date    date   not null references day_plans (plan_date) on delete cascade,
    constraint_name text not null,
    hard_score   bigint not null,
    medium_score bigint not null,
    soft_score   bigint not null,
    matches      int    not null,
    primary key (plan_date, constraint_name)
);

-- a worker off sick (or otherwise out) for the day: re-planned without them
create table plan_absences (
    plan_date    date        not null,
    responder_id bigint      not null,
    reported_by  text        not null,
    reported_at  timestamptz not null,
    primary key (plan_date, responder_id)
);

-- the desk put this visit on this worker's day: plans keep it there
create table plan_pins (
    plan_date    date        not null,
    order_id     bigint      not null,
    responder_id bigint      not null,
    pinned_by    text        not null,
    pinned_at    timestamptz not null,
    primary key (plan_date, order_id)
);
