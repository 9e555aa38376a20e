package org.anxin.platform.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.anxin.platform.senior.SeniorService;
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
    /** Protocols that log in with a secret: MQTT devices and SOS pages on phones ({@code app}). */
    private static final Set<String> HAS_SECRET = Set.of("mqtt", "app");

    private final SeniorService seniors;
    private final JdbcClient db;
    private final DeviceRegistry registry;
    private final DeviceEventLog eventLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeviceService(
            JdbcClient db,
            SeniorService seniors,
            DeviceRegistry registry,
            DeviceEventLog eventLog,
            ApplicationEventPublisher events,
            Clock clock) {
        this.clock = clock;
        this.db = db;
        this.seniors = seniors;
        this.registry = registry;
        this.eventLog = eventLog;
        this.events = events;
    }

    /** A new device; {@code secret} is set for MQTT and app devices only and is never stored in clear. */
    public record Registered(Device device, String secret) {}

    public record EventView(
            String type, Instant deviceTime, Instant receivedAt, Double lat, Double lon, Integer battery) {}

    @Transactional
    public Registered register(String id, String protocol, long seniorId) {
        return register(id, protocol, seniorId, null);
    }

    /** A new device, in device group {@code groupId} if not null (it must exist: 400 otherwise). */
    @Transactional
    public Registered register(String id, String protocol, long seniorId, Long groupId) {
        if (seniors.find(seniorId).isEmpty()) {
            throw ApiProblem.badRequest("senior " + seniorId + " does not exist");
        }
        if (db.sql("select count(*) from devices where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0) {
            throw ApiProblem.conflict("device " + id + " is already registered");
        }
        if (groupId != null
                && db.sql("select count(*) from device_groups where id = ?")
                                .param(groupId)
                                .query(Long.class)
                                .single()
                        == 0) {
            throw ApiProblem.badRequest("groupId: no device group " + groupId);
        }
        String secret = HAS_SECRET.contains(protocol) ? newSecret() : null;
        String hash = secret == null ? null : sha256Hex(secret);
        db.sql("insert into devices (id, protocol, senior_id, secret_sha256, group_id) values (?, ?, ?, ?, ?)")
                .params(id, protocol, seniorId, hash, groupId)
                .update();
        registry.publish(id, protocol, seniorId, hash, groupId);
        return new Registered(find(id).orElseThrow(), secret);
    }

    @Transactional
    public String rotateSecret(String id) {
        Device device = find(id).orElseThrow(() -> ApiProblem.notFound("no device " + id));
        if (!HAS_SECRET.contains(device.protocol())) {
            throw ApiProblem.badRequest(
                    "only MQTT and app devices have a secret; " + id + " speaks " + device.protocol());
        }
        if (device.revokedAt() != null) {
            throw ApiProblem.conflict("device " + id + " is revoked; register a new one");
        }
        String secret = newSecret();
        String hash = sha256Hex(secret);
        db.sql("update devices set secret_sha256 = ? where id = ?")
                .params(hash, id)
                .update();
        registry.publish(id, device.protocol(), device.seniorId(), hash, device.groupId());
        return secret;
    }

    /**
     * Disables a device for good: it is marked revoked, its registry entry leaves Redis, and every
     * gateway is told to forget it and close its connections at once (a next login is refused).
     */
    @Transactional
    public Device revoke(String id, Viewer viewer) {
        Device device = get(id, viewer);
        if (device.revokedAt() != null) {
            throw ApiProblem.conflict("device " + id + " was already revoked at " + device.revokedAt());
        }
        db.sql("update devices set revoked_at = ?, revoked_by = ? where id = ?")
                .params(Timestamp.from(clock.instant()), viewer.username(), id)
                .update();
        registry.revoke(id, device.protocol());
        return find(id).orElseThrow();
    }

    public Optional<Device> find(String id) {
        return db.sql("select * from devices where id = ?")
                .param(id)
                .query((rs, n) -> device(rs))
                .optional();
    }

    /** The senior's devices, with battery, last seen and last fix. */
    public List<Device> forSenior(long seniorId) {
        return db.sql("select * from devices where senior_id = ? order by id")
                .param(seniorId)
                .query((rs, n) -> device(rs))
                .list();
    }

    /** A point of a senior's trail: where one of their devices was, oldest first. */
    public record TrailPoint(String deviceId, Instant at, double lat, double lon) {}

    public List<TrailPoint> trail(long seniorId, Instant since, int limit) {
        return db.sql("select * from (select e.device_id, coalesce(e.device_time, e.received_at) as at, e.lat, e.lon"
                        + " from device_events e join devices d on d.id = e.device_id where d.senior_id = ?"
                        + " and e.lat is not null and e.received_at >= ? order by e.received_at desc, e.id desc"
                        + " limit ?) t order by at")
                .params(seniorId, timestamp(since), limit)
                .query((rs, n) -> new TrailPoint(
                        rs.getString("device_id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getDouble("lat"),
                        rs.getDouble("lon")))
                .list();
    }

    private Device device(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Device(
                rs.getString("id"),
                rs.getString("protocol"),
                rs.getLong("senior_id"),
                registry.online(rs.getString("id")),
                instant(rs.getTimestamp("last_seen_at")),
                (Integer) rs.getObject("battery"),
                (Double) rs.getObject("lat"),
                (Double) rs.getObject("lon"),
                instant(rs.getTimestamp("revoked_at")),
                (Long) rs.getObject("group_id"));
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
     * transaction: listeners of {@link DeviceEventsStored} act in the same one.
     *
     * @throws IllegalArgumentException for an unregistered device
     */
    @Transactional
    public boolean record(DeviceEvent event) {
        return recordAll(List.of(event)) == 1;
    }

    /**
     * Stores a batch of events (in order) as {@link #record} does one, in a few round trips, and
     * publishes one {@link DeviceEventsStored} for the new ones. Returns how many were new.
     *
     * @throws IllegalArgumentException if any event names an unregistered device
     */
    @Transactional
    public int recordAll(List<DeviceEvent> batch) {
        List<DeviceEventStored> stored = eventLog.append(batch);
        if (!stored.isEmpty()) {
            events.publishEvent(new DeviceEventsStored(stored));
        }
        return stored.size();
    }

    /** A device and when it was last heard from and last moved, for the silence rules. */
    public record Quiet(
            String deviceId, long seniorId, Instant lastSeenAt, Instant lastMovedAt, Double lat, Double lon) {}

    /** Devices heard from before, but not since, {@code cutoff}. */
    public List<Quiet> silentSince(Instant cutoff) {
        return db.sql("select * from devices where last_seen_at < ? and revoked_at is null order by id")
                .param(timestamp(cutoff))
                .query((rs, n) -> quiet(rs))
                .list();
    }

    /** Devices heard from since {@code seenAfter} that have not moved since {@code movedBefore}. */
    public List<Quiet> stillSince(Instant movedBefore, Instant seenAfter) {
        return db.sql("select * from devices where last_seen_at >= ? and coalesce(last_moved_at, created_at) < ?"
                        + " and revoked_at is null"
                        + " order by id")
                .params(timestamp(seenAfter), timestamp(movedBefore))
                .query((rs, n) -> quiet(rs))
                .list();
    }

    private static Quiet quiet(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp moved = rs.getTimestamp("last_moved_at");
        return new Quiet(
                rs.getString("id"),
                rs.getLong("senior_id"),
                rs.getTimestamp("last_seen_at").toInstant(),
                moved == null ? rs.getTimestamp("created_at").toInstant() : moved.toInstant(),
                (Double) rs.getObject("lat"),
                (Double) rs.getObject("lon"));
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
