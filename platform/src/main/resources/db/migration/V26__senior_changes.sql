-- Who changed a senior's record, when, and from what to what (the desk's audit of family edits).
create table senior_changes (
    id        bigserial primary key,
    senior_id bigint      not null references seniors (id) on delete cascade,
    at        timestamptz not null,
    actor     text        not null,
    role      text        not null,
    kind      text        not null,
    before    text,
    after     text
);
create index senior_changes_by_senior on senior_changes (senior_id, at desc, id desc);
