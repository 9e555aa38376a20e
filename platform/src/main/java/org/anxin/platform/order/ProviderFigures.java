package org.anxin.platform.order;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.anxin.platform.system.SeniorScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A provider's visits of a period, for its grade: the visits are the orders checked in (by a
 * worker of the provider at that time) in [from, to), each counted once, with how many were on
 * time (checked in inside the booked window), verified (checked out with no open anomaly, as
 * settlement pays them), flagged (any anomaly raised, cleared or not, or no check-out), and the
 * stars of those rated. One query over this module's tables.
 */
@Component
public class ProviderFigures {
    /** One provider's visits of the period. {@code anomalies} counts flags, {@code flaggedVisits} visits with one. */
    public record Visits(
            long providerId,
            long visits,
            long onTime,
            long verified,
            long anomalies,
            long flaggedVisits,
            long ratings,
            Double meanStars) {}

    private final JdbcClient db;

    ProviderFigures(JdbcClient db) {
        this.db = db;
    }

    /** Per provider with at least one visit in [from, to); {@code providers} null for every provider. */
    public Map<Long, Visits> visits(Instant from, Instant to, Collection<Long> providers) {
        return db
                .sql("select o.provider_id, count(*) as visits,"
                        + " count(*) filter (where o.arrived_at >= o.window_from and o.arrived_at <= o.window_to) as on_time,"
                        + " count(*) filter (where o.completed_at is not null and a.open = 0) as verified,"
                        + " coalesce(sum(a.flags + case when o.completed_at is null and a.missing = 0 then 1 else 0 end), 0)"
                        + " as anomalies,"
                        + " count(*) filter (where a.flags > 0 or o.completed_at is null) as flagged,"
                        + " count(o.stars) as ratings, avg(o.stars) as mean_stars"
                        + " from service_orders o left join lateral (select count(*) as flags,"
                        + " count(*) filter (where cleared_at is null) as open,"
                        + " count(*) filter (where kind = 'MISSING_CHECK_OUT') as missing"
                        + " from visit_anomalies where order_id = o.id) a on true"
                        + " where o.provider_id is not null and o.arrived_at >= ? and o.arrived_at < ?"
                        + " and (?::boolean or o.provider_id = any(?::bigint[])) group by o.provider_id")
                .params(params(from, to, providers))
                .query((rs, n) -> {
                    double mean = rs.getDouble("mean_stars");
                    Double meanStars = rs.wasNull() ? null : mean;
                    return new Visits(
                            rs.getLong("provider_id"),
                            rs.getLong("visits"),
                            rs.getLong("on_time"),
                            rs.getLong("verified"),
                            rs.getLong("anomalies"),
                            rs.getLong("flagged"),
                            rs.getLong("ratings"),
                            meanStars);
                })
                .list()
                .stream()
                .collect(Collectors.toMap(Visits::providerId, v -> v, (a, b) -> a, TreeMap::new));
    }

    /** The order ids of the period's visits, per provider (e.g. for the follow-up calls made on them). */
    public Map<Long, List<Long>> visitIds(Instant from, Instant to, Collection<Long> providers) {
        Map<Long, List<Long>> ids = new TreeMap<>();
        db.sql("select provider_id, id from service_orders where provider_id is not null"
                        + " and arrived_at >= ? and arrived_at < ? and (?::boolean or provider_id = any(?::bigint[]))"
                        + " order by id")
                .params(params(from, to, providers))
                .query((rs, n) -> Map.entry(rs.getLong("provider_id"), rs.getLong("id")))
                .list()
                .forEach(e -> ids.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>())
                        .add(e.getValue()));
        return ids;
    }

    /** The providers whose workers checked in at a home of the seniors in scope in [from, to). */
    public Set<Long> providersServing(Instant from, Instant to, SeniorScope scope) {
        return new TreeSet<>(db.sql("select distinct provider_id from service_orders where provider_id is not null"
                        + " and arrived_at >= ? and arrived_at < ? and " + scope.where("senior_id"))
                .params(scope.paramsAfter(Timestamp.from(from), Timestamp.from(to)))
                .query(Long.class)
                .list());
    }

    private static List<Object> params(Instant from, Instant to, Collection<Long> providers) {
        return List.of(
                Timestamp.from(from),
                Timestamp.from(to),
                providers == null,
                (providers == null ? List.<Long>of() : providers).toArray(Long[]::new));
    }
}
