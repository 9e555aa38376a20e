package org.anxin.platform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.anxin.platform.HttpApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The platform's executable jar as {@code ./anxin demo} runs it, in a process of its own, killed
 * with {@code kill -9}: its embedded PostgreSQL and Redis must not outlive it, and the next start on
 * the same ports and data directory must come up with the data intact — also when the servers did
 * outlive it, and when the pid files name other programs (a reboot).
 */
class CrashRecoveryIT {
    private static final String ADMIN_PASSWORD = "crash-admin-pass";

    private Path dataDir;
    private int httpPort;
    private int dbPort;
    private int redisPort;
    private Process platform;
    private Process unrelated;

    @BeforeEach
    void freshDataDirAndPorts() throws IOException {
        dataDir = Files.createTempDirectory("anxin-crash-it-");
        httpPort = freePort();
        dbPort = freePort();
        redisPort = freePort();
    }

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        if (platform != null && platform.isAlive()) {
            platform.destroy();
            platform.waitFor();
        }
        if (unrelated != null) {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void embeddedServersStopWhenThePlatformIsKilledAndTheNextStartHasTheData() throws Exception {
        platform = startPlatform();
        long senior = writeData();
        ProcessHandle postgres = postgresServer();
        ProcessHandle redis = redisServer();

        platform.destroyForcibly().waitFor();

        // the watchdogs stop both servers once the JVM is gone
        await().atMost(Duration.ofSeconds(90)).until(() -> !postgres.isAlive() && !redis.isAlive());
        assertThat(portIsFree(redisPort)).as("Redis port free").isTrue();
        assertThat(portIsFree(dbPort)).as("PostgreSQL port free").isTrue();

        platform = startPlatform();
        assertDataIntact(senior);
        ProcessHandle secondPostgres = postgresServer();
        ProcessHandle secondRedis = redisServer();

        platform.destroy();
        platform.waitFor();
        await().atMost(Duration.ofSeconds(90)).until(() -> !secondPostgres.isAlive() && !secondRedis.isAlive());
    }

    @Test
    void serversThatOutlivedTheirWatchdogAreStoppedByTheNextStart() throws Exception {
        platform = startPlatform();
        long senior = writeData();
        ProcessHandle postgres = postgresServer();
        ProcessHandle redis = redisServer();
        // the watchdogs and their pipe readers (forks of the watchdog shell, same command line);
        // found by command line, not descendants(), which may leave out a child started within the
        // same clock tick as its parent
        List<ProcessHandle> watchdogs;
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            watchdogs = all.filter(p -> commandLine(p).contains("anxin-watchdog-")
                            && commandLine(p).contains(dataDir.toString()))
                    .toList();
        }
        assertThat(watchdogs).hasSize(4);

        // as if the whole process tree but the servers were killed at once
        watchdogs.forEach(ProcessHandle::destroyForcibly);
        platform.destroyForcibly();
        platform.waitFor();
        for (ProcessHandle watchdog : watchdogs) {
            watchdog.onExit().get();
        }
        assertThat(postgres.isAlive()).as("orphaned PostgreSQL still running").isTrue();
        assertThat(redis.isAlive()).as("orphaned Redis still running").isTrue();

        platform = startPlatform();
        assertThat(postgres.isAlive()).isFalse();
        assertThat(redis.isAlive()).isFalse();
        assertThat(Files.readString(dataDir.resolve("platform.log")))
                .contains("A PostgreSQL server (pid " + postgres.pid() + ") left by an earlier platform")
                .contains("A Redis server (pid " + redis.pid() + ") left by an earlier platform");
        assertDataIntact(senior);
    }

    @Test
    void startsOverPidFilesThatNameAnotherProgram() throws Exception {
        platform = startPlatform();
        long senior = writeData();
        Path postmasterPid = dataDir.resolve("postgres/postmaster.pid");
        List<String> lockFile = Files.readAllLines(postmasterPid);
        platform.destroy();
        platform.waitFor();
        await().atMost(Duration.ofSeconds(60)).until(() -> !Files.exists(postmasterPid));

        // after a reboot the old pids belong to whatever started first
        unrelated = new ProcessBuilder("sleep", "600").start();
        String pid = Long.toString(unrelated.pid());
        Files.write(
                postmasterPid,
                Stream.concat(Stream.of(pid), lockFile.stream().skip(1)).toList());
        Files.writeString(dataDir.resolve("redis/redis.pid"), pid + "\n");

        platform = startPlatform();
        assertThat(unrelated.isAlive())
                .as("the unrelated process was left alone")
                .isTrue();
        assertDataIntact(senior);
    }

    private long writeData() {
        HttpApi api = api();
        long senior = api.post("/api/seniors", Map.of("name", "冯桂兰", "lat", 30.25, "lon", 120.16))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        try (Jedis jedis = new Jedis("127.0.0.1", redisPort)) {
            jedis.set("crash-it:written", "before the crash");
        }
        return senior;
    }

    private void assertDataIntact(long senior) {
        assertThat(api().get("/api/seniors/" + senior)
                        .expect(200)
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("冯桂兰");
        try (Jedis jedis = new Jedis("127.0.0.1", redisPort)) {
            assertThat(jedis.get("crash-it:written")).isEqualTo("before the crash");
        }
    }

    private ProcessHandle postgresServer() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                .get(0)
                .trim());
        return ProcessHandle.of(pid).orElseThrow();
    }

    private ProcessHandle redisServer() throws IOException {
        long pid = Long.parseLong(
                Files.readString(dataDir.resolve("redis/redis.pid")).trim());
        return ProcessHandle.of(pid).orElseThrow();
    }

    private static String commandLine(ProcessHandle process) {
        try {
            return new String(
                            Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                            java.nio.charset.StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private HttpApi api() {
        return new HttpApi("http://127.0.0.1:" + httpPort, "admin", ADMIN_PASSWORD);
    }

    private Process startPlatform() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(
                        java.toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-Xmx512m",
                        "-jar",
                        executableJar().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolve("platform.log").toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("ANXIN_") || k.equals("PORT"));
        env.put("PORT", Integer.toString(httpPort));
        env.put("ANXIN_DATA_DIR", dataDir.toString());
        env.put("ANXIN_EMBEDDED_DB_PORT", Integer.toString(dbPort));
        env.put("ANXIN_EMBEDDED_REDIS_PORT", Integer.toString(redisPort));
        env.put("ANXIN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        await().atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofMillis(500))
                .failFast("the platform exited; see " + dataDir.resolve("platform.log"), () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> http.send(health, HttpResponse.BodyHandlers.ofString())
                        .body()
                        .contains("\"UP\""));
        return process;
    }

    private static Path executableJar() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(p -> p.getFileName().toString().matches("platform-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/platform-*-exec.jar: run mvn verify"));
        }
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
