package org.anxin.platform.device;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.anxin.platform.system.BackgroundLoop;
import org.anxin.platform.system.StreamGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Reads the gateways' command reports ({@code anxin:command-results}) through the consumer group
 * {@code anxin-platform} and applies each to its command. A report lost on the way is made good
 * by {@link DeviceCommands}' sweep, which sends a command again when it heard nothing.
 */
@Component
class CommandResultConsumer extends BackgroundLoop {
    static final String STREAM = "anxin:command-results";
    private static final String GROUP = "anxin-platform";
    private static final Logger log = LoggerFactory.getLogger(CommandResultConsumer.class);

    private final UnifiedJedis redis;
    private final DeviceCommands commands;
    private final String consumer =
            "platform-" + ManagementFactory.getRuntimeMXBean().getName();

    CommandResultConsumer(UnifiedJedis redis, DeviceCommands commands) {
        super("command-results", 3_000);
        this.redis = redis;
        this.commands = commands;
    }

    @Override
    protected void loop() {
        boolean groupReady = false;
        while (running()) {
            try {
                if (!groupReady) {
                    StreamGroups.ensure(redis, STREAM, GROUP);
                    groupReady = true;
                }
                List<Map.Entry<String, List<StreamEntry>>> batches = redis.xreadGroup(
                        GROUP,
                        consumer,
                        XReadGroupParams.xReadGroupParams().count(100).block(1_000),
                        Map.of(STREAM, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
                if (batches == null) {
                    continue;
                }
                for (Map.Entry<String, List<StreamEntry>> batch : batches) {
                    for (StreamEntry entry : batch.getValue()) {
                        apply(entry);
                        redis.xack(STREAM, GROUP, entry.getID());
                    }
                }
            } catch (RuntimeException e) {
                if (!running()) {
                    break;
                }
                if (StreamGroups.lost(e)) {
                    groupReady = false;
                }
                log.warn("reading command results failed ({}); retrying in 1 s", e.toString());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void apply(StreamEntry entry) {
        Map<String, String> f = entry.getFields();
        try {
            long id = Long.parseLong(f.getOrDefault("commandId", ""));
            Instant at = f.get("at") == null ? null : Instant.parse(f.get("at"));
            commands.result(id, f.getOrDefault("status", ""), f.get("detail"), at);
        } catch (NumberFormatException | DateTimeParseException e) {
            log.warn("dropped malformed command result {}: {}", entry.getID(), f);
        } catch (RuntimeException e) {
            log.error("applying command result {} failed", entry.getID(), e);
        }
    }
}
