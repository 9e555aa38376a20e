package org.anxin.platform.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamGroupInfo;

/**
 * How far the platform's consumer group is behind each partition of the device event streams, read
 * from Redis at every scrape (so every node reports the cluster's backlog, not only its own):
 * {@code anxin_ingest_pending} (read by a node but not yet stored and acknowledged) and
 * {@code anxin_ingest_lag_seconds} (the newest entry's id time minus the newest delivered one's).
 */
@Component
class IngestMetrics implements MeterBinder {
    private final UnifiedJedis redis;
    private final int partitions;

    IngestMetrics(UnifiedJedis redis, IngestProperties properties) {
        this.redis = redis;
        this.partitions = properties.eventPartitions();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String lane : List.of(Lanes.ALARMS, Lanes.EVENTS)) {
            IntStream.range(0, partitions).mapToObj(p -> lane + p).forEach(stream -> {
                Gauge.builder("anxin.ingest.pending", () -> pending(stream))
                        .description("Entries read by a platform node but not yet stored and acknowledged")
                        .tag("stream", stream)
                        .register(registry);
                Gauge.builder("anxin.ingest.lag", () -> lagSeconds(stream))
                        .description("Age of the newest entry not yet delivered to the platform's consumer group")
                        .baseUnit("seconds")
                        .tag("stream", stream)
                        .register(registry);
            });
        }
    }

    private double pending(String stream) {
        return group(stream).map(g -> (double) g.getPending()).orElse(Double.NaN);
    }

    private double lagSeconds(String stream) {
        return group(stream)
                .map(g -> {
                    StreamEntryID newest = redis.xinfoStream(stream).getLastGeneratedId();
                    long behind = newest.getTime() - g.getLastDeliveredId().getTime();
                    return Math.max(0, behind) / 1000.0;
                })
                .orElse(Double.NaN);
    }

    /** The group's row, or empty when the stream or group does not exist yet or Redis cannot answer. */
    private Optional<StreamGroupInfo> group(String stream) {
        try {
            return redis.xinfoGroups(stream).stream()
                    .filter(g -> LaneConsumer.GROUP.equals(g.getName()))
                    .findFirst();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
