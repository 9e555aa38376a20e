package org.anxin.platform.ingest;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The events lane, {@code anxin:events:{p}} (positions, heartbeats, vitals, online/offline): a
 * partition's batch stored in one transaction, so a backlog is worked off a batch per commit.
 */
@Component
class EventLaneConsumer extends LaneConsumer {
    static final String PREFIX = "anxin:events:";

    private final StreamStore store;

    EventLaneConsumer(JedisPooled redis, StreamStore store, @Value("${anxin.event-partitions}") int partitions) {
        super("event-lane-consumer", redis, PREFIX, partitions);
        this.store = store;
    }

    @Override
    protected void store(String stream, List<StreamEntry> entries) {
        store.storeTogether(stream, entries);
    }
}
