package org.anxin.platform.ingest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.JedisPooled;

/** The two lanes of the device event streams (docs/events.md), each read on a thread of its own. */
@Configuration(proxyBeanMethods = false)
class Lanes {
    static final String ALARMS = "anxin:alarms:";
    static final String EVENTS = "anxin:events:";

    /** SOS, FALL, …: each entry stored in a transaction of its own as soon as it arrives. */
    @Bean
    LaneConsumer alarmLane(JedisPooled redis, StreamStore store, IngestProperties properties) {
        return new LaneConsumer(
                "alarm-lane-consumer",
                redis,
                ALARMS,
                properties.eventPartitions(),
                (stream, entries) -> entries.forEach(entry -> store.storeOne(stream, entry)));
    }

    /** Positions, heartbeats, vitals, online/offline: a partition's batch per transaction. */
    @Bean
    LaneConsumer eventLane(JedisPooled redis, StreamStore store, IngestProperties properties) {
        return new LaneConsumer(
                "event-lane-consumer", redis, EVENTS, properties.eventPartitions(), store::storeTogether);
    }
}
