package org.anxin.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.anxin.platform.DeviceStream;
import org.anxin.platform.PlatformBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.StreamEntryID;
import tools.jackson.databind.JsonNode;

/**
 * The platform with one database connection free (a pool of two, one held by the test; Flyway needs
 * two at start-up): a code path that takes a second connection while it holds one waits for itself
 * until the pool times out (30 s, then HTTP 500). With ten connections such a path deadlocked as
 * soon as ten requests ran it at once (thirty "false alarm" clicks under load), and the ingest,
 * waiting for a connection too, stopped meanwhile.
 */
class OneConnectionIT extends PlatformBase {
    private static final Path DATA_DIR = newDataDir();

    @Autowired
    private DataSource dataSource;

    @DynamicPropertySource
    static void poolOfTwo(DynamicPropertyRegistry registry) {
        embedded(registry, DATA_DIR);
        registry.add("anxin.db.pool-size", () -> "2");
    }

    @Test
    void signsInListsAndClosesAnAlarmRaisedFromTheAlarmLane() throws SQLException {
        try (Connection held = dataSource.getConnection()) {
            assertThat(held.isValid(1)).isTrue();
            raiseListAndClose();
        }
    }

    private void raiseListAndClose() {
        long senior = createSenior("钱秀英");
        createDevice("one-conn-btn", senior);
        Map<String, String> sos =
                DeviceStream.entry("one-conn-btn", "SOS", Instant.parse("2026-11-22T08:00:00Z"), Instant.now());
        redis.xadd("anxin:alarms:" + Math.floorMod("one-conn-btn".hashCode(), 8), StreamEntryID.NEW_ENTRY, sos);

        JsonNode alarm = awaitValue(() -> admin().get("/api/alarms?status=OPEN")
                .expect(200)
                .json()
                .valueStream()
                .filter(a -> "one-conn-btn".equals(a.get("deviceId").asString()))
                .findFirst()
                .orElse(null));
        admin().post("/api/alarms/" + alarm.get("id").asLong() + "/false-alarm", Map.of("note", "test"))
                .expect(200);

        assertThat(admin().get("/api/alarms/" + alarm.get("id").asLong())
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("FALSE_ALARM");
    }
}
