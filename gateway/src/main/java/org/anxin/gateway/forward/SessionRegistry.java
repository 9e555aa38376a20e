package org.anxin.gateway.forward;

import java.util.List;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Which gateway node holds each device's connection ({@code anxin:session:{id}}), so the platform
 * can route a downlink command and tell online from offline. Writes run on a worker pool.
 */
public final class SessionRegistry {
    private static final Logger log = LoggerFactory.getLogger(SessionRegistry.class);
    // delete only our own claim: a device that moved to another node keeps its new session
    private static final String DELETE_IF_OURS =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final UnifiedJedis redis;
    private final ExecutorService workers;
    private final String node;

    public SessionRegistry(UnifiedJedis redis, ExecutorService workers, String node) {
        this.redis = redis;
        this.workers = workers;
        this.node = node;
    }

    public void hold(String deviceId, long ttlSeconds) {
        run(() -> redis.set(key(deviceId), node, SetParams.setParams().ex(ttlSeconds)), deviceId);
    }

    /**
     * Claims the session, then runs {@code then} (also if the write failed): the ONLINE event goes
     * out after the claim, so the platform, on seeing it, finds the node to send commands to.
     */
    public void hold(String deviceId, long ttlSeconds, Runnable then) {
        run(
                () -> {
                    try {
                        redis.set(key(deviceId), node, SetParams.setParams().ex(ttlSeconds));
                    } finally {
                        then.run();
                    }
                },
                deviceId);
    }

    public void release(String deviceId) {
        run(() -> redis.eval(DELETE_IF_OURS, List.of(key(deviceId)), List.of(node)), deviceId);
    }

    private void run(Runnable write, String deviceId) {
        try {
            workers.execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    log.warn("session update for device {} failed: {}", deviceId, e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("session update for device {} skipped: gateway stopping", deviceId);
        }
    }

    private static String key(String deviceId) {
        return "anxin:session:" + deviceId;
    }
}
