-- The audit log: one append-only record of security-relevant acts (module audit).
create table audit (
    id          bigserial primary key,
    at          timestamptz not null,
    actor       text,
    address     text,
    action      text not null,
    object_type text,
    object_id   text,
    before      jsonb,
    after       jsonb
);
create index audit_by_time on audit (at, id);
create index audit_by_actor on audit (actor, at);
create index audit_by_action on audit (action, at);
create index audit_by_object on audit (object_type, object_id, at);

-- append-only: no row is changed or removed, not even by the platform's own database user
create function audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit is append-only';
end;
$$;
create trigger audit_no_update_or_delete before update or delete on audit
    for each row execute function audit_append_only();
create trigger audit_no_truncate before truncate on audit
    for each statement execute function audit_append_only();
