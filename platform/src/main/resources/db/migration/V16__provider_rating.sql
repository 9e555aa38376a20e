-- A provider's rating: the mean stars of the rated orders its responders served (none until the
-- first), and how many rated orders each rating is the mean of. A responder with no rated order
-- yet is ranked by their provider's rating (see docs/api.md, "ranking").
alter table providers add column rating double precision check (rating between 1 and 5);
alter table providers add column rated_orders integer not null default 0;
alter table responders add column rated_orders integer not null default 0;

update responders r
   set rated_orders = (select count(*) from service_orders o where o.responder_id = r.id and o.status = 'RATED');

update providers p
   set rating = s.mean, rated_orders = s.n
  from (select r.provider_id, round(avg(o.stars), 2)::double precision as mean, count(*)::integer as n
          from service_orders o join responders r on r.id = o.responder_id
         where o.status = 'RATED'
         group by r.provider_id) s
 where s.provider_id = p.id;
