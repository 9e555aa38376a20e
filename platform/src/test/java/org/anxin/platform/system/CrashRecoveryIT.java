package org.anxin.platform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.anxin.platform.HttpApi;
import org.anxin.platform.PlatformBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
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
        httpPort = FreePorts.pick();
        dbPort = FreePorts.pick();
        redisPort = FreePorts.pick();
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
        PlatformBase.deleteOnceStopped(dataDir);
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
        assertThat(FreePorts.free(redisPort)).as("Redis port free").isTrue();
        assertThat(FreePorts.free(dbPort)).as("PostgreSQL port free").isTrue();

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
        List<ProcessHandle> watchdogs = watchdogs();
        assertThat(watchdogs).as(describe(watchdogs)).hasSize(4);
        // each watchdog shell has forked one pipe reader; the readers go first: a shell killed before
        // its reader makes the platform's JVM close the pipe to it (the JDK closes a dead child's
        // stdin), the reader sees end-of-file and stops the server this test wants orphaned
        List<Long> pids = watchdogs.stream().map(ProcessHandle::pid).toList();
        List<ProcessHandle> readers = watchdogs.stream()
                .filter(p -> p.parent()
                        .map(ProcessHandle::pid)
                        .filter(pids::contains)
                        .isPresent())
                .toList();
        assertThat(readers).as(describe(watchdogs)).hasSize(2);

        // as if the whole process tree but the servers were killed
        killHard(readers);
        killHard(watchdogs.stream().filter(p -> !readers.contains(p)).toList());
        assertThat(watchdogs())
                .as("watchdog processes left after killing %s", describe(watchdogs))
                .isEmpty();
        platform.destroyForcibly();
        platform.waitFor();
        // the servers outlived their watchdogs: still listening on the ports the next start needs
        assertThat(listening(dbPort))
                .as(
                        "orphaned PostgreSQL still serving port %d (pid %d); its log ends:%n%s",
                        dbPort, postgres.pid(), logTail("postgres.log"))
                .isTrue();
        assertThat(listening(redisPort))
                .as(
                        "orphaned Redis still serving port %d (pid %d); its log ends:%n%s",
                        redisPort, redis.pid(), logTail("redis.log"))
                .isTrue();

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
        try (Jedis jedis = redis()) {
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
        try (Jedis jedis = redis()) {
            assertThat(jedis.get("crash-it:written")).isEqualTo("before the crash");
        }
    }

    /** The embedded Redis with the password the platform made and keeps in the data directory. */
    private Jedis redis() {
        try {
            Path file = dataDir.resolve("redis.password");
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            return new Jedis(
                    new HostAndPort("127.0.0.1", redisPort),
                    DefaultJedisClientConfig.builder()
                            .password(Files.readString(file).trim())
                            .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /** SIGKILL to all of them in one kill(1), then waits until they are gone. */
    private static void killHard(List<ProcessHandle> processes) throws Exception {
        List<String> kill = Stream.concat(
                        Stream.of("kill", "-KILL"), processes.stream().map(p -> Long.toString(p.pid())))
                .toList();
        assertThat(new ProcessBuilder(kill).inheritIO().start().waitFor())
                .as(String.join(" ", kill))
                .isZero();
        for (ProcessHandle process : processes) {
            process.onExit().get();
        }
    }

    private List<ProcessHandle> watchdogs() {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> commandLine(p).contains("anxin-watchdog-")
                            && commandLine(p).contains(dataDir.toString()))
                    .toList();
        }
    }

    private static String describe(List<ProcessHandle> processes) {
        StringBuilder text = new StringBuilder();
        for (ProcessHandle p : processes) {
            String line = commandLine(p);
            text.append(String.format(
                    Locale.ROOT,
                    "%n  pid %d, parent %s: ...%s",
                    p.pid(),
                    p.parent().map(ProcessHandle::pid).map(String::valueOf).orElse("?"),
                    line.substring(Math.max(0, line.length() - 120))));
        }
        return text.toString();
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

    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String logTail(String name) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve(name));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(" + name + " unreadable: " + e.getMessage() + ")";
        }
    }
}
