-- Urgent home-service orders (window starting within the hour) go through the dispatcher's offer
-- flow: a dispatch points at an alarm or at an order, never both, never neither.
alter table dispatches alter column alarm_id drop not null;
alter table dispatches add column order_id bigint references service_orders (id);
alter table dispatches add constraint dispatches_alarm_or_order check ((alarm_id is null) <> (order_id is null));
create unique index dispatches_one_live_order on dispatches (order_id) where status in ('OFFERING', 'ACCEPTED', 'ARRIVED');
