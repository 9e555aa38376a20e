package org.anxin.platform.device;

import java.util.List;
import org.anxin.platform.system.SeniorScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * How many of the seniors' devices are online now: the registered (not revoked) devices from one
 * query, their gateway sessions from Redis in one pipelined round trip.
 */
@Component
public class DevicesOnline {
    /** Devices registered to the seniors, and how many of them hold a gateway session now. */
    public record Count(long registered, long online) {}

    private final JdbcClient db;
    private final UnifiedJedis redis;

    DevicesOnline(JdbcClient db, UnifiedJedis redis) {
        this.db = db;
        this.redis = redis;
    }

    public Count count(SeniorScope scope) {
        List<String> ids = db.sql("select id from devices where revoked_at is null and " + scope.where("senior_id"))
                .params(List.of(scope.params()))
                .query(String.class)
                .list();
        if (ids.isEmpty()) {
            return new Count(0, 0);
        }
        List<Response<Boolean>> sessions;
        try (AbstractPipeline pipeline = redis.pipelined()) {
            sessions = ids.stream()
                    .map(id -> pipeline.exists(DeviceRegistry.SESSION_PREFIX + id))
                    .toList();
            pipeline.sync();
        }
        return new Count(ids.size(), sessions.stream().filter(Response::get).count());
    }
}
