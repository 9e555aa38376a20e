package org.anxin.e2e;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anxin.platform.PlatformApplication;
import org.anxin.platform.system.RedisEndpoint;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The platform as {@code ./anxin demo} runs it — embedded PostgreSQL and Redis started by the
 * platform itself — but on free ports and a fresh data directory.
 */
final class Platform implements AutoCloseable {
    /**
     * Twilio as the e2e system knows it: an account, so the signed webhooks (the 12349 line) are
     * served; its REST endpoint is a closed loopback port, so nothing the platform sends leaves
     * the machine (each SMS or call is logged as not sent after its retries).
     */
    static final String TWILIO_ACCOUNT_SID = "ACe2e0000000000000000000000000e2e0";

    static final String TWILIO_AUTH_TOKEN = "e2e-twilio-token-" + UUID.randomUUID();
    static final String TWILIO_FROM = "+8657112349";

    private final ConfigurableApplicationContext context;
    private final String adminPassword;
    private final Path dataDir;

    private Platform(ConfigurableApplicationContext context, String adminPassword, Path dataDir) {
        this.context = context;
        this.adminPassword = adminPassword;
        this.dataDir = dataDir;
    }

    /**
     * What every node has: Twilio pointed at a closed port, and no follow-up calls (回访) sampled (a
     * sampled visit gets one more timeline step than a test that counts them expects, depending on
     * its order id).
     */
    private static final List<String> COMMON = List.of(
            "--ANXIN_TWILIO_ACCOUNT_SID=" + TWILIO_ACCOUNT_SID,
            "--ANXIN_TWILIO_AUTH_TOKEN=" + TWILIO_AUTH_TOKEN,
            "--ANXIN_TWILIO_FROM=" + TWILIO_FROM,
            "--ANXIN_TWILIO_API_BASE_URL=http://127.0.0.1:9",
            "--ANXIN_FOLLOW_UP_SHARE=0");

    /** @param extraArgs more {@code --NAME=value} settings, e.g. where the gateway's WebSocket is */
    static Platform start(String... extraArgs) throws IOException {
        Path dataDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "anxin-e2e-");
        String adminPassword = "e2e-" + UUID.randomUUID();
        return run(
                dataDir,
                adminPassword,
                List.of(
                        "--ANXIN_DB_URL=",
                        "--ANXIN_REDIS_URL=",
                        "--ANXIN_EMBEDDED_DB_PORT=0",
                        "--ANXIN_EMBEDDED_REDIS_PORT=0"),
                extraArgs);
    }

    /**
     * A platform with its own embedded PostgreSQL but an external Redis (one server or a cluster),
     * as a production node runs; {@code caFile}: the PEM CA for a {@code rediss://} URL, or null.
     */
    static Platform onRedis(String redisUrl, Path caFile, String... extraArgs) throws IOException {
        Path dataDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "anxin-e2e-");
        String adminPassword = "e2e-" + UUID.randomUUID();
        return run(
                dataDir,
                adminPassword,
                List.of(
                        "--ANXIN_DB_URL=",
                        "--ANXIN_REDIS_URL=" + redisUrl,
                        "--ANXIN_REDIS_CA_FILE=" + (caFile == null ? "" : caFile.toString()),
                        "--ANXIN_EMBEDDED_DB_PORT=0"),
                extraArgs);
    }

    /**
     * A second platform node on the same PostgreSQL and Redis as {@code first}, as two nodes run
     * behind a load balancer: its own HTTP port and timers, the shared consumer groups and sessions;
     * {@code extraArgs} as for {@link #start}.
     */
    static Platform join(Platform first, String... extraArgs) throws IOException {
        HikariDataSource db = first.context.getBean(HikariDataSource.class);
        Path dataDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "anxin-e2e-node-");
        return run(
                dataDir,
                first.adminPassword,
                List.of(
                        "--ANXIN_DB_URL=" + db.getJdbcUrl(),
                        "--ANXIN_DB_USER=" + db.getUsername(),
                        "--ANXIN_DB_PASSWORD=" + db.getPassword(),
                        "--ANXIN_REDIS_URL=" + first.redisUri()),
                extraArgs);
    }

    /**
     * Starts a node on this data directory; one that fails to start (a test of a wrong setting)
     * leaves no directory behind.
     */
    private static Platform run(Path dataDir, String adminPassword, List<String> own, String... extraArgs) {
        // command-line arguments outrank environment variables a developer may have set
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--ANXIN_DATA_DIR=" + dataDir);
        args.addAll(own);
        args.add("--ANXIN_ADMIN_PASSWORD=" + adminPassword);
        args.addAll(COMMON);
        args.addAll(List.of(extraArgs));
        try {
            ConfigurableApplicationContext context =
                    new SpringApplicationBuilder(PlatformApplication.class).run(args.toArray(String[]::new));
            return new Platform(context, adminPassword, dataDir);
        } catch (RuntimeException failedToStart) {
            TempDirs.deleteOnceStopped(dataDir);
            throw failedToStart;
        }
    }

    String adminPassword() {
        return adminPassword;
    }

    /** The platform's own database connections, for a test that moves its records in time. */
    javax.sql.DataSource dataSource() {
        return context.getBean(javax.sql.DataSource.class);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port");
    }

    String redisUri() {
        return context.getBean(RedisEndpoint.class).uri();
    }

    Api admin() {
        return new Api(baseUrl(), "admin", adminPassword);
    }

    /** Stops the node (and its embedded servers), then deletes its data directory. */
    @Override
    public void close() {
        context.close();
        TempDirs.deleteOnceStopped(dataDir);
    }
}
