-- Device groups (module device): devices of one private APN and the source networks (CIDR, IPv4 and IPv6,
-- comma-separated, normalised) the gateways accept their logins from. An empty list restricts nothing;
-- a device with no group is not restricted either.
create table device_groups (
    id bigserial primary key,
    name text not null unique,
    networks text not null default '',
    created_at timestamptz not null,
    updated_at timestamptz not null
);

alter table devices add column group_id bigint references device_groups (id);
create index devices_group_id on devices (group_id) where group_id is not null;
