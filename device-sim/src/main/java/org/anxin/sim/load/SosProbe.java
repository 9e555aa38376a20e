package org.anxin.sim.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * SOS press → alarm on the operator's screen. Every {@code --sos-every} seconds of the publish
 * phase (which starts right after the ramp, so its first seconds are the reconnect wave) a fresh
 * MQTT button (registered through the REST API with a senior of its own, so it can
 * have no open SOS alarm that the press would merge into) publishes an SOS; the time until the
 * alarm with that device id and type SOS arrives on the SSE feed is recorded. Afterwards each
 * alarm seen is closed as a false alarm, so the desk is left as it was found.
 */
final class SosProbe {
    private static final Logger log = LoggerFactory.getLogger("device-sim.load");
    /** How long after the last press a missing alarm is still awaited. */
    private static final long LATE_SECONDS = 10;

    private final LoadOptions options;
    private final ApiSession session;
    private final int count;
    private final List<SosDevice> devices = new ArrayList<>();
    private final List<Channel> channels = new ArrayList<>();
    private final Map<String, Integer> indexById = new HashMap<>();
    private final long[] seenAtNanos;
    private final long[] alarmIds;
    // press → alarm raised in the platform (its createdAt less its raisedAt, the press's own ts), µs
    private final Long[] toRaiseMicros;
    private AlarmFeed feed;
    private int pressed;
    private long startNanos;

    /** Devices 0 … warmup-1 press one at a time before the ramp; the rest during the publish phase. */
    private final int warmup;

    SosProbe(LoadOptions options, ApiSession session) {
        this.options = options;
        this.session = session;
        this.warmup = options.sosWarmup();
        this.count = warmup
                + (int) Math.max(
                        1, options.duration().toNanos() / options.sosEvery().toNanos());
        this.seenAtNanos = new long[count];
        this.alarmIds = new long[count];
        this.toRaiseMicros = new Long[count];
    }

    /** Registers and connects the SOS devices and opens the feed; before the ramp. */
    void prepare(Bootstrap bootstrap, InetSocketAddress broker) throws IOException, InterruptedException {
        String run = Long.toString(System.currentTimeMillis() / 1000, 36);
        String[] secrets = new ApiRegistrar(session)
                .register(count, n -> "sos-" + run + "-" + n, LoadProtocol.MQTT, "SOS probe senior");
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        int keepAlive = options.keepAliveSeconds();
        for (int i = 0; i < count; i++) {
            String id = "sos-" + run + "-" + (i + 1);
            SosDevice device =
                    new SosDevice(id, secrets[i].getBytes(java.nio.charset.StandardCharsets.UTF_8), keepAlive);
            devices.add(device);
            indexById.put(id, i);
            ready.add(device.ready());
            channels.add(bootstrap
                    .clone()
                    .handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel channel) {
                            channel.pipeline()
                                    .addLast(
                                            new IdleStateHandler(0, keepAlive / 2, 0, TimeUnit.SECONDS),
                                            new BrokerPacketDecoder(),
                                            device);
                        }
                    })
                    .connect(broker)
                    .channel());
        }
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("SOS devices did not all connect: " + e.getMessage());
        }
        feed = new AlarmFeed(session, this::alarm);
        if (!feed.awaitHello(10)) {
            throw new IllegalStateException(
                    "no 'hello' on " + options.platform().baseUrl() + "/api/alarms/stream");
        }
        log.info("SOS probe: {} devices registered and connected, alarm feed open", count);
        warmUp();
    }

    /**
     * Presses of the warm-up devices, one after the other on the idle platform, each once the
     * previous alarm was seen (at most 10 s each): a freshly started platform runs its alarm path
     * for the first time here, and these presses are reported apart, as taken before the ramp.
     */
    private void warmUp() throws InterruptedException {
        for (int i = 0; i < warmup; i++) {
            SosDevice device = devices.get(i);
            channels.get(i).eventLoop().execute(() -> {
                device.press();
                synchronized (this) {
                    pressed++;
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LATE_SECONDS);
            while (seenAt(i) == 0 && System.nanoTime() - deadline < 0) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        if (warmup > 0) {
            log.info("SOS probe: {} warm-up presses made before the ramp", warmup);
        }
    }

    private synchronized long seenAt(int index) {
        return seenAtNanos[index];
    }

    /** Presses at S/2, 3S/2, … into the publish phase, so every press lies inside it. */
    void start(ScheduledExecutorService timer) {
        long every = options.sosEvery().toNanos();
        synchronized (this) {
            startNanos = System.nanoTime();
        }
        for (int i = warmup; i < count; i++) {
            SosDevice device = devices.get(i);
            Channel channel = channels.get(i);
            timer.schedule(
                    () -> channel.eventLoop().execute(() -> {
                        device.press();
                        synchronized (this) {
                            pressed++;
                        }
                    }),
                    every / 2 + (i - warmup) * every,
                    TimeUnit.NANOSECONDS);
        }
    }

    private synchronized void alarm(JsonNode alarm, long seenAt) {
        Integer index = indexById.get(alarm.path("deviceId").asString(""));
        if (index == null || !"SOS".equals(alarm.path("type").asString("")) || seenAtNanos[index] != 0) {
            return;
        }
        long pressedAt = devices.get(index).pressedAtNanos();
        if (pressedAt == 0) {
            return;
        }
        seenAtNanos[index] = seenAt;
        alarmIds[index] = alarm.path("id").asLong();
        toRaiseMicros[index] = toRaiseMicros(alarm);
        long micros = Math.max(0, (seenAt - pressedAt) / 1000);
        log.info(
                "SOS {} ({}, pressed {}): alarm {} on the feed {} ms after the press",
                index + 1,
                devices.get(index).deviceId(),
                index < warmup
                        ? "before the ramp, warm-up"
                        : String.format(Locale.ROOT, "%.2f s into the publish phase", (pressedAt - startNanos) / 1e9),
                alarmIds[index],
                String.format(Locale.ROOT, "%.1f", micros / 1000.0));
    }

    /**
     * From the press to the alarm raised in the platform's transaction, on the alarm's own times:
     * {@code raisedAt} is the press's {@code ts} (ms), {@code createdAt} the platform's clock when it
     * raised the alarm (one clock on one box; across machines, as good as their clocks agree). Null
     * if either is missing or not an instant.
     */
    static Long toRaiseMicros(JsonNode alarm) {
        try {
            Instant raised = Instant.parse(alarm.path("raisedAt").asString(""));
            Instant created = Instant.parse(alarm.path("createdAt").asString(""));
            return Math.max(0, ChronoUnit.MICROS.between(raised, created));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** After the publish phase: waits for late alarms, closes them as false alarms, disconnects. */
    SosResult finish() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LATE_SECONDS);
        while (seen() < pressedCount() && System.nanoTime() - deadline < 0) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        feed.close();
        List<SosResult.Press> presses = new ArrayList<>();
        List<Long> toClose = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < count; i++) {
                long pressedAt = devices.get(i).pressedAtNanos();
                if (pressedAt == 0) {
                    continue;
                }
                Long micros = null;
                if (seenAtNanos[i] != 0) {
                    toClose.add(alarmIds[i]);
                    micros = Math.max(0, (seenAtNanos[i] - pressedAt) / 1000);
                }
                presses.add(new SosResult.Press(
                        Math.round((pressedAt - startNanos) / 1e7) / 100.0,
                        micros,
                        micros == null ? null : toRaiseMicros[i]));
            }
        }
        SosResult result = SosResult.of(presses, options.sosWave().toSeconds());
        // one at a time, as an operator would: in one run 30 concurrent POSTs all timed out while
        // the platform logged "Failed to obtain JDBC Connection"
        for (long id : toClose) {
            try {
                session.post("/api/alarms/" + id + "/false-alarm", Map.of("note", "device-sim load SOS probe"), 200)
                        .join();
            } catch (java.util.concurrent.CompletionException e) {
                log.warn("could not close alarm {} as a false alarm: {}", id, e.getMessage());
            }
        }
        devices.forEach(
                device -> channels.get(devices.indexOf(device)).eventLoop().execute(device::disconnect));
        return result;
    }

    private synchronized int pressedCount() {
        return pressed;
    }

    private synchronized int seen() {
        int seen = 0;
        for (long at : seenAtNanos) {
            seen += at != 0 ? 1 : 0;
        }
        return seen;
    }
}
