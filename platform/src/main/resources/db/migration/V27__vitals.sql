-- Watch vitals as typed series: one row per measured value (a blood-pressure reading is two).
create table vital_readings (
    id        bigserial primary key,
    senior_id bigint           not null references seniors (id) on delete cascade,
    device_id text             not null,
    kind      text             not null,
    value     double precision not null,
    at        timestamptz      not null,
    abnormal  boolean          not null
);
create index vital_readings_by_senior on vital_readings (senior_id, kind, at desc);

-- A senior's own limits, set by the desk; a kind without a row uses the defaults (docs/family.md).
create table vital_thresholds (
    senior_id  bigint      not null references seniors (id) on delete cascade,
    kind       text        not null,
    low        double precision,
    high       double precision,
    updated_by text        not null,
    updated_at timestamptz not null,
    primary key (senior_id, kind),
    check (low is null or high is null or low < high)
);
