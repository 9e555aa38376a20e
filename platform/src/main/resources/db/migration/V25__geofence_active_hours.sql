-- Safe zones watched only at some hours (e.g. 20:00–07:00 "home only"), city time; both null: always.
-- A window whose end is before its start runs over midnight.
alter table geofences add column active_from time;
alter table geofences add column active_to time;
alter table geofences add constraint geofences_hours_together check ((active_from is null) = (active_to is null));
-- whether the current way out (outside = true) has raised its alarm: a senior who left before the
-- zone's hours began raises it at the first fix inside them
alter table geofences add column alerted boolean not null default false;
