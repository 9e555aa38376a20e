package org.anxin.platform.ingest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/** The two lanes of the device event streams (docs/events.md), each read on threads of its own. */
@Configuration(proxyBeanMethods = false)
class Lanes {
    static final String ALARMS = "anxin:alarms:";
    static final String EVENTS = "anxin:events:";

    /** SOS, FALL, …: each entry stored in a transaction of its own as soon as it arrives. */
    @Bean
    LaneReaders alarmLane(UnifiedJedis redis, StreamStore store, IngestProperties properties) {
        return LaneReaders.of(
                "alarm-lane-consumer",
                redis,
                ALARMS,
                properties.eventPartitions(),
                (stream, entries) -> entries.forEach(entry -> store.storeOne(stream, entry)));
    }

    /** Positions, heartbeats, vitals, online/offline: a partition's batch per transaction. */
    @Bean
    LaneReaders eventLane(UnifiedJedis redis, StreamStore store, IngestProperties properties) {
        return LaneReaders.of("event-lane-consumer", redis, EVENTS, properties.eventPartitions(), store::storeTogether);
    }
}
