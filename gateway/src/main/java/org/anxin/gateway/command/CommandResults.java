package org.anxin.gateway.command;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

/**
 * Tells the platform what became of a command ({@code anxin:command-results}): SENT (written to
 * the device's socket), DELIVERED (the device acknowledged it), FAILED (it cannot be carried out),
 * NOT_CONNECTED (the device is not on this node; the platform keeps it queued). Written off the
 * event loop.
 */
public final class CommandResults {
    public static final String STREAM = "anxin:command-results";
    private static final Logger log = LoggerFactory.getLogger(CommandResults.class);

    private final UnifiedJedis redis;
    private final ExecutorService workers;
    private final String node;

    public CommandResults(UnifiedJedis redis, ExecutorService workers, String node) {
        this.redis = redis;
        this.workers = workers;
        this.node = node;
    }

    public void report(long commandId, String deviceId, String status, String detail) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("commandId", Long.toString(commandId));
        fields.put("deviceId", deviceId);
        fields.put("status", status);
        fields.put("node", node);
        fields.put("at", Instant.now().toString());
        if (detail != null) {
            fields.put("detail", detail);
        }
        log.info(
                "command {} for device {}: {}{}",
                commandId,
                deviceId,
                status,
                detail == null ? "" : " (" + detail + ")");
        try {
            workers.execute(() -> {
                try {
                    redis.xadd(
                            STREAM,
                            XAddParams.xAddParams()
                                    .id(StreamEntryID.NEW_ENTRY)
                                    .maxLen(100_000)
                                    .approximateTrimming(),
                            fields);
                } catch (RuntimeException e) {
                    // the platform re-sends commands it has no result for, so a lost report is recovered
                    log.warn("could not report command {} as {}: {}", commandId, status, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("command {} result {} not reported: gateway stopping", commandId, status);
        }
    }
}
