-- A revoked device (module device): disabled for good, its registry entry removed from Redis so no gateway
-- accepts it again; who revoked it is in the audit log too.
alter table devices add column revoked_at timestamptz;
alter table devices add column revoked_by text;
