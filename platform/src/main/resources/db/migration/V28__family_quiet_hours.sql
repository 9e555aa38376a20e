-- A device condition (watch removed, low battery, offline, inactivity) claimed for the family
-- during quiet hours: its SMS waits until then, and is sent only if the alarm is still open.
alter table alarms add column family_held_until timestamptz;
create index alarms_family_held on alarms (family_held_until) where family_held_until is not null;
