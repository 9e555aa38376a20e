package org.anxin.gateway.command;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Reads the commands the platform routed to this node ({@code anxin:commands:{node}}) through
 * the consumer group {@code gateway} and hands each to {@code deliver}; an entry is acknowledged
 * once handed over. A malformed entry is logged and acknowledged, never retried. A {@code REVOKE}
 * entry (the platform writes one to every node's stream when a device is revoked) goes to
 * {@code revoke} with the device id instead; a {@code FORGET} entry (device group changes, see
 * {@link DirectoryChange}) goes to {@code forget}.
 */
public final class CommandConsumer implements AutoCloseable {
    static final String GROUP = "gateway";
    public static final String REVOKE = "REVOKE";
    private static final Logger log = LoggerFactory.getLogger(CommandConsumer.class);

    private final UnifiedJedis redis;
    private final String stream;
    private final String node;
    private final Consumer<Command> deliver;
    private final Consumer<String> revoke;
    private final Consumer<DirectoryChange> forget;
    private final Thread thread;
    private volatile boolean running = true;

    public CommandConsumer(
            UnifiedJedis redis,
            String node,
            Consumer<Command> deliver,
            Consumer<String> revoke,
            Consumer<DirectoryChange> forget) {
        this.redis = redis;
        this.revoke = revoke;
        this.forget = forget;
        this.node = node;
        this.stream = streamOf(node);
        this.deliver = deliver;
        this.thread = new Thread(this::run, "command-consumer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public static String streamOf(String node) {
        return "anxin:commands:" + node;
    }

    private void run() {
        boolean groupReady = false;
        while (running) {
            try {
                if (!groupReady) {
                    createGroup();
                    groupReady = true;
                }
                List<Map.Entry<String, List<StreamEntry>>> read = redis.xreadGroup(
                        GROUP,
                        node,
                        XReadGroupParams.xReadGroupParams().count(64).block(1_000),
                        Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
                if (read == null) {
                    continue;
                }
                for (Map.Entry<String, List<StreamEntry>> entries : read) {
                    for (StreamEntry entry : entries.getValue()) {
                        handle(entry);
                        redis.xack(stream, GROUP, entry.getID());
                        if (entry.getFields().containsKey("password")) {
                            // a watch's SMS password does not stay in Redis once handed over
                            redis.xdel(stream, entry.getID());
                        }
                    }
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                if (e instanceof JedisDataException
                        && String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
                    groupReady = false;
                }
                log.warn("reading commands from {} failed ({}); retrying in 1 s", stream, e.toString());
                sleep();
            }
        }
    }

    private void createGroup() {
        try {
            redis.xgroupCreate(stream, GROUP, new StreamEntryID(0, 0), true);
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    private void handle(StreamEntry entry) {
        Map<String, String> fields = entry.getFields();
        if (DirectoryChange.TYPE.equals(fields.get("type"))) {
            try {
                forget.accept(DirectoryChange.fromFields(fields));
            } catch (RuntimeException e) {
                log.error("applying directory change {} failed", entry.getID(), e);
            }
            return;
        }
        if (REVOKE.equals(fields.get("type"))) {
            String deviceId = fields.get("deviceId");
            if (deviceId == null) {
                log.warn("dropped a REVOKE entry {} without deviceId", entry.getID());
                return;
            }
            try {
                revoke.accept(deviceId);
            } catch (RuntimeException e) {
                log.error("revoking device {} failed", deviceId, e);
            }
            return;
        }
        Command command;
        try {
            command = Command.fromFields(entry.getFields());
        } catch (IllegalArgumentException e) {
            log.warn("dropped malformed command entry {}: {}", entry.getID(), e.getMessage());
            return;
        }
        try {
            deliver.accept(command);
        } catch (RuntimeException e) {
            log.error("delivering command {} failed", command.id(), e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(3_000);
    }
}
