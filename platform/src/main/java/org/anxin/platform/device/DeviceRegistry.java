package org.anxin.platform.device;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import redis.clients.jedis.ScanIteration;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

/**
 * The copy of the device registry the gateways read ({@code anxin:device:{id}}). PostgreSQL is
 * the record; Redis may have been wiped, so every start writes all devices again.
 */
@Component
class DeviceRegistry {
    private static final Logger log = LoggerFactory.getLogger(DeviceRegistry.class);

    private static final String COMMAND_STREAMS = "anxin:commands:*";

    private final UnifiedJedis redis;
    private final JdbcClient db;

    DeviceRegistry(UnifiedJedis redis, JdbcClient db) {
        this.redis = redis;
        this.db = db;
    }

    void publish(String id, String protocol, long seniorId, String secretSha256, Long groupId) {
        Map<String, String> fields = new HashMap<>();
        fields.put("protocol", protocol);
        fields.put("seniorId", Long.toString(seniorId));
        if (secretSha256 != null) {
            fields.put("secretSha256", secretSha256);
        }
        if (groupId != null) {
            fields.put("group", Long.toString(groupId));
        }
        redis.del(key(id));
        redis.hset(key(id), fields);
    }

    /** A device group's allow-list ({@code anxin:device-group:{id}}, {@code networks} comma-separated). */
    void publishGroup(long groupId, String networks) {
        redis.hset(GROUP_PREFIX + groupId, Map.of("networks", networks));
    }

    void unpublishGroup(long groupId) {
        redis.del(GROUP_PREFIX + groupId);
    }

    /**
     * Every gateway node drops its cached look-ups of these devices and of the group (either may be
     * empty) and re-checks the devices' live connections: {@code FORGET} entries on each node's
     * command stream, the route {@link #revoke} takes.
     */
    void forget(List<String> deviceIds, Long groupId) {
        List<Map<String, String>> entries = new ArrayList<>();
        // a large group's members go in several entries, none much over 10 KB
        for (int from = 0; from < deviceIds.size() || entries.isEmpty(); from += FORGET_CHUNK) {
            Map<String, String> fields = new HashMap<>();
            fields.put("type", "FORGET");
            List<String> chunk = deviceIds.subList(from, Math.min(deviceIds.size(), from + FORGET_CHUNK));
            if (!chunk.isEmpty()) {
                fields.put("deviceIds", String.join(",", chunk));
            }
            if (groupId != null) {
                fields.put("group", Long.toString(groupId));
            }
            entries.add(fields);
        }
        List<String> nodes = nodeStreams();
        for (String stream : nodes) {
            for (Map<String, String> fields : entries) {
                redis.xadd(stream, ENTRY, fields);
            }
        }
        log.info(
                "device directory change ({} device(s){}) sent to {} gateway stream(s)",
                deviceIds.size(),
                groupId == null ? "" : ", group " + groupId,
                nodes.size());
    }

    private static final int FORGET_CHUNK = 500;
    private static final String GROUP_PREFIX = "anxin:device-group:";
    private static final XAddParams ENTRY =
            XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY).maxLen(10_000).approximateTrimming();

    /** Every gateway node's command stream: SCAN on every server of a Redis Cluster in turn (one server: one SCAN). */
    private List<String> nodeStreams() {
        List<String> nodes = new ArrayList<>();
        ScanIteration scan = redis.scanIteration(1_000, COMMAND_STREAMS, "stream");
        while (!scan.isIterationCompleted()) {
            nodes.addAll(scan.nextBatch().getResult());
        }
        return nodes;
    }

    /**
     * Every gateway forgets the device: the registry entry goes (a next login finds nothing), and
     * every gateway node's command stream ({@code anxin:commands:{node}}, found by SCAN) gets a
     * {@code REVOKE} entry: the node drops its cached look-up and closes the device's connections at
     * once. A stream outlives a node's short loss of Redis, so no node misses it.
     */
    void revoke(String id, String protocol) {
        redis.del(key(id));
        List<String> nodes = nodeStreams();
        for (String stream : nodes) {
            redis.xadd(stream, ENTRY, Map.of("type", "REVOKE", "deviceId", id, "protocol", protocol));
        }
        log.info("device {} revoked: registry entry removed, {} gateway stream(s) told", id, nodes.size());
    }

    /** The gateway's session key of a device: present while it is connected. */
    static final String SESSION_PREFIX = "anxin:session:";

    boolean online(String id) {
        return redis.exists(SESSION_PREFIX + id);
    }

    @EventListener(ApplicationReadyEvent.class)
    void republishAll() {
        // groups first: a device naming a group that is not there yet would be refused meanwhile
        int[] groups = {0};
        db.sql("select id, networks from device_groups").query(rs -> {
            publishGroup(rs.getLong("id"), rs.getString("networks"));
            groups[0]++;
        });
        int[] count = {0};
        db.sql("select id, protocol, senior_id, secret_sha256, group_id from devices where revoked_at is null")
                .query(rs -> {
                    publish(
                            rs.getString("id"),
                            rs.getString("protocol"),
                            rs.getLong("senior_id"),
                            rs.getString("secret_sha256"),
                            (Long) rs.getObject("group_id"));
                    count[0]++;
                });
        log.info("device registry: {} devices and {} device groups published to Redis", count[0], groups[0]);
    }

    private static String key(String id) {
        return "anxin:device:" + id;
    }
}
