package org.anxin.platform.device;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;

/**
 * The copy of the device registry the gateways read ({@code anxin:device:{id}}). PostgreSQL is
 * the record; Redis may have been wiped, so every start writes all devices again.
 */
@Component
class DeviceRegistry {
    private static final Logger log = LoggerFactory.getLogger(DeviceRegistry.class);

    private final JedisPooled redis;
    private final JdbcClient db;

    DeviceRegistry(JedisPooled redis, JdbcClient db) {
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

    boolean online(String id) {
        return redis.exists("anxin:session:" + id);
    }

    @EventListener(ApplicationReadyEvent.class)
    void republishAll() {
        int[] count = {0};
        db.sql("select id, protocol, senior_id, secret_sha256 from devices").query(rs -> {
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
