-- device_events partitioned by month, so that a month past the retention (ANXIN_EVENT_RETENTION) is
-- dropped whole instead of deleted row by row (docs/events.md, Retention).
--
-- The partition key is event_time: the device's own time when it is plausible (within 30 days
-- before and a day after the gateway received it), else the time the gateway received it. A device
-- that resends an event it was not acked for sends the same device time, so the copy falls into
-- the same partition and the de-duplication below still finds it; uniqueness on a partitioned
-- table must include the partition key, and event_time is a function of the event, so adding it
-- changes nothing that was unique before.
--
-- The rows are copied once here; on a large table this takes a while (about the time of a
-- pg_dump of the table): plan the upgrade (docs/deploy.md, Upgrades).

alter table device_events rename to device_events_v1;
alter table device_events_v1 rename constraint device_events_pkey to device_events_v1_pkey;
alter table device_events_v1 rename constraint device_events_event_id_key to device_events_v1_event_id_key;
alter index device_events_dedup rename to device_events_v1_dedup;
alter index device_events_newest rename to device_events_v1_newest;
-- the ids go on from the same sequence
alter sequence device_events_id_seq owned by none;

create table device_events (
    id           bigint      not null default nextval('device_events_id_seq'),
    event_id     uuid        not null,
    device_id    text        not null references devices (id),
    type         text        not null,
    device_time  timestamptz,
    received_at  timestamptz not null,
    lat          double precision,
    lon          double precision,
    battery      integer,
    vendor_code  text,
    attrs        text,
    raw          text        not null,
    gateway_node text,
    stored_at    timestamptz not null default now(),
    event_time   timestamptz not null,
    primary key (id, event_time),
    unique (event_id, event_time)
) partition by range (event_time);
alter sequence device_events_id_seq owned by device_events.id;
create unique index device_events_dedup on device_events (device_id, type, device_time, event_time)
    where device_time is not null;
create index device_events_newest on device_events (device_id, received_at desc, id desc);

-- whatever no month partition takes (a clock far off, or months the retention job has not made yet)
create table device_events_default partition of device_events default;

-- one partition per month from the oldest event's month to three months ahead; the retention job
-- keeps three months ahead from here on
do $$
declare
    month date := date_trunc('month', coalesce(
        (select min(case when device_time between received_at - interval '30 days' and received_at + interval '1 day'
                         then device_time else received_at end) from device_events_v1),
        now()) at time zone 'UTC')::date;
    last date := (date_trunc('month', now() at time zone 'UTC') + interval '3 months')::date;
begin
    while month <= last loop
        execute format(
            'create table %I partition of device_events for values from (%L) to (%L)',
            'device_events_' || to_char(month, 'YYYY_MM'),
            (month::timestamp at time zone 'UTC'),
            ((month + interval '1 month')::timestamp at time zone 'UTC'));
        month := (month + interval '1 month')::date;
    end loop;
end $$;

insert into device_events (id, event_id, device_id, type, device_time, received_at, lat, lon, battery, vendor_code,
                           attrs, raw, gateway_node, stored_at, event_time)
select id, event_id, device_id, type, device_time, received_at, lat, lon, battery, vendor_code,
       attrs, raw, gateway_node, stored_at,
       case when device_time between received_at - interval '30 days' and received_at + interval '1 day'
            then device_time else received_at end
from device_events_v1;

drop table device_events_v1;
