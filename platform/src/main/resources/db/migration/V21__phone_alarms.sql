-- A senior who presses 1 (emergency) on a call to 12349 raises a PHONE_SOS alarm: no device.
alter table alarms alter column device_id drop not null;
-- as for devices, a repeat while one is open merges into it: one open alarm per senior and kind
create unique index alarms_one_open_without_device on alarms (senior_id, type)
    where device_id is null and status in ('RAISED', 'ACKNOWLEDGED', 'DISPATCHED', 'RESPONDER_ON_SCENE');
