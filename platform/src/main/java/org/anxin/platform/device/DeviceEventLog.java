package org.anxin.platform.device;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.anxin.platform.system.Geo;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event history and the device state it moves (last seen, battery, last fix, last movement).
 * The ingest stores thousands of events a second, so a batch costs three round trips whatever its
 * size: the devices it names, its events (one JDBC batch, duplicates skipped), and the devices' new
 * state (one JDBC batch). Every value is bound with its SQL type, so the driver never has to ask
 * the server what a null is.
 */
@Component
class DeviceEventLog {
    /** Farther than this from the last fix counts as movement (GPS jitter indoors is less). */
    private static final double MOVED_METERS = 50;
    /** An event's fix is stored unless the device already has one taken later. */
    private static final String NEWER_FIX = ":newer and (position_at is null or position_at <= :fixAt)";

    private static final String INSERT_EVENT =
            "insert into device_events (event_id, device_id, type, device_time, received_at, lat, lon, battery,"
                    + " vendor_code, attrs, raw, gateway_node, event_time) values (:eventId, :deviceId, :type,"
                    + " :deviceTime, :receivedAt, :lat, :lon, :battery, :vendorCode, :attrs, :raw, :gatewayNode,"
                    + " :eventTime)"
                    + " on conflict do nothing";
    private static final String UPDATE_DEVICE = "update devices set"
            + " last_seen_at = greatest(coalesce(last_seen_at, :seen), :seen),"
            + " battery = coalesce(:battery, battery),"
            + " lat = case when " + NEWER_FIX + " then :lat else lat end,"
            + " lon = case when " + NEWER_FIX + " then :lon else lon end,"
            + " last_moved_at = case when :moved and " + NEWER_FIX
            + " then greatest(coalesce(last_moved_at, :seen), :seen) else last_moved_at end,"
            + " position_at = case when " + NEWER_FIX + " then :fixAt else position_at end"
            + " where id = :id";

    private final JdbcClient db;
    private final NamedParameterJdbcTemplate batch;
    private final JsonMapper json;

    DeviceEventLog(JdbcClient db, NamedParameterJdbcTemplate batch, JsonMapper json) {
        this.db = db;
        this.batch = batch;
        this.json = json;
    }

    /** A device's senior and last fix, as known before (or while) a batch changes them. */
    private record Known(long seniorId, Double lat, Double lon, Instant positionAt) {}

    /**
     * Appends the events (in order) and moves their devices' state; returns those that were new,
     * in order. Duplicates (the same event delivered again) change nothing. Must run in a
     * transaction.
     *
     * @throws IllegalArgumentException if any event names an unregistered device
     */
    List<DeviceEventStored> append(List<DeviceEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Map<String, Known> known = known(events);
        int[] inserted = batch.batchUpdate(
                INSERT_EVENT, events.stream().map(DeviceEventLog::eventRow).toArray(MapSqlParameterSource[]::new));
        List<DeviceEventStored> stored = new ArrayList<>();
        List<MapSqlParameterSource> updates = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (inserted[i] == 0) {
                continue;
            }
            DeviceEvent event = events.get(i);
            Known before = known.get(event.deviceId());
            Instant fixAt = event.deviceTime() != null ? event.deviceTime() : event.receivedAt();
            boolean newer = event.lat() != null
                    && (before.positionAt() == null || !before.positionAt().isAfter(fixAt));
            boolean moved = newer
                    && (before.lat() == null
                            || Geo.meters(before.lat(), before.lon(), event.lat(), event.lon()) > MOVED_METERS);
            if (newer) {
                known.put(event.deviceId(), new Known(before.seniorId(), event.lat(), event.lon(), fixAt));
            }
            updates.add(new MapSqlParameterSource()
                    .addValue("seen", timestamp(event.receivedAt()), Types.TIMESTAMP)
                    .addValue("battery", event.battery(), Types.INTEGER)
                    .addValue("newer", newer, Types.BOOLEAN)
                    .addValue("moved", moved, Types.BOOLEAN)
                    .addValue("lat", event.lat(), Types.DOUBLE)
                    .addValue("lon", event.lon(), Types.DOUBLE)
                    .addValue("fixAt", timestamp(fixAt), Types.TIMESTAMP)
                    .addValue("id", event.deviceId(), Types.VARCHAR));
            Known now = known.get(event.deviceId());
            stored.add(new DeviceEventStored(event, before.seniorId(), now.lat(), now.lon()));
        }
        if (!updates.isEmpty()) {
            // rows locked in device-id order (a stable sort keeps each device's own updates in
            // event order): two nodes updating overlapping devices in arrival order deadlocked
            updates.sort(java.util.Comparator.comparing(u -> (String) u.getValue("id")));
            batch.batchUpdate(UPDATE_DEVICE, updates.toArray(MapSqlParameterSource[]::new));
        }
        stored.forEach(s -> countSteps(s.event()));
        return stored;
    }

    private Map<String, Known> known(List<DeviceEvent> events) {
        String[] ids = events.stream()
                .map(DeviceEvent::deviceId)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new))
                .toArray(String[]::new);
        Map<String, Known> known = new HashMap<>();
        db.sql("select id, senior_id, lat, lon, position_at from devices where id = any(?)")
                .param(ids)
                .query(rs -> {
                    Timestamp positionAt = rs.getTimestamp("position_at");
                    known.put(
                            rs.getString("id"),
                            new Known(
                                    rs.getLong("senior_id"),
                                    (Double) rs.getObject("lat"),
                                    (Double) rs.getObject("lon"),
                                    positionAt == null ? null : positionAt.toInstant()));
                });
        for (String id : ids) {
            if (!known.containsKey(id)) {
                throw new IllegalArgumentException("unregistered device " + id);
            }
        }
        return known;
    }

    private static MapSqlParameterSource eventRow(DeviceEvent event) {
        return new MapSqlParameterSource()
                .addValue("eventId", event.eventId(), Types.OTHER)
                .addValue("deviceId", event.deviceId(), Types.VARCHAR)
                .addValue("type", event.type(), Types.VARCHAR)
                .addValue("deviceTime", timestamp(event.deviceTime()), Types.TIMESTAMP)
                .addValue("receivedAt", timestamp(event.receivedAt()), Types.TIMESTAMP)
                .addValue("eventTime", timestamp(EventTime.of(event.deviceTime(), event.receivedAt())), Types.TIMESTAMP)
                .addValue("lat", event.lat(), Types.DOUBLE)
                .addValue("lon", event.lon(), Types.DOUBLE)
                .addValue("battery", event.battery(), Types.INTEGER)
                .addValue("vendorCode", event.vendorCode(), Types.VARCHAR)
                .addValue("attrs", event.attrs(), Types.VARCHAR)
                .addValue("raw", event.raw(), Types.VARCHAR)
                .addValue("gatewayNode", event.gatewayNode(), Types.VARCHAR);
    }

    /** A step count that went up is movement too, for the inactivity rule (watches that count steps). */
    private void countSteps(DeviceEvent event) {
        Long steps = steps(event.attrs());
        if (steps != null
                && db.sql("update devices set steps = ? where id = ? and (steps is null or steps < ?)")
                                .params(steps, event.deviceId(), steps)
                                .update()
                        > 0) {
            db.sql("update devices set last_moved_at = greatest(coalesce(last_moved_at, ?), ?) where id = ?")
                    .params(timestamp(event.receivedAt()), timestamp(event.receivedAt()), event.deviceId())
                    .update();
        }
    }

    private Long steps(String attrs) {
        if (attrs == null || !attrs.contains("\"steps\"")) {
            return null;
        }
        try {
            JsonNode steps = json.readTree(attrs).get("steps");
            return steps != null && steps.isIntegralNumber() ? steps.asLong() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
