-- The administrative hierarchy district (区/县) → street (街道/乡镇) → community (社区/村) as data.
-- A senior's `community` names a community node; COMMUNITY officers keep their community's name,
-- STREET officers hold a street node, BUREAU officers a district node or none (the whole city).
create table admin_areas (
    code   text primary key check (code ~ '^[A-Za-z0-9_-]{1,40}$'),
    name   text not null check (length(name) between 1 and 100),
    level  text not null check (level in ('DISTRICT', 'STREET', 'COMMUNITY')),
    parent text references admin_areas (code),
    check ((level = 'DISTRICT') = (parent is null))
);
-- seniors name their community by its name, so community names are unique in the city
create unique index admin_areas_community_name on admin_areas (name) where level = 'COMMUNITY';
create index admin_areas_by_parent on admin_areas (parent);

alter table users add column area text references admin_areas (code);
alter table users add constraint users_area_check
    check ((role = 'STREET' and area is not null) or (role = 'BUREAU') or area is null);
