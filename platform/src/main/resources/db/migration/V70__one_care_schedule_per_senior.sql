-- A senior has at most one active proactive-care schedule (主动关怀): two would call them twice.
-- Older duplicates, if any, keep only the newest active one.
update care_schedules s set active = false
 where active
   and exists (select 1 from care_schedules n where n.senior_id = s.senior_id and n.active and n.id > s.id);
create unique index care_schedules_one_active on care_schedules (senior_id) where active;
