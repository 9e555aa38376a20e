-- Capability assessment after GB/T 42195-2022 (老年人能力评估规范): ASSESSOR users of an
-- assessment agency, and each senior's assessments with every item's score.
alter table users drop constraint users_role_check;
alter table users add constraint users_role_check
    check (role in ('ADMIN', 'SUPERVISOR', 'OPERATOR', 'RESPONDER', 'FAMILY', 'COMMUNITY', 'STREET', 'BUREAU',
                    'ASSESSOR'));

-- The agency (评估机构) an ASSESSOR works for; an assessor without one may not assess.
create table assessors (
    username text primary key references users (username) on delete cascade,
    agency   text not null check (length(agency) between 1 and 200)
);

create table assessments (
    id               bigserial primary key,
    senior_id        bigint      not null references seniors (id),
    assessed_on      date        not null,
    place            text        not null,
    reason           text        not null check (reason in ('FIRST', 'ROUTINE', 'IMMEDIATE', 'REVIEW')),
    assessor         text        not null references users (username),
    agency           text        not null,
    -- the 26 items' scores in the order of annex B (B.1.1 进食 … B.4.5 社会交往能力)
    scores           integer[]   not null check (cardinality(scores) = 26),
    self_care        integer     not null check (self_care between 0 and 32),
    basic_mobility   integer     not null check (basic_mobility between 0 and 15),
    mental_state     integer     not null check (mental_state between 0 and 28),
    perception       integer     not null check (perception between 0 and 15),
    total            integer     not null check (total between 0 and 90),
    coma             boolean     not null,
    mental_diagnosis boolean     not null,
    risk_events      integer     not null check (risk_events >= 0),
    level_by_total   text        not null,
    level            text        not null check (level in ('INTACT', 'MILD', 'MODERATE', 'SEVERE', 'LOST')),
    adjustments      text[]      not null,
    confirmed_by     text        not null check (confirmed_by in ('SENIOR', 'GUARDIAN')),
    confirmer_name   text        not null,
    due_on           date        not null,
    recorded_at      timestamptz not null
);
create index assessments_by_senior on assessments (senior_id, assessed_on desc, id desc);
create index assessments_by_due on assessments (due_on);
