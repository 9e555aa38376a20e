package org.anxin.platform.ingest;

import static org.anxin.platform.DeviceStream.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.anxin.platform.DeviceStream;
import org.anxin.platform.HttpApi;
import org.anxin.platform.PlatformIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.JsonNode;

/** Events written to the streams exactly as a gateway writes them, through to alarms and the feed. */
class IngestIT extends PlatformIT {
    @Autowired
    private DataSource dataSource;

    @Autowired
    private JdbcClient db;

    @Test
    void raisesOneAlarmForAnSosAndIgnoresItsRedelivery() {
        long senior = createSenior("陈桂英");
        createDevice("ing-btn-1", senior);
        Map<String, String> sos = entry("ing-btn-1", "SOS", "2026-11-22T08:00:00Z");

        xadd(sos);
        xadd(withNewEventId(sos)); // the device resent it: a new hand-off of the same press
        xadd(entry("ing-btn-1", "HEARTBEAT", "2026-11-22T08:00:05Z")); // behind both, same partition

        awaitStored("ing-btn-1", "HEARTBEAT", 1);
        JsonNode alarm = awaitOpenAlarm("ing-btn-1");
        awaitStored("ing-btn-1", "SOS", 1);
        assertThat(alarm.get("type").asString()).isEqualTo("SOS");
        assertThat(alarm.get("seniorName").asString()).isEqualTo("陈桂英");
        assertThat(alarm.get("lat").asDouble()).isEqualTo(30.2741);
        assertThat(alarm.get("repeats").asInt()).isEqualTo(1);
        assertThat(openAlarms("ing-btn-1")).hasSize(1);
    }

    @Test
    void placesAnSosWithoutAFixAtTheDevicesLastFixElseAtHome() {
        long senior = createSenior("韩秀珍"); // home at 30.27, 120.15
        createDevice("ing-btn-11", senior);
        createDevice("ing-btn-12", senior);
        Map<String, String> located = entry("ing-btn-11", "LOCATION", "2026-11-22T07:00:00Z");
        located.put("lat", "30.2900");
        located.put("lon", "120.1700");
        xadd(located);
        awaitStored("ing-btn-11", "LOCATION", 1);

        Map<String, String> press = entry("ing-btn-11", "SOS", "2026-11-22T07:01:00Z");
        press.remove("lat");
        press.remove("lon");
        xadd(press);
        Map<String, String> neverLocated = entry("ing-btn-12", "SOS", "2026-11-22T07:01:00Z");
        neverLocated.remove("lat");
        neverLocated.remove("lon");
        xadd(neverLocated);

        JsonNode atLastFix = awaitOpenAlarm("ing-btn-11");
        assertThat(atLastFix.get("lat").asDouble()).isEqualTo(30.29);
        assertThat(atLastFix.get("lon").asDouble()).isEqualTo(120.17);
        JsonNode atHome = awaitOpenAlarm("ing-btn-12");
        assertThat(atHome.get("lat").asDouble()).isEqualTo(30.27);
        assertThat(atHome.get("lon").asDouble()).isEqualTo(120.15);
    }

    @Test
    void mergesANewPressIntoTheOpenAlarm() {
        long senior = createSenior("林秀珍");
        createDevice("ing-btn-2", senior);

        xadd(entry("ing-btn-2", "SOS", "2026-11-22T08:00:00Z"));
        awaitOpenAlarm("ing-btn-2");
        xadd(entry("ing-btn-2", "SOS", "2026-11-22T08:00:30Z"));

        await(() -> openAlarms("ing-btn-2").get(0).get("repeats").asInt() == 2);
        assertThat(openAlarms("ing-btn-2")).hasSize(1);
    }

    @Test
    void skipsAMalformedEntryAndGoesOn() {
        long senior = createSenior("黄志明");
        createDevice("ing-btn-3", senior);
        Map<String, String> broken = entry("ing-btn-3", "SOS", "2026-11-22T08:00:00Z");
        broken.put("lat", "north");

        xadd(broken);
        xadd(entry("ing-btn-3", "FALL", "2026-11-22T08:01:00Z"));

        JsonNode alarm = awaitOpenAlarm("ing-btn-3");
        assertThat(alarm.get("type").asString()).isEqualTo("FALL");
        assertThat(openAlarms("ing-btn-3")).hasSize(1);
        assertThat(admin().get("/api/devices/ing-btn-3/events")
                        .json()
                        .valueStream()
                        .map(e -> e.get("type").asString()))
                .containsExactly("FALL");
    }

    /**
     * Entries no database row can hold (a NUL in the text, a time beyond PostgreSQL's range) are
     * recorded as rejected and passed over; the SOS behind them in the same partition is raised.
     */
    @Test
    void passesOverEntriesTheDatabaseCannotHoldToTheSosBehindThem() {
        long senior = createSenior("龚玉兰");
        createDevice("ing-btn-nul", senior);
        Map<String, String> nul = entry("ing-btn-nul", "SOS", "2026-11-22T08:30:00Z");
        nul.put("receivedAt", "2026-11-22T08:30:00.1\0Z");
        Map<String, String> farFuture = entry("ing-btn-nul", "SOS", "2026-11-22T08:30:01Z");
        farFuture.put("deviceTime", "+300000-01-01T00:00:00Z");

        xadd(nul);
        xadd(farFuture);
        xadd(entry("ing-btn-nul", "SOS", "2026-11-22T08:31:00Z"));

        JsonNode alarm = awaitOpenAlarm("ing-btn-nul");
        assertThat(alarm.get("raisedAt").asString()).isEqualTo("2026-11-22T08:31:00Z");
        List<Map<String, Object>> rejected = db.sql(
                        "select reason, fields from rejected_events where fields like '%ing-btn-nul%' order by id")
                .query()
                .listOfRows();
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0).get("reason")).isEqualTo("field receivedAt holds a NUL character");
        assertThat((String) rejected.get(0).get("fields")).contains("08:30:00.1\\u0000Z");
        assertThat((String) rejected.get(1).get("reason")).startsWith("the database refused it: ");
    }

    @Test
    void reclaimsWhatAStoppedConsumerLeftPending() {
        long senior = createSenior("何淑华");
        createDevice("ing-btn-4", senior);
        Map<String, String> sos = entry("ing-btn-4", "SOS", "2026-11-22T09:00:00Z");
        String stream = stream("ing-btn-4");
        // a platform node reads the entry and dies before storing it; in one transaction, so the
        // live consumer (blocked on new entries) cannot take it first
        try {
            redis.xgroupCreate(stream, LaneConsumer.GROUP, new StreamEntryID(0, 0), true);
        } catch (JedisDataException e) {
            assertThat(e.getMessage()).startsWith("BUSYGROUP");
        }
        try (AbstractTransaction tx = redis.multi()) {
            tx.xadd(stream, StreamEntryID.NEW_ENTRY, sos);
            tx.xreadGroup(
                    LaneConsumer.GROUP,
                    "dead-node",
                    XReadGroupParams.xReadGroupParams().count(1000),
                    Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            tx.exec();
        }
        assertThat(redis.xpending(stream, LaneConsumer.GROUP).getConsumerMessageCount())
                .containsKey("dead-node");

        // reclaimed once idle for 30 s, on the next sweep (every 15 s)
        await(Duration.ofSeconds(90), () -> !openAlarms("ing-btn-4").isEmpty());
        await(() -> redis.xpending(stream, LaneConsumer.GROUP).getTotal() == 0);
    }

    @Test
    void readsABatchItFailedToStoreAgainSoonNotAfterAReclaim() {
        String stream = "anxin:test-store-retry:" + UUID.randomUUID();
        StreamEntryID id = redis.xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("type", "SOS"));
        List<StreamEntryID> stored = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        LaneConsumer consumer = new LaneConsumer("test-store-retry", redis, List.of(stream), (s, entries) -> {
            if (entries.isEmpty()) {
                return; // a read of this consumer's own pending entries, none yet
            }
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("the database is restarting");
            }
            entries.forEach(e -> stored.add(e.getID()));
            redis.xack(
                    s,
                    LaneConsumer.GROUP,
                    entries.stream().map(StreamEntry::getID).toArray(StreamEntryID[]::new));
        });
        consumer.start();
        try {
            // a reclaim would take it only once idle for 30 s
            await(Duration.ofSeconds(10), () -> stored.contains(id));
            assertThat(calls.get()).isGreaterThanOrEqualTo(2);
            assertThat(redis.xpending(stream, LaneConsumer.GROUP).getTotal()).isZero();
        } finally {
            consumer.stop();
            redis.del(stream);
        }
    }

    @Test
    void walksTheAlarmThroughItsLifecycleWithATimeline() {
        long senior = createSenior("郑秀云");
        createDevice("ing-btn-5", senior);
        xadd(entry("ing-btn-5", "FALL", "2026-11-22T10:00:00Z"));
        long id = awaitOpenAlarm("ing-btn-5").get("id").asLong();

        admin().post("/api/alarms/" + id + "/acknowledge").expect(200);
        HttpApi.Response again = admin().post("/api/alarms/" + id + "/acknowledge");
        admin().post("/api/alarms/" + id + "/resolve", Map.of("outcome", "HELPED_ON_SITE"))
                .expect(200);
        HttpApi.Response twice = admin().post("/api/alarms/" + id + "/resolve", Map.of("outcome", "HELPED_ON_SITE"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("detail").asString()).contains("RESOLVED");
        JsonNode alarm = admin().get("/api/alarms/" + id).expect(200).json();
        assertThat(alarm.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(alarm.get("outcome").asString()).isEqualTo("HELPED_ON_SITE");
        assertThat(alarm.get("timeline")
                        .valueStream()
                        .map(t -> t.get("action").asString() + "/"
                                + t.get("actor").asString()))
                .containsExactly("RAISED/device:ing-btn-5", "ACKNOWLEDGED/admin", "RESOLVED/admin");
        assertThat(openAlarms("ing-btn-5")).isEmpty();
    }

    @Test
    void refusesToResolveWithoutAnOutcome() {
        long senior = createSenior("冯桂芳");
        createDevice("ing-btn-6", senior);
        xadd(entry("ing-btn-6", "SOS", "2026-11-22T10:00:00Z"));
        long id = awaitOpenAlarm("ing-btn-6").get("id").asLong();

        assertThat(admin().post("/api/alarms/" + id + "/resolve", Map.of()).status())
                .isEqualTo(400);
    }

    @Test
    void showsAFamilyOnlyItsOwnAlarms() {
        long mine = createSenior("曹玉珍");
        long theirs = createSenior("彭德明");
        createDevice("ing-btn-7", mine);
        createDevice("ing-btn-8", theirs);
        createUser("family-cao", "family-pass-7", "FAMILY", mine);
        xadd(entry("ing-btn-7", "SOS", "2026-11-22T10:00:00Z"));
        xadd(entry("ing-btn-8", "SOS", "2026-11-22T10:00:00Z"));
        awaitOpenAlarm("ing-btn-7");
        long other = awaitOpenAlarm("ing-btn-8").get("id").asLong();
        HttpApi family = as("family-cao", "family-pass-7");

        List<String> devices = family.get("/api/alarms?status=OPEN")
                .json()
                .valueStream()
                .map(a -> a.get("deviceId").asString())
                .toList();

        assertThat(devices).containsExactly("ing-btn-7");
        assertThat(family.get("/api/alarms/" + other).status()).isEqualTo(403);
        assertThat(family.post("/api/alarms/" + other + "/acknowledge").status())
                .isEqualTo(403);
    }

    @Test
    void anSosInTheAlarmLaneOvertakesABacklogOfPositions() {
        long senior = createSenior("孟秀珍");
        createDevice("ing-tracker-busy", senior);
        createDevice("ing-btn-lane", senior);
        // 10,000 positions queued in the events lane (seconds of work for the consumer) ...
        Instant start = Instant.parse("2026-11-22T12:00:00Z");
        int backlog = 10_000;
        try (AbstractPipeline pipe = redis.pipelined()) {
            for (int i = 0; i < backlog; i++) {
                Map<String, String> position =
                        DeviceStream.entry("ing-tracker-busy", "LOCATION", start.plusSeconds(i), Instant.now());
                pipe.xadd(stream("ing-tracker-busy"), StreamEntryID.NEW_ENTRY, position);
            }
            pipe.sync();
        }
        // ... then an SOS in the alarm lane
        Map<String, String> sos = entry("ing-btn-lane", "SOS", "2026-11-22T12:30:00Z");
        redis.xadd("anxin:alarms:" + Math.floorMod("ing-btn-lane".hashCode(), 8), StreamEntryID.NEW_ENTRY, sos);

        awaitOpenAlarm("ing-btn-lane");
        // the newest position stored when the SOS was there is not the last of the backlog
        Instant newest = Instant.parse(admin().get("/api/devices/ing-tracker-busy/events?limit=1")
                .json()
                .get(0)
                .get("deviceTime")
                .asString());
        assertThat(newest)
                .as("newest position stored when the SOS alarm was open")
                .isBefore(start.plusSeconds(backlog - 1));
        // and the backlog is still worked off, to its last position
        await(Duration.ofSeconds(60), () -> Instant.parse(admin().get("/api/devices/ing-tracker-busy/events?limit=1")
                        .json()
                        .get(0)
                        .get("deviceTime")
                        .asString())
                .equals(start.plusSeconds(backlog - 1)));
    }

    @Test
    void storesAnSosWhileTheEventsLaneIsStuckOnABatch() throws Exception {
        createDevice("ing-tracker-locked", createSenior("韩德胜"));
        createDevice("ing-btn-alone", createSenior("杜秀兰"));
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            // someone else holds the tracker's row: its next position cannot be stored meanwhile
            try (Statement statement = lock.createStatement()) {
                statement.execute("select 1 from devices where id = 'ing-tracker-locked' for update");
            }
            xadd(entry("ing-tracker-locked", "LOCATION", "2026-11-22T13:00:00Z"));
            await(() -> statementsWaitingForALock() > 0);

            redis.xadd(
                    "anxin:alarms:" + Math.floorMod("ing-btn-alone".hashCode(), 8),
                    StreamEntryID.NEW_ENTRY,
                    entry("ing-btn-alone", "SOS", "2026-11-22T13:00:01Z"));

            awaitOpenAlarm("ing-btn-alone");
            assertThat(statementsWaitingForALock()).isPositive();
            lock.rollback();
        }
        awaitStored("ing-tracker-locked", "LOCATION", 1);
    }

    private int statementsWaitingForALock() {
        return db.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")
                .query(Integer.class)
                .single();
    }

    private static Map<String, String> withNewEventId(Map<String, String> entry) {
        Map<String, String> copy = new LinkedHashMap<>(entry);
        copy.put("eventId", UUID.randomUUID().toString());
        return copy;
    }

    private void xadd(Map<String, String> fields) {
        DeviceStream.xadd(redis, fields);
    }

    private static String stream(String deviceId) {
        return DeviceStream.stream(deviceId);
    }

    private List<JsonNode> openAlarms(String deviceId) {
        return admin().get("/api/alarms?status=OPEN")
                .expect(200)
                .json()
                .valueStream()
                .filter(a -> deviceId.equals(a.get("deviceId").asString()))
                .toList();
    }

    private JsonNode awaitOpenAlarm(String deviceId) {
        await(() -> !openAlarms(deviceId).isEmpty());
        return openAlarms(deviceId).get(0);
    }

    private void awaitStored(String deviceId, String type, int count) {
        await(() -> admin().get("/api/devices/" + deviceId + "/events")
                        .json()
                        .valueStream()
                        .filter(e -> type.equals(e.get("type").asString()))
                        .count()
                == count);
    }
}
