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

    void publish(String id, String protocol, long seniorId, String secretSha256) {
        Map<String, String> fields = new HashMap<>();
        fields.put("protocol", protocol);
        fields.put("seniorId", Long.toString(seniorId));
        if (secretSha256 != null) {
            fields.put("secretSha256", secretSha256);
        }
        redis.del(key(id));
        redis.hset(key(id), fields);
    }

    /**
     * Every gateway forgets the device: the registry entry goes (a next login finds nothing), and
     * every gateway node's command stream ({@code anxin:commands:{node}}, found by SCAN) gets a
     * {@code REVOKE} entry: the node drops its cached look-up and closes the device's connections at
     * once. A stream outlives a node's short loss of Redis, so no node misses it.
     */
    void revoke(String id, String protocol) {
        redis.del(key(id));
        List<String> nodes = new ArrayList<>();
        // every server of a Redis Cluster in turn (one server: the same SCAN as ever)
        ScanIteration scan = redis.scanIteration(1_000, COMMAND_STREAMS, "stream");
        while (!scan.isIterationCompleted()) {
            nodes.addAll(scan.nextBatch().getResult());
        }
        for (String stream : nodes) {
            redis.xadd(
                    stream,
                    XAddParams.xAddParams()
                            .id(StreamEntryID.NEW_ENTRY)
                            .maxLen(10_000)
                            .approximateTrimming(),
                    Map.of("type", "REVOKE", "deviceId", id, "protocol", protocol));
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
        int[] count = {0};
        db.sql("select id, protocol, senior_id, secret_sha256 from devices where revoked_at is null")
                .query(rs -> {
                    publish(
                            rs.getString("id"),
                            rs.getString("protocol"),
                            rs.getLong("senior_id"),
                            rs.getString("secret_sha256"));
                    count[0]++;
                });
        log.info("device registry: {} devices published to Redis", count[0]);
    }

    private static String key(String id) {
        return "anxin:device:" + id;
    }
}
