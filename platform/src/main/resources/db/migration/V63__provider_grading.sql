-- Provider grading (issue 16 item 5): the weights and grade thresholds the bureau sets, one row,
-- seeded with the defaults documented in docs/providers.md. Grades are computed on read from the
-- owning modules' records, so a quarter's grade can always be recomputed.
create table provider_grading_weights (
    id           integer primary key check (id = 1),
    on_time      double precision not null check (on_time >= 0),
    verified     double precision not null check (verified >= 0),
    anomaly_free double precision not null check (anomaly_free >= 0),
    rating       double precision not null check (rating >= 0),
    complaints   double precision not null check (complaints >= 0),
    follow_up    double precision not null check (follow_up >= 0),
    -- score (0-100) at or above which a provider is graded A, B, C; below C it is D
    grade_a      double precision not null,
    grade_b      double precision not null,
    grade_c      double precision not null,
    updated_at   timestamptz,
    updated_by   text,
    check (on_time + verified + anomaly_free + rating + complaints + follow_up > 0),
    check (grade_a > grade_b and grade_b > grade_c and grade_c >= 0 and grade_a <= 100)
);
insert into provider_grading_weights (id, on_time, verified, anomaly_free, rating, complaints, follow_up,
                                      grade_a, grade_b, grade_c)
values (1, 25, 25, 10, 20, 10, 10, 90, 75, 60);

-- A complaint work order (CONSULTATION / COMPLAINT) may name the provider it is about; the
-- provider's quarterly grade counts it.
alter table tickets add column provider_id bigint references providers (id);
create index tickets_complaints_by_provider on tickets (provider_id, created_at) where provider_id is not null;
