package org.anxin.platform.ingest;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XTrimParams;
import redis.clients.jedis.resps.StreamGroupInfo;

/**
 * Trims the device event streams behind what every consumer group has acknowledged, and never
 * further: {@code XTRIM MINID} to the oldest entry any group still holds pending, or, with
 * nothing pending, to the group's last delivered entry. The gateways add without a length cap, so
 * an entry leaves Redis only once stored; while the platform is down the streams grow (Redis'
 * {@code maxmemory} with {@code noeviction} then refuses new events, which devices are not acked for
 * and resend: docs/events.md). Every node runs it each minute; trimming twice is harmless.
 */
@Component
class StreamTrimmer {
    private static final Logger log = LoggerFactory.getLogger(StreamTrimmer.class);

    private final UnifiedJedis redis;
    private final List<String> streams;

    StreamTrimmer(UnifiedJedis redis, IngestProperties properties) {
        this.redis = redis;
        this.streams = List.of(Lanes.ALARMS, Lanes.EVENTS).stream()
                .flatMap(
                        lane -> IntStream.range(0, properties.eventPartitions()).mapToObj(p -> lane + p))
                .toList();
    }

    @Scheduled(initialDelay = 30_000, fixedDelayString = "${anxin.events.trim-ms:60000}")
    void trimAll() {
        for (String stream : streams) {
            try {
                trim(stream);
            } catch (RuntimeException e) {
                log.debug("cannot trim {}: {}", stream, e.toString());
            }
        }
    }

    /** Trims one stream exactly (each minute removes little); the entries removed. */
    long trim(String stream) {
        Optional<StreamEntryID> safe = safePoint(stream);
        if (safe.isEmpty()) {
            return 0;
        }
        return redis.xtrim(stream, XTrimParams.xTrimParams().minId(safe.get().toString()));
    }

    /** The oldest entry some group still needs; empty when there are no groups (nobody has read it). */
    Optional<StreamEntryID> safePoint(String stream) {
        List<StreamGroupInfo> groups = redis.xinfoGroups(stream);
        StreamEntryID safe = null;
        for (StreamGroupInfo group : groups) {
            StreamEntryID needed = group.getPending() > 0
                    ? redis.xpending(stream, group.getName()).getMinId()
                    : group.getLastDeliveredId();
            if (safe == null || needed.compareTo(safe) < 0) {
                safe = needed;
            }
        }
        return Optional.ofNullable(safe);
    }
}
