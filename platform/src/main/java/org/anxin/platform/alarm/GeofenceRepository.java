package org.anxin.platform.alarm;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
class GeofenceRepository {
    private final JdbcClient db;
    private final JsonMapper json;
    private final RowMapper<Geofence> row;

    GeofenceRepository(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
        this.row = (rs, n) -> new Geofence(
                rs.getLong("id"),
                rs.getLong("senior_id"),
                rs.getString("name"),
                (Double) rs.getObject("center_lat"),
                (Double) rs.getObject("center_lon"),
                (Double) rs.getObject("radius_m"),
                polygon(rs.getString("polygon")),
                rs.getObject("active_from", LocalTime.class),
                rs.getObject("active_to", LocalTime.class),
                rs.getBoolean("outside"),
                rs.getBoolean("alerted"));
    }

    /** What a new zone is; {@code activeFrom}/{@code activeTo} both null: watched at all hours. */
    record NewZone(
            long seniorId,
            String name,
            Double lat,
            Double lon,
            Double radius,
            List<double[]> polygon,
            LocalTime activeFrom,
            LocalTime activeTo) {}

    Geofence insert(NewZone zone, String by) {
        long id = db.sql("insert into geofences (senior_id, name, center_lat, center_lon, radius_m, polygon,"
                        + " active_from, active_to, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(
                        zone.seniorId(),
                        zone.name(),
                        zone.lat(),
                        zone.lon(),
                        zone.radius(),
                        zone.polygon() == null ? null : json.writeValueAsString(zone.polygon()),
                        zone.activeFrom(),
                        zone.activeTo(),
                        by)
                .query(Long.class)
                .single();
        return find(id);
    }

    Geofence find(long id) {
        return db.sql("select * from geofences where id = ?")
                .param(id)
                .query(row)
                .single();
    }

    List<Geofence> forSenior(long seniorId) {
        return db.sql("select * from geofences where senior_id = ? order by id")
                .param(seniorId)
                .query(row)
                .list();
    }

    /** The zones of these seniors, each senior's in a list of its own that the caller may change. */
    Map<Long, List<Geofence>> forSeniors(List<Long> seniorIds) {
        Map<Long, List<Geofence>> zones = new HashMap<>();
        db.sql("select * from geofences where senior_id = any(?) order by id")
                .param(seniorIds.toArray(Long[]::new))
                .query(row)
                .list()
                .forEach(zone -> zones.computeIfAbsent(zone.seniorId(), id -> new ArrayList<>())
                        .add(zone));
        return zones;
    }

    boolean delete(long seniorId, long id) {
        return db.sql("delete from geofences where id = ? and senior_id = ?")
                        .params(id, seniorId)
                        .update()
                > 0;
    }

    /** Flips the inside/outside state (back inside clears the alert); false when another event already did. */
    boolean markOutside(long id, boolean outside) {
        return db.sql("update geofences set outside = ?, alerted = alerted and ? where id = ? and outside = ?")
                        .params(outside, outside, id, !outside)
                        .update()
                > 0;
    }

    /** Claims the alarm of the current way out; false when another event already raised it. */
    boolean markAlerted(long id) {
        return db.sql("update geofences set alerted = true where id = ? and outside and not alerted")
                        .param(id)
                        .update()
                > 0;
    }

    private List<double[]> polygon(String text) {
        if (text == null) {
            return null;
        }
        List<double[]> vertices = new ArrayList<>();
        for (JsonNode vertex : json.readTree(text)) {
            vertices.add(new double[] {vertex.get(0).asDouble(), vertex.get(1).asDouble()});
        }
        return vertices;
    }
}
