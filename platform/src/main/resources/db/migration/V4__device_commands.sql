-- Downlink commands to devices (locate now, SOS numbers, upload interval, call back, monitor).
-- QUEUED until a gateway node holding the device's connection has written it (SENT) and the
-- device has acknowledged it (DELIVERED); FAILED when the device cannot take it; EXPIRED when it
-- waited too long for the device to come online.
create table device_commands (
    id           bigserial primary key,
    device_id    text        not null references devices (id) on delete cascade,
    type         text        not null check (type in ('LOCATE', 'SOS_NUMBERS', 'UPLOAD_INTERVAL', 'CALL_BACK', 'MONITOR')),
    numbers      text,
    number       text,
    seconds      integer,
    status       text        not null default 'QUEUED'
                             check (status in ('QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'EXPIRED')),
    detail       text,
    attempts     integer     not null default 0,
    routed_to    text,
    routed_at    timestamptz,
    created_by   text        not null,
    created_at   timestamptz not null,
    sent_at      timestamptz,
    delivered_at timestamptz,
    updated_at   timestamptz not null
);
create index device_commands_by_device on device_commands (device_id, id desc);
create index device_commands_waiting on device_commands (status) where status = 'QUEUED';
