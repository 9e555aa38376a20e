package org.anxin.platform.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.anxin.platform.system.SeniorScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Home-service figures of a period for the city dashboard, each one SQL query over the orders of
 * the seniors in scope: volume per catalogue item, and how long workers took from setting off
 * (EN_ROUTE) to checking in on site against the home-service circle.
 */
@Component
public class ServiceFigures {
    /** Orders of one catalogue item booked for the period (not cancelled), and how many were served. */
    public record ItemVolume(long itemId, String itemName, long booked, long served) {}

    /** Check-ins of the period, how many inside the circle, median and p90 travel in seconds. */
    public record Arrivals(long arrived, long withinCircle, Double medianSeconds, Double p90Seconds) {}

    private final JdbcClient db;

    ServiceFigures(JdbcClient db) {
        this.db = db;
    }

    /** Orders whose window starts in [from, to), per item; served: checked out (COMPLETED or RATED). */
    public List<ItemVolume> volume(Instant from, Instant to, SeniorScope scope) {
        return db.sql("select item_id, min(item_name) as item_name, count(*) as booked,"
                        + " count(*) filter (where status in ('COMPLETED', 'RATED')) as served"
                        + " from service_orders where status <> 'CANCELLED' and window_from >= ? and window_from < ?"
                        + " and " + scope.where("senior_id") + " group by item_id order by item_id")
                .params(scope.paramsAfter(Timestamp.from(from), Timestamp.from(to)))
                .query((rs, n) -> new ItemVolume(
                        rs.getLong("item_id"), rs.getString("item_name"), rs.getLong("booked"), rs.getLong("served")))
                .list();
    }

    /** Check-ins in [from, to): the check-in minus the worker's last EN_ROUTE step, against the circle. */
    public Arrivals arrivals(Instant from, Instant to, SeniorScope scope, int circleSeconds) {
        String seconds = "greatest(0, extract(epoch from o.arrived_at - t.set_off))";
        List<Object> params = new ArrayList<>(List.of(circleSeconds));
        params.addAll(scope.paramsAfter(Timestamp.from(from), Timestamp.from(to)));
        return db.sql("select count(*) as arrived, count(*) filter (where " + seconds + " <= ?) as within,"
                        + " percentile_disc(0.5) within group (order by " + seconds + ") as median,"
                        + " percentile_disc(0.9) within group (order by " + seconds + ") as p90"
                        + " from service_orders o join lateral (select max(at) as set_off from order_timeline"
                        + " where order_id = o.id and status = 'EN_ROUTE') t on t.set_off is not null"
                        + " where o.arrived_at >= ? and o.arrived_at < ? and " + scope.where("o.senior_id"))
                .params(params)
                .query((rs, n) -> new Arrivals(
                        rs.getLong("arrived"), rs.getLong("within"), seconds(rs, "median"), seconds(rs, "p90")))
                .single();
    }

    /** The ids of the orders of the seniors in scope, e.g. to scope the time-bank entries earned on them. */
    public List<Long> ids(SeniorScope scope) {
        return db.sql("select id from service_orders where " + scope.where("senior_id"))
                .params(List.of(scope.params()))
                .query(Long.class)
                .list();
    }

    private static Double seconds(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(value * 10) / 10.0;
    }
}
