package org.anxin.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.anxin.platform.HttpApi;
import org.anxin.platform.PlatformApplication;
import org.anxin.platform.PlatformBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded PostgreSQL and Redis keep their data in the data directory across restarts. */
class RestartIT {

    @Test
    void keepsSeniorsAndDevicesAcrossARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("anxin-restart-it-");
        try {
            long senior;
            try (ConfigurableApplicationContext first = start(dataDir)) {
                HttpApi api = api(first);
                senior = api.post("/api/seniors", Map.of("name", "罗淑英", "lat", 30.2, "lon", 120.1))
                        .expect(201)
                        .json()
                        .get("id")
                        .asLong();
                api.post("/api/devices", Map.of("id", "restart-btn", "protocol", "mqtt", "seniorId", senior))
                        .expect(201);
            }

            try (ConfigurableApplicationContext second = start(dataDir)) {
                HttpApi api = api(second);
                assertThat(api.get("/api/seniors/" + senior)
                                .expect(200)
                                .json()
                                .get("name")
                                .asString())
                        .isEqualTo("罗淑英");
                assertThat(api.get("/api/devices/restart-btn")
                                .expect(200)
                                .json()
                                .get("seniorId")
                                .asLong())
                        .isEqualTo(senior);
            }
        } finally {
            PlatformBase.deleteOnceStopped(dataDir);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(PlatformApplication.class)
                .run(
                        "--server.port=0",
                        "--anxin.data-dir=" + dataDir,
                        "--anxin.db.url=",
                        "--anxin.redis.url=",
                        "--anxin.embedded.db-port=0",
                        "--anxin.embedded.redis-port=0",
                        "--anxin.admin-password=restart-admin-pass");
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        return new HttpApi(
                "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port"),
                "admin",
                "restart-admin-pass");
    }
}
