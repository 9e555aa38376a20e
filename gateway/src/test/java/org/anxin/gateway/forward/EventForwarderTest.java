package org.anxin.gateway.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.anxin.gateway.StoredEvents;
import org.anxin.gateway.TestRedis;
import org.anxin.gateway.device.DeviceEvent;
import org.anxin.gateway.device.EventIds;
import org.anxin.gateway.device.EventType;
import org.anxin.gateway.device.Position;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The hand-off batches many devices' events into one pipeline; against a real Redis: an event is
 * reported stored only once its entry is in its stream, and an XADD Redis refuses fails that event
 * alone, not the batch it travelled in.
 */
class EventForwarderTest {
    private static final EventStreams STREAMS = new EventStreams(8);
    private static TestRedis redis;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = TestRedis.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    @BeforeEach
    void flush() {
        redis.client().flushAll();
    }

    @Test
    void reportsAnEventStoredOnlyWhenItsEntryIsAlreadyInItsStream() throws Exception {
        List<DeviceEvent> events = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            events.add(event("dev-" + (i % 40), i % 25 == 0 ? EventType.SOS : EventType.LOCATION));
        }
        Map<DeviceEvent, Boolean> outcomes = new ConcurrentHashMap<>();
        Map<DeviceEvent, Boolean> inStreamWhenReported = new ConcurrentHashMap<>();
        CountDownLatch reported = new CountDownLatch(events.size());
        try (EventForwarder forwarder =
                new EventForwarder(redis.client(), STREAMS, "node-1", 4096, Duration.ofSeconds(2))) {
            pauseRedis(300); // the first batch waits on Redis while the rest queue up behind it
            for (DeviceEvent event : events) {
                assertThat(forwarder.submit(event, stored -> {
                            inStreamWhenReported.put(event, inStream(event));
                            outcomes.put(event, stored);
                            reported.countDown();
                        }))
                        .isTrue();
            }
            assertThat(reported.await(20, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(outcomes).hasSize(events.size()).doesNotContainValue(false);
        assertThat(inStreamWhenReported).hasSize(events.size()).doesNotContainValue(false);
        // each device's events are in its streams in the order they were handed over
        for (int d = 0; d < 40; d++) {
            String device = "dev-" + d;
            List<String> handedOver = events.stream()
                    .filter(e -> e.deviceId().equals(device) && e.type() == EventType.LOCATION)
                    .map(e -> e.eventId().toString())
                    .toList();
            List<String> stored = entries(STREAMS.keyOf(device)).stream()
                    .filter(e -> device.equals(e.getFields().get("deviceId")))
                    .map(e -> e.getFields().get("eventId"))
                    .toList();
            assertThat(stored).containsExactlyElementsOf(handedOver);
        }
        // the events lane wrote batch entries: far fewer entries than events
        long positions =
                events.stream().filter(e -> e.type() == EventType.LOCATION).count();
        long entriesWritten = 0;
        for (int p = 0; p < STREAMS.partitions(); p++) {
            entriesWritten += redis.client().xlen("anxin:events:" + p);
        }
        assertThat(entriesWritten).isPositive().isLessThan(positions / 4);
    }

    /**
     * Both lanes busy at once, each event with times of its own to the nanosecond: every entry holds
     * exactly the fields of the contract's own encoding ({@link DeviceEvent#toStreamFields}), so the
     * two lanes' threads never share what they format with.
     */
    @Test
    void bothLanesAtOnceWriteEveryEntryAsTheContractEncodesIt() throws Exception {
        int perLane = 2_000;
        List<DeviceEvent> alarms = new ArrayList<>();
        List<DeviceEvent> positions = new ArrayList<>();
        Instant base = Instant.parse("2026-12-07T10:00:00Z");
        for (int i = 0; i < perLane; i++) {
            alarms.add(timed(event("dev-a" + (i % 30), EventType.SOS), base.plusNanos(7_919L * i + 1)));
            positions.add(timed(event("dev-p" + (i % 30), EventType.LOCATION), base.plusNanos(104_729L * i + 3)));
        }
        CountDownLatch reported = new CountDownLatch(2 * perLane);
        Map<DeviceEvent, Boolean> outcomes = new ConcurrentHashMap<>();
        try (EventForwarder forwarder =
                new EventForwarder(redis.client(), STREAMS, "node-1", 8192, Duration.ofSeconds(5))) {
            List<Thread> submitters = new ArrayList<>();
            for (List<DeviceEvent> lane : List.of(alarms, positions)) {
                Thread submitter = new Thread(() -> lane.forEach(event -> forwarder.submit(event, stored -> {
                    outcomes.put(event, stored);
                    reported.countDown();
                })));
                submitter.start();
                submitters.add(submitter);
            }
            for (Thread submitter : submitters) {
                submitter.join();
            }
            assertThat(reported.await(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(outcomes).hasSize(2 * perLane).doesNotContainValue(false);
        Map<String, Map<String, String>> stored = new java.util.HashMap<>();
        for (int p = 0; p < STREAMS.partitions(); p++) {
            for (String key : List.of("anxin:alarms:" + p, "anxin:events:" + p)) {
                entries(key).forEach(e -> stored.put(e.getFields().get("eventId"), e.getFields()));
            }
        }
        for (DeviceEvent event : alarms) {
            assertThat(stored.get(event.eventId().toString())).isEqualTo(event.toStreamFields("node-1"));
        }
        for (DeviceEvent event : positions) {
            assertThat(stored.get(event.eventId().toString())).isEqualTo(event.toStreamFields("node-1"));
        }
    }

    /**
     * A trickle, one event at a time: every batch of the events lane is small, so each one sleeps
     * for company first (the alarm lane never does). All of them, alarms too, are reported stored,
     * and only once their entry is in their stream.
     */
    @Test
    void aTrickleOfSmallBatchesIsStoredAlarmsIncluded() throws Exception {
        Map<DeviceEvent, Boolean> inStreamWhenReported = new ConcurrentHashMap<>();
        List<DeviceEvent> events = new ArrayList<>();
        try (EventForwarder forwarder =
                new EventForwarder(redis.client(), STREAMS, "node-1", 4096, Duration.ofSeconds(2))) {
            for (int i = 0; i < 60; i++) {
                DeviceEvent event = event("dev-" + (i % 7), i % 3 == 0 ? EventType.SOS : EventType.LOCATION);
                events.add(event);
                CountDownLatch reported = new CountDownLatch(1);
                assertThat(forwarder.submit(event, stored -> {
                            inStreamWhenReported.put(event, stored && inStream(event));
                            reported.countDown();
                        }))
                        .isTrue();
                if (i % 2 == 0) {
                    // every other event waits for its report: the next batch starts small again
                    assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
                }
            }
        }

        assertThat(inStreamWhenReported).hasSize(events.size()).doesNotContainValue(false);
        assertThat(events.stream().filter(e -> e.type() == EventType.SOS)).hasSize(20);
    }

    /**
     * Redis stalls with a batch in flight while 1,000 positions queue up behind it; an SOS handed
     * over after them is written at once on its own lane, not after the 1,000 (issue 15: an SOS must
     * not queue behind positions anywhere on its way).
     */
    @Test
    void anSosHandedOverBehindQueuedPositionsIsWrittenFirst() throws Exception {
        List<String> reportedInOrder = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch reported = new CountDownLatch(1_001 + 1);
        try (EventForwarder forwarder =
                new EventForwarder(redis.client(), STREAMS, "node-1", 4096, Duration.ofSeconds(5))) {
            pauseRedis(500);
            DeviceEvent stuck = event("dev-first", EventType.LOCATION);
            forwarder.submit(stuck, stored -> {
                reportedInOrder.add("first");
                reported.countDown();
            });
            Thread.sleep(100); // the forwarder has taken it: its batch now waits on the paused Redis
            for (int i = 0; i < 1_000; i++) {
                forwarder.submit(event("dev-" + (i % 40), EventType.LOCATION), stored -> {
                    reportedInOrder.add(stored ? "LOCATION" : "LOCATION not stored");
                    reported.countDown();
                });
            }
            DeviceEvent sos = event("dev-sos", EventType.SOS);
            forwarder.submit(sos, stored -> {
                reportedInOrder.add(stored ? "SOS" : "SOS not stored");
                reported.countDown();
            });
            assertThat(reported.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(inStream(sos)).isTrue();
        }

        assertThat(reportedInOrder).hasSize(1_002).doesNotContain("LOCATION not stored", "SOS not stored");
        int sosAt = reportedInOrder.indexOf("SOS");
        // The SOS's XADD reached Redis during the stall, before the positions' next batch could be
        // sent; its report races only with that next batch's (at most 256 events, one round trip)
        assertThat(sosAt).as("the SOS's place among 1,002 reports").isLessThanOrEqualTo(1 + 256);
    }

    /**
     * Redis refuses a position (its stream is not a stream), and the events lane retries it until
     * it gives up; an SOS handed over meanwhile is stored at once, on the alarm lane, not after the
     * retries.
     */
    @Test
    void anSosIsStoredWhileTheEventsLaneRetriesARefusedPosition() throws Exception {
        String device = "dev-refused";
        redis.client().set(STREAMS.keyOf(device), "not a stream");
        List<String> reportedInOrder = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch reported = new CountDownLatch(2);
        try (EventForwarder forwarder =
                new EventForwarder(redis.client(), STREAMS, "node-1", 4096, Duration.ofSeconds(3))) {
            forwarder.submit(event(device, EventType.LOCATION), stored -> {
                reportedInOrder.add(stored ? "LOCATION stored" : "LOCATION not stored");
                reported.countDown();
            });
            Thread.sleep(200); // refused once at least: the events lane is in its retries
            DeviceEvent sos = event("dev-sos", EventType.SOS);
            forwarder.submit(sos, stored -> {
                reportedInOrder.add(stored && inStream(sos) ? "SOS stored" : "SOS not stored");
                reported.countDown();
            });
            assertThat(reported.await(20, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(reportedInOrder).containsExactly("SOS stored", "LOCATION not stored");
    }

    @Test
    void anXaddRedisRefusesFailsOnlyTheEventsOfItsOwnStream() throws Exception {
        int broken = 3;
        // not a stream: every XADD to it is refused (WRONGTYPE), every other stream takes entries
        redis.client().set("anxin:events:" + broken, "not a stream");
        List<DeviceEvent> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            events.add(event("dev-" + (i % 50), i % 10 == 0 ? EventType.SOS : EventType.LOCATION));
        }
        Map<DeviceEvent, Boolean> outcomes = new ConcurrentHashMap<>();
        CountDownLatch reported = new CountDownLatch(events.size());
        try (EventForwarder forwarder =
                new EventForwarder(redis.client(), STREAMS, "node-1", 4096, Duration.ofMillis(400))) {
            pauseRedis(300);
            for (DeviceEvent event : events) {
                forwarder.submit(event, stored -> {
                    outcomes.put(event, stored);
                    reported.countDown();
                });
            }
            assertThat(reported.await(20, TimeUnit.SECONDS)).isTrue();
        }

        int refused = 0;
        for (DeviceEvent event : events) {
            boolean toBroken = STREAMS.keyOf(event.deviceId(), event.type()).equals("anxin:events:" + broken);
            assertThat(outcomes.get(event))
                    .as("%s %s to %s", event.type(), event.deviceId(), STREAMS.keyOf(event.deviceId(), event.type()))
                    .isEqualTo(!toBroken);
            assertThat(inStream(event)).isEqualTo(!toBroken);
            refused += toBroken ? 1 : 0;
        }
        // the test means something only if both kinds travelled together
        assertThat(refused).isPositive().isLessThan(events.size() / 2);
    }

    /** The event, sent at {@code deviceTime} and received a little later. */
    private static DeviceEvent timed(DeviceEvent event, Instant deviceTime) {
        return new DeviceEvent(
                event.eventId(),
                event.deviceId(),
                event.protocol(),
                event.type(),
                deviceTime,
                deviceTime.plusNanos(123_457),
                event.position(),
                event.battery(),
                event.vendorCode(),
                event.attrs(),
                event.raw());
    }

    private static DeviceEvent event(String deviceId, EventType type) {
        Instant now = Instant.now();
        return new DeviceEvent(
                EventIds.next(),
                deviceId,
                "mqtt",
                type,
                null,
                now,
                new Position(new java.math.BigDecimal("30.27"), new java.math.BigDecimal("120.15")),
                80,
                null,
                null,
                "{\"type\":\"" + type + "\"}");
    }

    /** Holds every client of the test Redis for a while (CLIENT PAUSE), from another connection. */
    private static void pauseRedis(long millis) {
        redis.client().sendCommand(Protocol.Command.CLIENT, "PAUSE", Long.toString(millis));
    }

    private static boolean inStream(DeviceEvent event) {
        String id = event.eventId().toString();
        String key = STREAMS.keyOf(event.deviceId(), event.type());
        if (!"stream".equals(redis.client().type(key))) {
            return false;
        }
        return entries(key).stream().anyMatch(e -> id.equals(e.getFields().get("eventId")));
    }

    private static List<StreamEntry> entries(String key) {
        return StoredEvents.in(redis.client(), key);
    }
}
