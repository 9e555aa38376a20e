package org.anxin.platform.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The device registry, device state and event history; the module's public face. */
@Service
public class DeviceService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;
    private final DeviceRegistry registry;
    private final ApplicationEventPublisher events;

    DeviceService(JdbcClient db, DeviceRegistry registry, ApplicationEventPublisher events) {
        this.db = db;
        this.registry = registry;
        this.events = events;
    }

    /** A new device; {@code secret} is set for MQTT devices only and is never stored in clear. */
    public record Registered(Device device, String secret) {}

    public record EventView(
            String type, Instant deviceTime, Instant receivedAt, Double lat, Double lon, Integer battery) {}

    @Transactional
    public Registered register(String id, String protocol, long seniorId) {
        if (db.sql("select count(*) from seniors where id = ?")
                        .param(seniorId)
                        .query(Long.class)
                        .single()
                == 0) {
            throw ApiProblem.badRequest("senior " + seniorId + " does not exist");
        }
        if (db.sql("select count(*) from devices where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0) {
            throw ApiProblem.conflict("device " + id + " is already registered");
        }
        String secret = "mqtt".equals(protocol) ? newSecret() : null;
        String hash = secret == null ? null : sha256Hex(secret);
        db.sql("insert into devices (id, protocol, senior_id, secret_sha256) values (?, ?, ?, ?)")
                .params(id, protocol, seniorId, hash)
                .update();
        registry.publish(id, protocol, seniorId, hash);
        return new Registered(find(id).orElseThrow(), secret);
    }

    @Transactional
    public String rotateSecret(String id) {
        Device device = find(id).orElseThrow(() -> ApiProblem.notFound("no device " + id));
        if (!"mqtt".equals(device.protocol())) {
            throw ApiProblem.badRequest("only MQTT devices have a secret; " + id + " speaks " + device.protocol());
        }
        String secret = newSecret();
        String hash = sha256Hex(secret);
        db.sql("update devices set secret_sha256 = ? where id = ?")
                .params(hash, id)
                .update();
        registry.publish(id, device.protocol(), device.seniorId(), hash);
        return secret;
    }

    public Optional<Device> find(String id) {
        return db.sql("select * from devices where id = ?")
                .param(id)
                .query((rs, n) -> new Device(
                        rs.getString("id"),
                        rs.getString("protocol"),
                        rs.getLong("senior_id"),
                        registry.online(rs.getString("id")),
                        instant(rs.getTimestamp("last_seen_at")),
                        (Integer) rs.getObject("battery"),
                        (Double) rs.getObject("lat"),
                        (Double) rs.getObject("lon")))
                .optional();
    }

    /** The device, if it exists and belongs to a senior the viewer may see (404, 403 otherwise). */
    public Device get(String id, Viewer viewer) {
        Device device = find(id).orElseThrow(() -> ApiProblem.notFound("no device " + id));
        viewer.checkMaySee(device.seniorId());
        return device;
    }

    public List<EventView> events(String id, int limit, Viewer viewer) {
        get(id, viewer);
        return db.sql("select type, device_time, received_at, lat, lon, battery from device_events where device_id = ?"
                        + " order by received_at desc, id desc limit ?")
                .params(id, limit)
                .query((rs, n) -> new EventView(
                        rs.getString("type"),
                        instant(rs.getTimestamp("device_time")),
                        instant(rs.getTimestamp("received_at")),
                        (Double) rs.getObject("lat"),
                        (Double) rs.getObject("lon"),
                        (Integer) rs.getObject("battery")))
                .list();
    }

    /**
     * Stores an event handed over by a gateway and updates the device's state. Returns false for a
     * duplicate (the same event delivered again), which changes nothing. Must run in a
     * transaction: listeners of {@link DeviceEventStored} act in the same one.
     *
     * @throws IllegalArgumentException for an unregistered device
     */
    @Transactional
    public boolean record(DeviceEvent event) {
        Long seniorId = db.sql("select senior_id from devices where id = ?")
                .param(event.deviceId())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("unregistered device " + event.deviceId()));
        int inserted = db.sql(
                        "insert into device_events (event_id, device_id, type, device_time, received_at, lat, lon,"
                                + " battery, vendor_code, attrs, raw, gateway_node) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict do nothing")
                .params(
                        event.eventId(),
                        event.deviceId(),
                        event.type(),
                        timestamp(event.deviceTime()),
                        timestamp(event.receivedAt()),
                        event.lat(),
                        event.lon(),
                        event.battery(),
                        event.vendorCode(),
                        event.attrs(),
                        event.raw(),
                        event.gatewayNode())
                .update();
        if (inserted == 0) {
            return false;
        }
        db.sql("update devices set last_seen_at = greatest(coalesce(last_seen_at, ?), ?),"
                        + " battery = coalesce(?, battery) where id = ?")
                .params(timestamp(event.receivedAt()), timestamp(event.receivedAt()), event.battery(), event.deviceId())
                .update();
        if (event.lat() != null) {
            Instant at = event.deviceTime() != null ? event.deviceTime() : event.receivedAt();
            db.sql("update devices set lat = ?, lon = ?, position_at = ? where id = ?"
                            + " and (position_at is null or position_at <= ?)")
                    .params(event.lat(), event.lon(), timestamp(at), event.deviceId(), timestamp(at))
                    .update();
        }
        events.publishEvent(new DeviceEventStored(event, seniorId));
        return true;
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256Hex(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
