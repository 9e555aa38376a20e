package org.anxin.gateway.forward;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * What a device sent that broke the contract, kept per device in {@code anxin:rejected:{id}} (a
 * hash: {@code count}, {@code lastReason}, {@code lastAt}, {@code lastPayload}; 30 days) so the
 * device's page can show that its payloads are refused, not silently lost. Writes run on a worker.
 */
public final class RejectedPayloads {
    static final long TTL_SECONDS = 30L * 24 * 3600;
    private static final Logger log = LoggerFactory.getLogger(RejectedPayloads.class);

    private final UnifiedJedis redis;
    private final ExecutorService workers;

    public RejectedPayloads(UnifiedJedis redis, ExecutorService workers) {
        this.redis = redis;
        this.workers = workers;
    }

    public static String key(String deviceId) {
        return "anxin:rejected:" + deviceId;
    }

    public void record(String deviceId, String reason, String payloadPreview, Instant at) {
        try {
            workers.execute(() -> {
                try {
                    String key = key(deviceId);
                    // the count last: whoever sees it change finds the reason of that refusal
                    redis.hset(
                            key, Map.of("lastReason", reason, "lastAt", at.toString(), "lastPayload", payloadPreview));
                    redis.hincrBy(key, "count", 1);
                    redis.expire(key, TTL_SECONDS);
                } catch (RuntimeException e) {
                    log.debug("could not record a rejected payload of {}: {}", deviceId, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("rejected payload of {} not recorded: gateway stopping", deviceId);
        }
    }
}
