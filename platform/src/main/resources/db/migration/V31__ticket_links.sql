-- A work order can book a home-service order for its senior or raise an alarm for them (issue 14
-- item 4); the ticket keeps the link, its timeline the step.
alter table tickets
    add column order_id bigint references service_orders (id),
    add column alarm_id bigint references alarms (id);
