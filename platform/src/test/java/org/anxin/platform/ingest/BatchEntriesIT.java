package org.anxin.platform.ingest;

import static org.anxin.platform.DeviceStream.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anxin.platform.DeviceStream;
import org.anxin.platform.PlatformIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.StreamEntryID;

/**
 * Batch entries (contract v2), as the gateway writes the events lane: every event of an entry
 * stored, a bad one rejected alone, an unreadable entry rejected whole, a redelivered one stored
 * once.
 */
class BatchEntriesIT extends PlatformIT {
    @Autowired
    private JdbcClient db;

    @Test
    void storesEachEventOfABatchAndRejectsOnlyTheBadOne() {
        long senior = createSenior("卢秀珍");
        createDevice("bat-watch-1", senior);
        Map<String, String> bad = entry("bat-watch-1", "LOCATION", "2026-11-22T09:00:01Z");
        bad.put("lat", "north");

        StreamEntryID id = DeviceStream.xadd(
                redis,
                "bat-watch-1",
                DeviceStream.batch(
                        entry("bat-watch-1", "HEARTBEAT", "2026-11-22T09:00:00Z"),
                        bad,
                        entry("bat-watch-1", "LOCATION", "2026-11-22T09:00:02Z")));

        await(() -> types("bat-watch-1").size() == 2);
        assertThat(types("bat-watch-1")).containsExactlyInAnyOrder("HEARTBEAT", "LOCATION");
        assertThat(rejected("bat-watch-1"))
                .containsExactly(Map.of("entry_id", id + "/1", "reason", "lat is not a number"));
        await(() -> pending("bat-watch-1") == 0);
    }

    @Test
    void rejectsAnUnreadableBatchWholeAndStoresTheEntryBehindIt() {
        long senior = createSenior("汤桂英");
        createDevice("bat-watch-2", senior);
        Map<String, String> unreadable = DeviceStream.batch(entry("bat-watch-2", "HEARTBEAT", "2026-11-22T09:10:00Z"));
        unreadable.put("events", "[{\"deviceId\":\"bat-watch-2\",");

        StreamEntryID id = DeviceStream.xadd(redis, "bat-watch-2", unreadable);
        DeviceStream.xadd(
                redis, "bat-watch-2", DeviceStream.batch(entry("bat-watch-2", "LOCATION", "2026-11-22T09:10:05Z")));

        await(() -> types("bat-watch-2").contains("LOCATION"));
        assertThat(types("bat-watch-2")).containsExactly("LOCATION");
        assertThat(rejected("bat-watch-2")).isEmpty(); // the whole entry is recorded under its own id
        assertThat(db.sql("select reason from rejected_events where entry_id = ?")
                        .param(id.toString())
                        .query(String.class)
                        .list())
                .containsExactly("events is not JSON");
    }

    @Test
    void storesARedeliveredBatchOnce() {
        long senior = createSenior("孔凤兰");
        createDevice("bat-watch-3", senior);
        Map<String, String> batch = DeviceStream.batch(
                entry("bat-watch-3", "HEARTBEAT", "2026-11-22T09:20:00Z"),
                entry("bat-watch-3", "LOCATION", "2026-11-22T09:20:01Z"));

        DeviceStream.xadd(redis, "bat-watch-3", batch);
        DeviceStream.xadd(redis, "bat-watch-3", batch); // the gateway wrote it again after a lost reply
        DeviceStream.xadd(
                redis, "bat-watch-3", DeviceStream.batch(entry("bat-watch-3", "HEARTBEAT", "2026-11-22T09:20:02Z")));

        await(() -> types("bat-watch-3").size() >= 3 && pending("bat-watch-3") == 0);
        assertThat(types("bat-watch-3")).containsExactlyInAnyOrder("HEARTBEAT", "LOCATION", "HEARTBEAT");
    }

    /**
     * A backlog: three entries of 400 events reach the consumer in one read (written in one
     * MULTI), more than one transaction takes (StreamStore.EVENTS_PER_TRANSACTION); every event is
     * stored once and every entry acknowledged.
     */
    @Test
    void storesABacklogOfLargeBatchesWhole() {
        long senior = createSenior("邵桂芳");
        createDevice("bat-watch-4", senior);
        Instant start = Instant.parse("2026-11-22T10:00:00Z");
        List<Map<String, String>> batches = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            List<Map<String, String>> events = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                events.add(
                        DeviceStream.entry("bat-watch-4", "LOCATION", start.plusSeconds(b * 400L + i), Instant.now()));
            }
            batches.add(DeviceStream.batch(events));
        }
        assertThat(3 * 400).isGreaterThan(StreamStore.EVENTS_PER_TRANSACTION);

        try (AbstractTransaction tx = redis.multi()) {
            batches.forEach(batch -> tx.xadd(DeviceStream.stream("bat-watch-4"), StreamEntryID.NEW_ENTRY, batch));
            tx.exec();
        }

        await(() -> stored("bat-watch-4") == 1_200 && pending("bat-watch-4") == 0);
        assertThat(db.sql("select count(distinct device_time) from device_events where device_id = ?")
                        .param("bat-watch-4")
                        .query(Long.class)
                        .single())
                .isEqualTo(1_200L);
    }

    private long stored(String deviceId) {
        return db.sql("select count(*) from device_events where device_id = ?")
                .param(deviceId)
                .query(Long.class)
                .single();
    }

    private List<String> types(String deviceId) {
        return admin().get("/api/devices/" + deviceId + "/events")
                .json()
                .valueStream()
                .map(e -> e.get("type").asString())
                .toList();
    }

    private List<Map<String, Object>> rejected(String deviceId) {
        return db.sql("select entry_id, reason from rejected_events where fields like ? and entry_id like '%/%'")
                .param("%" + deviceId + "%")
                .query()
                .listOfRows();
    }

    /** Entries of the device's partition read and not yet acknowledged. */
    private long pending(String deviceId) {
        return redis.xpending(DeviceStream.stream(deviceId), LaneConsumer.GROUP).getTotal();
    }
}
