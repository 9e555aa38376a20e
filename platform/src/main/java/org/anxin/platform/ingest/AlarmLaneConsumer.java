package org.anxin.platform.ingest;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The alarm lane, {@code anxin:alarms:{p}} (SOS, FALL, …): each entry stored in a transaction of
 * its own as soon as it arrives, on this lane's own thread, whatever the events lane is doing.
 */
@Component
class AlarmLaneConsumer extends LaneConsumer {
    static final String PREFIX = "anxin:alarms:";

    private final StreamStore store;

    AlarmLaneConsumer(JedisPooled redis, StreamStore store, @Value("${anxin.event-partitions}") int partitions) {
        super("alarm-lane-consumer", redis, PREFIX, partitions);
        this.store = store;
    }

    @Override
    protected void store(String stream, List<StreamEntry> entries) {
        entries.forEach(entry -> store.storeOne(stream, entry));
    }
}
