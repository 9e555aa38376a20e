package org.anxin.platform.device;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

/**
 * Downlink commands: validated per protocol, stored QUEUED, and routed to the gateway node that
 * holds the device's connection ({@code anxin:session:{id}} names it) through
 * {@code anxin:commands:{node}}. A device that is offline gets its commands when it comes
 * online; a sweep re-routes what got no answer and expires what waited too long. The gateways'
 * reports arrive through {@link CommandResultConsumer}.
 */
@Service
public class DeviceCommands {
    private static final Logger log = LoggerFactory.getLogger(DeviceCommands.class);
    private static final Set<String> WEARABLE_TYPES =
            Set.of("LOCATE", "SOS_NUMBERS", "UPLOAD_INTERVAL", "CALL_BACK", "MONITOR");
    /** What an SOS page (protocol app) takes: the desk has its alarm (see alarm's HelpComing). */
    public static final String HELP_COMING = "HELP_COMING";
    /** A one-off reminder alarm at {@code at} (HH:mm, city time): a "3G" watch's alarm clock. */
    public static final String REMIND = "REMIND";
    /**
     * A "3G" watch's SMS control password ({@code PW,<digits>}): made here, never a param, sent only
     * through {@link #setWatchPassword}.
     */
    static final String WATCH_PASSWORD = "WATCH_PASSWORD";

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static final Map<String, Set<String>> BY_PROTOCOL = Map.of(
            "mqtt",
            WEARABLE_TYPES,
            "watch",
            plus(WEARABLE_TYPES, REMIND),
            "gt06",
            Set.of("LOCATE", "SOS_NUMBERS", "UPLOAD_INTERVAL"),
            "app",
            Set.of(HELP_COMING));
    private static final Set<String> TYPES =
            Set.of("LOCATE", "SOS_NUMBERS", "UPLOAD_INTERVAL", "CALL_BACK", "MONITOR", HELP_COMING, REMIND);

    private final JdbcClient db;
    private final UnifiedJedis redis;
    private final DeviceService devices;
    private final Clock clock;
    private final Duration expireAfter;
    private final Duration resendAfter;

    DeviceCommands(
            JdbcClient db, UnifiedJedis redis, DeviceService devices, Clock clock, CommandProperties properties) {
        this.db = db;
        this.redis = redis;
        this.devices = devices;
        this.clock = clock;
        this.expireAfter = properties.expireAfter();
        this.resendAfter = properties.resendAfter();
    }

    /** A command's parameters: the ones its type takes, the others left out of the JSON. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommandParams(List<String> numbers, String number, Integer seconds, String at) {}

    /** A command as stored, with where it stands. */
    public record DeviceCommand(
            long id,
            String deviceId,
            String type,
            CommandParams params,
            String status,
            String detail,
            int attempts,
            String createdBy,
            Instant createdAt,
            Instant sentAt,
            Instant deliveredAt,
            Instant updatedAt) {}

    /** Validates, stores QUEUED and routes to the device's node now if it is online. */
    public DeviceCommand create(String deviceId, String type, Map<String, Object> params, Viewer viewer) {
        Device device = devices.get(deviceId, viewer);
        if (device.revokedAt() != null) {
            throw ApiProblem.conflict("device " + deviceId + " is revoked and takes no commands");
        }
        String kind = type == null ? "" : type.strip().toUpperCase(Locale.ROOT);
        if (!TYPES.contains(kind)) {
            throw ApiProblem.badRequest(
                    "unknown command type " + type + "; types are " + String.join(", ", sorted(TYPES)));
        }
        if (!BY_PROTOCOL.get(device.protocol()).contains(kind)) {
            throw ApiProblem.badRequest(device.protocol() + " devices have no " + kind + " command; they take "
                    + String.join(", ", sorted(BY_PROTOCOL.get(device.protocol()))));
        }
        CheckedParams p = CheckedParams.of(kind, params == null ? Map.of() : params);
        Instant now = clock.instant();
        long id = db.sql(
                        "insert into device_commands (device_id, type, numbers, number, seconds, remind_at, created_by,"
                                + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(
                        deviceId,
                        kind,
                        p.numbers(),
                        p.number(),
                        p.seconds(),
                        p.at(),
                        viewer.username(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        route(find(id), device.protocol());
        return find(id);
    }

    /** A watch password command and the password, shown this once. */
    public record WatchPassword(DeviceCommand command, String password) {}

    /**
     * Gives a "3G" watch a new random SMS control password: six digits (what the firmwares take),
     * queued as a WATCH_PASSWORD command; an older one still on its way is superseded.
     */
    public WatchPassword setWatchPassword(String deviceId, Viewer viewer) {
        Device device = devices.get(deviceId, viewer);
        if (device.revokedAt() != null) {
            throw ApiProblem.conflict("device " + deviceId + " is revoked and takes no commands");
        }
        if (!"watch".equals(device.protocol())) {
            throw ApiProblem.badRequest(
                    "only \"3G\" watches have an SMS control password; " + deviceId + " speaks " + device.protocol());
        }
        Instant now = clock.instant();
        db.sql(
                        "update device_commands set status = 'EXPIRED', detail = 'superseded by a newer password',"
                                + " secret = null, updated_at = ? where device_id = ? and type = ? and status in ('QUEUED', 'SENT')")
                .params(Timestamp.from(now), deviceId, WATCH_PASSWORD)
                .update();
        String password = String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
        long id = db.sql("insert into device_commands (device_id, type, secret, created_by, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?) returning id")
                .params(deviceId, WATCH_PASSWORD, password, viewer.username(), Timestamp.from(now), Timestamp.from(now))
                .query(Long.class)
                .single();
        route(find(id), device.protocol());
        return new WatchPassword(find(id), password);
    }

    public List<DeviceCommand> list(String deviceId, Viewer viewer) {
        devices.get(deviceId, viewer);
        return db.sql("select * from device_commands where device_id = ? order by id desc limit 100")
                .param(deviceId)
                .query((rs, n) -> row(rs))
                .list();
    }

    public DeviceCommand get(String deviceId, long id, Viewer viewer) {
        devices.get(deviceId, viewer);
        DeviceCommand command = find(id);
        if (command == null || !command.deviceId().equals(deviceId)) {
            throw ApiProblem.notFound("no command " + id + " for device " + deviceId);
        }
        return command;
    }

    /** The commands with these ids, by id: where each stands (e.g. whether the device took it). */
    public Map<Long, DeviceCommand> byIds(java.util.Collection<Long> ids) {
        Map<Long, DeviceCommand> found = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            db.sql("select * from device_commands where id = any(?) order by id")
                    .param(ids.toArray(Long[]::new))
                    .query((rs, n) -> row(rs))
                    .list()
                    .forEach(c -> found.put(c.id(), c));
        }
        return found;
    }

    /** When a device comes online, what waits for it goes out. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(DeviceEventsStored batch) {
        List<String> online = batch.stored().stream()
                .filter(stored -> "ONLINE".equals(stored.event().type()))
                .map(stored -> stored.event().deviceId())
                .distinct()
                .toList();
        if (!online.isEmpty()) {
            routeWaiting(online);
        }
    }

    /** Re-routes commands that got no answer, and expires those that waited too long. */
    @Scheduled(initialDelay = 10_000, fixedDelayString = "${anxin.commands.sweep-ms:15000}")
    void sweep() {
        Instant now = clock.instant();
        int expired = db.sql(
                        "update device_commands set status = 'EXPIRED', detail = 'the device did not take it within "
                                + expireAfter
                                + "', secret = null, updated_at = ? where status = 'QUEUED' and created_at < ?")
                .params(Timestamp.from(now), Timestamp.from(now.minus(expireAfter)))
                .update();
        if (expired > 0) {
            log.info("{} device commands expired", expired);
        }
        List<String> waiting = db.sql("select distinct device_id from device_commands where status = 'QUEUED'"
                        + " and (routed_at is null or routed_at < ?)")
                .param(Timestamp.from(now.minus(resendAfter)))
                .query(String.class)
                .list();
        if (!waiting.isEmpty()) {
            routeWaiting(waiting);
        }
    }

    /**
     * What waits for these devices goes out. A reconnect wave brings thousands of ONLINE events, a
     * batch of them at a time: one query per batch, and the device is looked up only when something
     * waits for it, which is rare.
     */
    private void routeWaiting(List<String> deviceIds) {
        Instant stale = clock.instant().minus(resendAfter);
        Map<String, List<DeviceCommand>> waiting = new LinkedHashMap<>();
        db.sql("select * from device_commands where device_id = any(?) and status = 'QUEUED'"
                        + " and (routed_at is null or routed_at < ?) order by id")
                .params(deviceIds.toArray(String[]::new), Timestamp.from(stale))
                .query((rs, n) -> row(rs))
                .list()
                .forEach(c -> waiting.computeIfAbsent(c.deviceId(), id -> new ArrayList<>())
                        .add(c));
        waiting.forEach((deviceId, commands) ->
                devices.find(deviceId).ifPresent(device -> commands.forEach(c -> route(c, device.protocol()))));
    }

    private void route(DeviceCommand c, String protocol) {
        String node;
        try {
            node = redis.get("anxin:session:" + c.deviceId());
            if (node == null) {
                return; // offline: it goes out when the device comes online
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("commandId", Long.toString(c.id()));
            fields.put("deviceId", c.deviceId());
            fields.put("protocol", protocol);
            fields.put("type", c.type());
            CheckedParams p = CheckedParams.stored(c);
            if (p.numbers() != null) {
                fields.put("numbers", p.numbers());
            }
            if (p.number() != null) {
                fields.put("number", p.number());
            }
            if (p.seconds() != null) {
                fields.put("seconds", Integer.toString(p.seconds()));
            }
            if (p.at() != null) {
                fields.put("at", p.at());
            }
            if (WATCH_PASSWORD.equals(c.type())) {
                String secret = db.sql("select secret from device_commands where id = ?")
                        .param(c.id())
                        .query(String.class)
                        .optional()
                        .orElse(null);
                if (secret == null) {
                    return; // wiped: the command ended meanwhile
                }
                fields.put("password", secret);
            }
            redis.xadd(
                    "anxin:commands:" + node,
                    XAddParams.xAddParams()
                            .id(StreamEntryID.NEW_ENTRY)
                            .maxLen(10_000)
                            .approximateTrimming(),
                    fields);
        } catch (RuntimeException e) {
            log.warn(
                    "could not route command {} for device {} now ({}); the sweep retries",
                    c.id(),
                    c.deviceId(),
                    e.toString());
            return;
        }
        Instant now = clock.instant();
        db.sql("update device_commands set routed_to = ?, routed_at = ?, attempts = attempts + 1, updated_at = ?"
                        + " where id = ? and status = 'QUEUED'")
                .params(node, Timestamp.from(now), Timestamp.from(now), c.id())
                .update();
    }

    /** A gateway's report: SENT, DELIVERED, FAILED or NOT_CONNECTED (back to the queue). */
    void result(long id, String status, String detail, Instant at) {
        Timestamp when = Timestamp.from(at == null ? clock.instant() : at);
        int changed =
                switch (status) {
                    case "SENT" -> db.sql("update device_commands set status = 'SENT', sent_at = ?, detail = null,"
                                    + " updated_at = ? where id = ? and status = 'QUEUED'")
                            .params(when, when, id)
                            .update();
                    case "DELIVERED" -> db.sql("update device_commands set status = 'DELIVERED', delivered_at = ?,"
                                    + " sent_at = coalesce(sent_at, ?), detail = ?, secret = null, updated_at = ?"
                                    + " where id = ?"
                                    + " and status in ('QUEUED', 'SENT')")
                            .params(when, when, detail, when, id)
                            .update();
                    case "FAILED" -> db.sql("update device_commands set status = 'FAILED', detail = ?, secret = null,"
                                    + " updated_at = ? where id = ? and status in ('QUEUED', 'SENT')")
                            .params(detail, when, id)
                            .update();
                    case "NOT_CONNECTED" -> db.sql(
                                    "update device_commands set status = 'QUEUED', routed_to = null,"
                                            + " routed_at = null, detail = ?, updated_at = ? where id = ? and status in ('QUEUED', 'SENT')")
                            .params(detail, when, id)
                            .update();
                    default -> {
                        log.warn("command {}: unknown result {}", id, status);
                        yield 0;
                    }
                };
        log.debug("command {} result {} ({} row)", id, status, changed);
    }

    private DeviceCommand find(long id) {
        return db.sql("select * from device_commands where id = ?")
                .param(id)
                .query((rs, n) -> row(rs))
                .optional()
                .orElse(null);
    }

    private static DeviceCommand row(ResultSet rs) throws SQLException {
        String numbers = rs.getString("numbers");
        CommandParams params = new CommandParams(
                numbers == null ? null : numbers.isEmpty() ? List.of() : List.of(numbers.split(",")),
                rs.getString("number"),
                rs.getObject("seconds", Integer.class),
                rs.getString("remind_at"));
        return new DeviceCommand(
                rs.getLong("id"),
                rs.getString("device_id"),
                rs.getString("type"),
                params,
                rs.getString("status"),
                rs.getString("detail"),
                rs.getInt("attempts"),
                rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("sent_at")),
                instant(rs.getTimestamp("delivered_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Set<String> plus(Set<String> types, String type) {
        Set<String> all = new java.util.HashSet<>(types);
        all.add(type);
        return Set.copyOf(all);
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
