package org.anxin.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anxin.platform.DeviceStream;
import org.anxin.platform.PlatformIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamGroupInfo;

/** Stream trimming never takes an entry some consumer group has not acknowledged. */
class StreamTrimmerIT extends PlatformIT {
    private static final String READER = "trim-it-reader";

    @Autowired
    StreamTrimmer trimmer;

    @Test
    void trimsBehindEveryGroupAndNoFurther() {
        long senior = createSenior("沈凤英");
        createDevice("trim-it-1", senior);
        String stream = DeviceStream.stream("trim-it-1");
        List<StreamEntryID> first = add(5);
        awaitStored(first.get(4));

        trimmer.trim(stream);
        // everything stored is gone but the platform group's last delivered entry
        assertThat(redis.xrange(stream, first.get(0), first.get(3))).isEmpty();
        assertThat(redis.xrange(stream, first.get(4), first.get(4))).hasSize(1);

        // a second group that has read one entry and not acknowledged it
        redis.xgroupCreate(stream, READER, first.get(4), false);
        try {
            List<StreamEntryID> later = add(3);
            var read = redis.xreadGroup(
                    READER,
                    "it",
                    XReadGroupParams.xReadGroupParams().count(1),
                    Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            assertThat(read.get(0).getValue().get(0).getID()).isEqualTo(later.get(0));
            awaitStored(later.get(2));

            trimmer.trim(stream);
            assertThat(redis.xrange(stream, first.get(4), first.get(4))).isEmpty();
            assertThat(redis.xrange(stream, later.get(0), later.get(2)))
                    .as("from the reader's pending entry on, all kept")
                    .hasSize(3);
        } finally {
            redis.xgroupDestroy(stream, READER);
        }
        trimmer.trim(stream);
        assertThat(redis.xlen(stream)).isLessThanOrEqualTo(1);
    }

    @Test
    void aStreamNoGroupHasReadIsLeftWhole() {
        String stream = "anxin:events:trim-it-none";
        redis.xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("v", "1"));
        assertThat(trimmer.safePoint(stream)).isEmpty();
        redis.del(stream);
    }

    private List<StreamEntryID> add(int count) {
        List<StreamEntryID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = Instant.now().plusMillis(i);
            ids.add(redis.xadd(
                    DeviceStream.stream("trim-it-1"),
                    StreamEntryID.NEW_ENTRY,
                    DeviceStream.entry("trim-it-1", "HEARTBEAT", at, at)));
        }
        return ids;
    }

    /** Until the platform's group has delivered {@code id} and holds nothing pending. */
    private void awaitStored(StreamEntryID id) {
        String stream = DeviceStream.stream("trim-it-1");
        await(() -> {
            StreamGroupInfo group = redis.xinfoGroups(stream).stream()
                    .filter(g -> g.getName().equals(LaneConsumer.GROUP))
                    .findFirst()
                    .orElseThrow();
            return group.getPending() == 0 && group.getLastDeliveredId().compareTo(id) >= 0;
        });
    }
}
