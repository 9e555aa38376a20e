package org.anxin.platform.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.anxin.platform.DeviceStream;
import org.anxin.platform.PlatformBase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * device_events by month: the partitions the migration and the hourly job make, what a month past
 * the retention loses (and what stays), the default partition, de-duplication across the new key,
 * one run in a cluster. A context of its own: these runs drop months of events.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventRetentionIT extends PlatformBase {
    private static final Path DATA = newDataDir();
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM", Locale.ROOT);

    @Autowired
    EventRetention retention;

    @Autowired
    JdbcClient db;

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void ownContext(DynamicPropertyRegistry registry) {
        embedded(registry, DATA);
        registry.add("anxin.events.retention", () -> "P90D");
    }

    @Test
    @Order(1)
    void monthsAheadArePartitionedAndADuplicateIsStoredOnce() {
        long senior = createSenior("卫桂芝");
        createDevice("retention-1", senior);
        Instant now = Instant.now();
        assertThat(tables()).contains(partition(now), partition(now.plus(Duration.ofDays(95))));

        Map<String, String> event = DeviceStream.entry("retention-1", "HEARTBEAT", now, now);
        DeviceStream.xadd(redis, event);
        DeviceStream.xadd(redis, event); // redelivered: the same eventId
        Map<String, String> resent = DeviceStream.entry("retention-1", "HEARTBEAT", now, now.plusSeconds(20));
        DeviceStream.xadd(redis, resent); // resent by the device: a new eventId, the same device time
        // a clock far off: filed under the time received
        Map<String, String> farOff =
                DeviceStream.entry("retention-1", "LOCATION", now.minus(Duration.ofDays(400)), now.plusSeconds(30));
        DeviceStream.xadd(redis, farOff);
        // stored in stream order: once the position is there, the copies before it were seen
        await(() -> db.sql("select count(*) from device_events where device_id = 'retention-1' and type = 'LOCATION'")
                        .query(Long.class)
                        .single()
                == 1);
        assertThat(events("retention-1")).isEqualTo(2);
        // PostgreSQL keeps microseconds, rounded
        assertThat(eventTime("retention-1", "LOCATION"))
                .isCloseTo(Instant.parse(farOff.get("receivedAt")), within(1, ChronoUnit.MICROS));
        assertThat(rowsIn(partition(now), "retention-1")).isEqualTo(2);
    }

    @Test
    @Order(2)
    void monthsPastTheRetentionAreDroppedAndTheDefaultPartitionIsEmptied() {
        long senior = createSenior("蒋玉英");
        createDevice("retention-2", senior);
        Instant now = Instant.now();
        // 20 days ago is believed; when that is last month, which has no partition here, it goes to default
        Instant buffered = now.minus(Duration.ofDays(20));
        DeviceStream.xadd(redis, DeviceStream.entry("retention-2", "HEARTBEAT", buffered, now));
        DeviceStream.xadd(redis, DeviceStream.entry("retention-2", "LOCATION", now, now));
        await(() -> events("retention-2") == 2);
        String bufferedHome = tables().contains(partition(buffered)) ? partition(buffered) : "device_events_default";
        assertThat(rowsIn(bufferedHome, "retention-2"))
                .isEqualTo(partition(buffered).equals(partition(now)) ? 2 : 1);
        long alarmsBefore =
                db.sql("select count(*) from alarms").query(Long.class).single();

        // five months on: this month and the next ended more than 90 days before
        Instant later = now.plus(Duration.ofDays(152));
        assertThat(retention.run(later)).isTrue();

        List<String> tables = tables();
        assertThat(tables)
                .doesNotContain(partition(now))
                .contains(partition(later), partition(later.plus(Duration.ofDays(92))));
        assertThat(events("retention-2")).isZero();
        assertThat(events("retention-1")).isZero();
        assertThat(db.sql("select count(*) from alarms").query(Long.class).single())
                .isEqualTo(alarmsBefore);
        assertThat(db.sql("select count(*) from devices where id = 'retention-2'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void aMonthMadeLateTakesItsEventsOutOfTheDefaultPartition() {
        // after the run above this month has no partition: today's events wait in the default one
        Instant now = Instant.now();
        assertThat(tables()).doesNotContain(partition(now));
        DeviceStream.xadd(redis, DeviceStream.entry("retention-2", "HEARTBEAT", now, now));
        await(() -> events("retention-2") == 1);
        assertThat(rowsIn("device_events_default", "retention-2")).isEqualTo(1);

        assertThat(retention.run(now)).isTrue();

        assertThat(tables()).contains(partition(now));
        assertThat(rowsIn(partition(now), "retention-2")).isEqualTo(1);
        assertThat(rowsIn("device_events_default", "retention-2")).isZero();
        // and new events of this month go straight into it
        DeviceStream.xadd(redis, DeviceStream.entry("retention-2", "LOCATION", now.plusSeconds(1), now));
        await(() -> rowsIn(partition(now), "retention-2") == 2);
    }

    @Test
    @Order(4)
    void aRunWaitsForNoOneWhileAnotherNodeHoldsIt() throws Exception {
        try (Connection other = dataSource.getConnection();
                Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            statement.execute("select pg_advisory_xact_lock(" + EventRetention.LOCK + ")");
            assertThat(retention.run(Instant.now().plus(Duration.ofDays(400))))
                    .as("another node's run holds the lock")
                    .isFalse();
            other.rollback();
        }
        assertThat(tables()).contains(partition(Instant.now()));
    }

    private List<String> tables() {
        return db.sql("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                        + " where i.inhparent = 'device_events'::regclass")
                .query(String.class)
                .list();
    }

    private static String partition(Instant at) {
        return "device_events_" + LocalDate.ofInstant(at, ZoneOffset.UTC).format(SUFFIX);
    }

    private long events(String deviceId) {
        return db.sql("select count(*) from device_events where device_id = ?")
                .param(deviceId)
                .query(Long.class)
                .single();
    }

    private long rowsIn(String table, String deviceId) {
        return db.sql("select count(*) from " + table + " where device_id = ?")
                .param(deviceId)
                .query(Long.class)
                .single();
    }

    private Instant eventTime(String deviceId, String type) {
        return db.sql("select event_time from device_events where device_id = ? and type = ?")
                .params(deviceId, type)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }
}
