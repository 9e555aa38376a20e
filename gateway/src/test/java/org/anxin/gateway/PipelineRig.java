package org.anxin.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.anxin.gateway.command.CommandResults;
import org.anxin.gateway.forward.DeviceDirectory;
import org.anxin.gateway.forward.EventForwarder;
import org.anxin.gateway.forward.EventStreams;
import org.anxin.gateway.forward.SessionRegistry;
import org.anxin.gateway.protocol.TcpDevices;
import org.anxin.gateway.server.GatewayMetrics;
import redis.clients.jedis.StreamEntryID;

/**
 * What the protocol pipeline tests stand on: a real Redis, the real hand-off to it, and waits for
 * an EmbeddedChannel whose work completes on other threads (Redis look-ups, hand-off callbacks).
 */
public final class PipelineRig implements AutoCloseable {
    public static final String NODE = "test-node";

    private final TestRedis redis;
    private final ExecutorService workers;
    private final EventForwarder forwarder;
    private final EventStreams streams = new EventStreams(8);
    private final GatewayMetrics metrics = new GatewayMetrics();

    private PipelineRig(TestRedis redis) {
        this.redis = redis;
        this.workers = Executors.newFixedThreadPool(2);
        this.forwarder = new EventForwarder(redis.client(), streams, NODE, 1024, Duration.ofSeconds(2));
    }

    private static PipelineRig shared;

    public static PipelineRig start() throws java.io.IOException {
        return new PipelineRig(TestRedis.start());
    }

    /**
     * One rig for all the pipeline tests of a run (each test flushes Redis first): one embedded
     * Redis instead of one per class, stopped when the test JVM exits.
     */
    public static synchronized PipelineRig shared() {
        if (shared == null) {
            try {
                shared = start();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            PipelineRig rig = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    rig.close();
                } catch (Exception e) {
                    // the JVM is ending: nothing left to tell
                }
            }));
        }
        return shared;
    }

    public TestRedis redis() {
        return redis;
    }

    public ExecutorService workers() {
        return workers;
    }

    public EventForwarder forwarder() {
        return forwarder;
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    /** Registry reads are not cached, so each test sees the registrations it just wrote. */
    public DeviceDirectory directory() {
        return new DeviceDirectory(redis.client(), Duration.ZERO);
    }

    public SessionRegistry sessions() {
        return new SessionRegistry(redis.client(), workers, NODE);
    }

    public TcpDevices tcpDevices() {
        return new TcpDevices(directory(), sessions(), forwarder, workers, metrics);
    }

    /** Reports command results to the same Redis. */
    public CommandResults commandResults() {
        return new CommandResults(redis.client(), workers, NODE);
    }

    /** What has been reported for a command so far, in order. */
    public List<String> commandStatuses(long commandId) {
        return redis.client().xrange(CommandResults.STREAM, (StreamEntryID) null, (StreamEntryID) null).stream()
                .map(entry -> entry.getFields())
                .filter(fields -> Long.toString(commandId).equals(fields.get("commandId")))
                .map(fields -> fields.get("status"))
                .toList();
    }

    /** Waits until the command's results include {@code status}. */
    public void awaitCommandStatus(EmbeddedChannel channel, long commandId, String status) {
        await(() -> {
            channel.runPendingTasks();
            return commandStatuses(commandId).contains(status);
        });
    }

    /** The stream entries of one device, oldest first. */
    public List<Map<String, String>> events(String deviceId) {
        return streams.keysOf(deviceId).stream()
                .flatMap(key -> StoredEvents.in(redis.client(), key).stream())
                .sorted(java.util.Comparator.comparing(entry -> entry.getID()))
                .map(entry -> entry.getFields())
                .toList();
    }

    /** Waits until the device's stream holds exactly one entry of the type, and returns it. */
    public Map<String, String> awaitEvent(EmbeddedChannel channel, String deviceId, String type) {
        await(() -> {
            channel.runPendingTasks();
            return events(deviceId).stream().anyMatch(fields -> type.equals(fields.get("type")));
        });
        List<Map<String, String>> matching = events(deviceId).stream()
                .filter(fields -> type.equals(fields.get("type")))
                .toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + type + " event, found " + matching.size());
        }
        return matching.get(0);
    }

    /** Waits for the next frame the pipeline writes; the caller releases it. */
    public static ByteBuf awaitOutbound(EmbeddedChannel channel) {
        await(() -> {
            channel.runPendingTasks();
            return !channel.outboundMessages().isEmpty();
        });
        return channel.readOutbound();
    }

    public static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() throws Exception {
        forwarder.close();
        workers.shutdownNow();
        metrics.close();
        redis.close();
    }
}
