-- A provider's service area: a circle around its station. Its responders are offered only jobs
-- inside it; no area means the whole city.
alter table providers
    add column area_lat      double precision,
    add column area_lon      double precision,
    add column area_radius_m integer check (area_radius_m between 100 and 100000),
    add constraint providers_area_whole check ((area_lat is null) = (area_radius_m is null) and (area_lon is null) = (area_radius_m is null));
