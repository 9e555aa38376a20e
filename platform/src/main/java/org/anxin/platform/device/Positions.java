package org.anxin.platform.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Where a senior's devices are and have been: the last fix with its source, and the trail. */
@Service
public class Positions {
    /** One fix: where, when (device time, else received), and how it was found. */
    public record Fix(String deviceId, Instant at, double lat, double lon, FixSource source) {}

    private final JdbcClient db;

    Positions(JdbcClient db) {
        this.db = db;
    }

    /** The device's newest stored fix, if it ever had one. */
    public Optional<Fix> lastFix(String deviceId) {
        return db.sql("select device_id, coalesce(device_time, received_at) as at, lat, lon, attrs from device_events"
                        + " where device_id = ? and lat is not null order by received_at desc, id desc limit 1")
                .param(deviceId)
                .query(Positions::fix)
                .optional();
    }

    /**
     * The fixes of every device of the senior taken between {@code from} (inclusive) and {@code to}
     * (exclusive), oldest first, at most {@code limit} (the newest when there are more).
     */
    public List<Fix> trail(long seniorId, Instant from, Instant to, int limit) {
        return db.sql("select * from (select e.device_id, coalesce(e.device_time, e.received_at) as at, e.lat, e.lon,"
                        + " e.attrs, e.id from device_events e join devices d on d.id = e.device_id"
                        + " where d.senior_id = ? and e.lat is not null and e.received_at >= ? and e.received_at < ?"
                        + " order by e.received_at desc, e.id desc limit ?) t order by at, id")
                .params(seniorId, Timestamp.from(from), Timestamp.from(to), limit)
                .query(Positions::fix)
                .list();
    }

    private static Fix fix(ResultSet rs, int n) throws SQLException {
        double lat = rs.getDouble("lat");
        return new Fix(
                rs.getString("device_id"),
                rs.getTimestamp("at").toInstant(),
                lat,
                rs.getDouble("lon"),
                FixSource.of(lat, rs.getString("attrs")));
    }
}
