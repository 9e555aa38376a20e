package org.anxin.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import redis.clients.jedis.UnifiedJedis;

/**
 * What every platform integration test has: the platform as it runs by default — its own
 * embedded PostgreSQL and Redis — on free ports, and a real HTTP client. A subclass with a
 * {@code @DynamicPropertySource} of its own gets a context (and a data directory) of its own;
 * {@link PlatformIT} is the one most tests share.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PlatformBase {
    private static final Duration POLL = Duration.ofMillis(100);
    protected static final String ADMIN_PASSWORD = "it-admin-" + UUID.randomUUID();
    /** The Prometheus scrape account's ({@code metrics}) password. */
    protected static final String METRICS_PASSWORD = "it-metrics-" + UUID.randomUUID();

    @LocalServerPort
    protected int port;

    @Autowired
    protected UnifiedJedis redis;

    /** The embedded defaults, in the given data directory. */
    protected static void embedded(DynamicPropertyRegistry registry, Path dataDir) {
        registry.add("anxin.data-dir", dataDir::toString);
        registry.add("anxin.db.url", () -> "");
        registry.add("anxin.redis.url", () -> "");
        registry.add("anxin.embedded.db-port", () -> "0");
        registry.add("anxin.embedded.redis-port", () -> "0");
        registry.add("anxin.admin-password", () -> ADMIN_PASSWORD);
        registry.add("anxin.metrics.password", () -> METRICS_PASSWORD);
        // every test client signs in from 127.0.0.1: the per-address limit is LoginThrottleTest's, not the suite's
        registry.add("anxin.login.max-failures-per-address", () -> "1000");
    }

    /** A fresh data directory, for a subclass that needs a context of its own. */
    protected static Path newDataDir() {
        return tempDir();
    }

    protected HttpApi admin() {
        return new HttpApi("http://127.0.0.1:" + port, "admin", ADMIN_PASSWORD);
    }

    protected HttpApi anonymous() {
        return new HttpApi("http://127.0.0.1:" + port, null, null);
    }

    protected HttpApi as(String username, String password) {
        return new HttpApi("http://127.0.0.1:" + port, username, password);
    }

    protected long createSenior(String name) {
        return createSenior(
                Map.of("name", name, "phone", "13800000000", "address", "西湖区文三路 1 号", "lat", 30.27, "lon", 120.15));
    }

    /** Creates a senior with these fields (name, address, position, community, contacts …); its id. */
    protected long createSenior(Map<String, ?> fields) {
        return admin().post("/api/seniors", fields).expect(201).json().get("id").asLong();
    }

    protected String createDevice(String id, long seniorId) {
        return admin().post("/api/devices", Map.of("id", id, "protocol", "mqtt", "seniorId", seniorId))
                .expect(201)
                .json()
                .get("secret")
                .asString();
    }

    protected void createUser(String username, String password, String role, long... seniorIds) {
        admin().post(
                        "/api/users",
                        Map.of(
                                "username", username,
                                "password", password,
                                "role", role,
                                "displayName", username,
                                "seniorIds",
                                        java.util.Arrays.stream(seniorIds)
                                                .boxed()
                                                .toList()))
                .expect(201);
    }

    /** Waits up to 20 s for the condition (Awaitility, polling every 100 ms). */
    protected static void await(BooleanSupplier condition) {
        await(Duration.ofSeconds(20), condition);
    }

    protected static void await(Duration timeout, BooleanSupplier condition) {
        Awaitility.await().atMost(timeout).pollInterval(POLL).until(condition::getAsBoolean);
    }

    /** Waits up to 20 s for a non-null value and returns it. */
    protected static <T> T awaitValue(Supplier<T> value) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(POLL)
                .until(value::get, Objects::nonNull);
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("anxin-platform-it-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteOnceStopped(dir), "delete " + dir));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * At the end of the test JVM: waits (up to 30 s) for Spring's own shutdown hook to stop the
     * context's embedded PostgreSQL and Redis, which remove their pid files, then deletes the data
     * directory (about 150 MB each; they used to pile up in /tmp). A server still running by then
     * keeps its directory.
     */
    public static void deleteOnceStopped(Path dir) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Files.exists(dir.resolve("postgres/postmaster.pid")) || Files.exists(dir.resolve("redis/redis.pid"))) {
            if (System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
        try {
            org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            // left for the machine's temporary-file cleaning
        }
    }
}
