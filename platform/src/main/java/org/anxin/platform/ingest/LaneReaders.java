package org.anxin.platform.ingest;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.springframework.context.SmartLifecycle;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The readers of one lane. On one Redis server: one {@link LaneConsumer} whose single blocking
 * XREADGROUP covers every partition. On a Redis Cluster the partitions' streams lie in different
 * hash slots, and a command may only touch keys of one slot (CROSSSLOT): one reader per partition,
 * each with its own blocking XREADGROUP, so an SOS in one partition never waits for another's read.
 */
final class LaneReaders implements SmartLifecycle {
    private final List<LaneConsumer> readers;

    private LaneReaders(List<LaneConsumer> readers) {
        this.readers = readers;
    }

    static LaneReaders of(
            String threadName,
            UnifiedJedis redis,
            String prefix,
            int partitions,
            BiConsumer<String, List<StreamEntry>> store) {
        List<String> streams =
                IntStream.range(0, partitions).mapToObj(p -> prefix + p).toList();
        if (!(redis instanceof JedisCluster)) {
            return new LaneReaders(List.of(new LaneConsumer(threadName, redis, streams, store)));
        }
        return new LaneReaders(IntStream.range(0, partitions)
                .mapToObj(p -> new LaneConsumer(threadName + "-" + p, redis, List.of(streams.get(p)), store))
                .toList());
    }

    int readerCount() {
        return readers.size();
    }

    @Override
    public void start() {
        readers.forEach(LaneConsumer::start);
    }

    @Override
    public void stop() {
        readers.forEach(LaneConsumer::stop);
    }

    @Override
    public boolean isRunning() {
        return readers.stream().anyMatch(LaneConsumer::isRunning);
    }
}
