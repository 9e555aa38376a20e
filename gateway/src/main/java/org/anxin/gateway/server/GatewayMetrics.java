package org.anxin.gateway.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.device.EventType;
import org.anxin.gateway.forward.HandOff;

/**
 * What the gateway counts, for Prometheus ({@code GET /metrics}, docs/protocols.md). Counters
 * only go up: frames or events per second are {@code rate()} in Prometheus. The meters that sit on
 * the per-frame path are looked up once here, not per frame.
 */
public final class GatewayMetrics implements AutoCloseable {
    // the protocol tag values, as the listeners name their devices
    private static final List<String> PROTOCOLS = List.of("mqtt", "watch", "gt06");

    private static final List<String> REFUSALS = List.of(
            "unregistered",
            "bad_credentials",
            "before_login",
            "registry_unavailable",
            "rate_limited",
            "clone_suspected",
            "server_busy");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Map<EventType, Counter>> events = new HashMap<>();
    private final Timer handOffTime;
    private final Counter handOffFailures;

    public GatewayMetrics() {
        for (String protocol : PROTOCOLS) {
            Map<EventType, Counter> byType = new EnumMap<>(EventType.class);
            for (EventType type : EventType.values()) {
                byType.put(type, events(protocol, type.name()));
            }
            events.put(protocol, byType);
            // every series from the start, so that rate() sees the first refusal too
            for (String reason : REFUSALS) {
                refusals(protocol, reason);
            }
            rejectedPayloads(protocol);
        }
        handOffTime = Timer.builder("anxin.gateway.handoff")
                .description("From hand-off to the Redis reply, per event")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000)) // 100 µs: a local Redis answers that fast
                .maximumExpectedValue(Duration.ofSeconds(15))
                .register(registry);
        handOffFailures = Counter.builder("anxin.gateway.handoff.failures")
                .description("Events not stored: Redis failed past the retry limit, or the hand-off queue was full")
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** Open connections of authenticated devices of one protocol, read at each scrape. */
    public void connections(String protocol, IntSupplier count) {
        Gauge.builder("anxin.gateway.connections", count::getAsInt)
                .description("Open connections of authenticated devices")
                .tag("protocol", protocol)
                .strongReference(true)
                .register(registry);
    }

    /** MQTT CONNECTs admitted and waiting for their registry look-up, read at each scrape. */
    public void pendingConnects(IntSupplier count) {
        Gauge.builder("anxin.gateway.connects.pending", count::getAsInt)
                .description("MQTT CONNECTs admitted and waiting for the device registry (admission control)")
                .strongReference(true)
                .register(registry);
    }

    /** Counts the frames one protocol's decoder produces, and the input it rejects. */
    public FrameMeter frameMeter(String protocol) {
        return new FrameMeter(
                Counter.builder("anxin.gateway.frames.received")
                        .description("Frames and packets decoded from devices")
                        .tag("protocol", protocol)
                        .register(registry),
                Counter.builder("anxin.gateway.decode.errors")
                        .description("Device input rejected as malformed (garbage, bad stop bytes, too long)")
                        .tag("protocol", protocol)
                        .register(registry),
                Counter.builder("anxin.gateway.checksum.mismatches")
                        .description("Frames accepted although their checksum was wrong (clone firmware)")
                        .tag("protocol", protocol)
                        .register(registry));
    }

    /**
     * A connection turned away before it could send events.
     *
     * @param reason {@code unregistered}, {@code bad_credentials}, {@code before_login},
     *     {@code registry_unavailable}, {@code rate_limited}, {@code clone_suspected} or {@code server_busy}
     */
    public void refused(String protocol, String reason) {
        refusals(protocol, reason).increment();
    }

    /** A device payload that broke the event contract (malformed JSON, unknown type, value out of range). */
    public void rejectedPayload(String protocol) {
        rejectedPayloads(protocol).increment();
    }

    private Counter rejectedPayloads(String protocol) {
        return Counter.builder("anxin.gateway.rejected.payloads")
                .description("Device payloads refused as breaking the event contract")
                .tag("protocol", protocol)
                .register(registry);
    }

    /** The hand-off, counting each event it queues, timing it to the Redis reply, and its queue depth. */
    public HandOff metered(HandOff handOff, IntSupplier queued) {
        Gauge.builder("anxin.gateway.handoff.queue", queued::getAsInt)
                .description("Events waiting for the Redis hand-off")
                .strongReference(true)
                .register(registry);
        return new MeteredHandOff(handOff, this);
    }

    void handedOff(DeviceEvent event) {
        Map<EventType, Counter> byType = events.get(event.protocol());
        Counter counter = byType == null ? events(event.protocol(), event.type().name()) : byType.get(event.type());
        counter.increment();
    }

    void stored(long startNanos, boolean stored) {
        handOffTime.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        if (!stored) {
            handOffFailures.increment();
        }
    }

    void queueFull() {
        handOffFailures.increment();
    }

    /** Everything, in the Prometheus text format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    private Counter refusals(String protocol, String reason) {
        return Counter.builder("anxin.gateway.refused")
                .description("Device connections refused")
                .tag("protocol", protocol)
                .tag("reason", reason)
                .register(registry);
    }

    private Counter events(String protocol, String type) {
        return Counter.builder("anxin.gateway.events")
                .description("Device events handed to the Redis forwarder")
                .tag("protocol", protocol)
                .tag("type", type)
                .register(registry);
    }

    @Override
    public void close() {
        registry.close();
    }
}
