package org.anxin.gateway.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anxin.gateway.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeviceDirectoryTest {
    private static TestRedis redis;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = TestRedis.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    @Test
    void aFloodOfRandomIdsNeitherGrowsTheCacheNorWipesADeviceInUse() {
        redis.client().hset("anxin:device:watch-7", Map.of("protocol", "watch", "seniorId", "1"));
        DeviceDirectory directory = new DeviceDirectory(redis.client(), Duration.ofMinutes(5), 500);
        for (int i = 0; i < 3_000; i++) {
            assertThat(directory.find("random-" + i)).isEmpty();
            if (i % 100 == 0) {
                assertThat(directory.find("watch-7")).isPresent(); // a device reconnecting now and then
            }
        }
        redis.client().del("anxin:device:watch-7"); // only the cache can answer now

        assertThat(directory.cachedEntries()).isLessThanOrEqualTo(500);
        assertThat(directory.find("watch-7")).isPresent();
    }

    @Test
    void withoutACacheEveryLookUpReadsRedis() {
        redis.client().hset("anxin:device:btn-9", Map.of("protocol", "mqtt", "seniorId", "1"));
        DeviceDirectory directory = new DeviceDirectory(redis.client(), Duration.ZERO);
        assertThat(directory.find("btn-9")).isPresent();

        redis.client().del("anxin:device:btn-9");

        assertThat(directory.find("btn-9")).isEmpty();
    }

    @Test
    void findsManyDevicesInOnePipelineAnswersUnknownOnesEmptyAndCachesBoth() {
        redis.client().hset("anxin:device:btn-21", Map.of("protocol", "mqtt", "seniorId", "1", "secretSha256", "ab"));
        redis.client().hset("anxin:device:btn-22", Map.of("protocol", "app", "seniorId", "2", "group", "4"));
        DeviceDirectory directory = new DeviceDirectory(redis.client(), Duration.ofMinutes(5));

        Map<String, Optional<DeviceDirectory.Registration>> found =
                directory.findAll(List.of("btn-21", "btn-22", "btn-unknown"));

        assertThat(found)
                .containsEntry("btn-21", Optional.of(new DeviceDirectory.Registration("mqtt", "ab", null)))
                .containsEntry("btn-22", Optional.of(new DeviceDirectory.Registration("app", null, "4")))
                .containsEntry("btn-unknown", Optional.empty())
                .hasSize(3);
        redis.client().del("anxin:device:btn-21", "anxin:device:btn-22");
        redis.client().hset("anxin:device:btn-unknown", Map.of("protocol", "mqtt", "seniorId", "1"));
        // cached: the same answers without Redis, for find and findAll alike
        assertThat(directory.findAll(List.of("btn-21", "btn-unknown")))
                .containsEntry("btn-21", Optional.of(new DeviceDirectory.Registration("mqtt", "ab", null)))
                .containsEntry("btn-unknown", Optional.empty());
        assertThat(directory.find("btn-22")).isPresent();
        redis.client().del("anxin:device:btn-unknown");
    }
}
