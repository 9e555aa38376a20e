package org.anxin.platform.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A real Redis server (the Linux binary shipped in codemonstur's embedded-redis jar), AOF on, a
 * random password made once and kept in {@code data/redis.password} (mode 600), run
 * under a {@link WatchedServer} so that it stops with the platform. A Redis left running on the same
 * data directory by a platform that was killed is stopped first (SIGTERM: it flushes its AOF).
 */
final class EmbeddedRedis implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final String BINARY = "redis-server-6.2.6-v5-linux-amd64";
    static final String PROGRAM = "redis-server";

    /** The password file in the data directory: made once (random, mode 600), then reused. */
    static final String PASSWORD_FILE = "redis.password";

    private final WatchedServer server;
    private final int port;
    private final String password;

    private EmbeddedRedis(WatchedServer server, int port, String password) {
        this.server = server;
        this.port = port;
        this.password = password;
    }

    static EmbeddedRedis start(Path dataDir, int port) throws IOException, InterruptedException {
        Path dir = dataDir.resolve("redis").toAbsolutePath();
        Files.createDirectories(dir);
        stopOrphans(dir);
        Path binary = unpack(dataDir.toAbsolutePath().resolve("redis-bin"));
        String password = password(dataDir.toAbsolutePath().resolve(PASSWORD_FILE));
        // the password reaches the server in a config file only we can read, not on its command line
        Path config = secretFile(dataDir.toAbsolutePath().resolve("redis-auth.conf"), "requirepass " + password + "\n");
        log.info("Starting embedded Redis on 127.0.0.1:{}, data in {}, password in {}", port, dir, PASSWORD_FILE);
        WatchedServer server = WatchedServer.start(
                "redis",
                "TERM",
                List.of(
                        binary.toString(),
                        config.toString(),
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--protected-mode",
                        "yes",
                        "--appendonly",
                        "yes",
                        "--appendfsync",
                        "always",
                        "--dir",
                        dir.toString(),
                        "--pidfile",
                        dir.resolve("redis.pid").toString(),
                        "--daemonize",
                        "no"),
                dataDir.toAbsolutePath().resolve("redis.log"));
        awaitReady(server, port, password, dataDir.resolve("redis.log"));
        return new EmbeddedRedis(server, port, password);
    }

    /** With the password: {@code redis://:password@127.0.0.1:port}. */
    String uri() {
        return "redis://:" + password + "@127.0.0.1:" + port;
    }

    /** The data directory's Redis password, made (24 random letters and digits) if there is none. */
    static String password(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String existing = Files.readString(file).trim();
            if (!existing.isEmpty()) {
                return existing;
            }
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder made = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            made.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        secretFile(file, made.toString());
        return made.toString();
    }

    /** Writes {@code text} to a file of mode 600 (created so, never readable by others in between). */
    private static Path secretFile(Path file, String text) throws IOException {
        Path staging = Files.createTempFile(
                file.getParent(),
                "secret-",
                "",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(staging, text);
        Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** Stops a Redis of an earlier, killed platform on this directory; drops a pid file that is not its. */
    private static void stopOrphans(Path dir) throws InterruptedException {
        for (ProcessHandle orphan : OrphanedServers.running(PROGRAM, dir)) {
            log.warn("A Redis server (pid {}) left by an earlier platform runs on {}; stopping it", orphan.pid(), dir);
            OrphanedServers.stop(orphan, 60);
        }
        try {
            Files.deleteIfExists(dir.resolve("redis.pid"));
        } catch (IOException e) {
            log.debug("cannot remove {}: {}", dir.resolve("redis.pid"), e.getMessage());
        }
    }

    private static void awaitReady(WatchedServer server, int port, String password, Path logFile)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IOException("Redis exited with code " + server.exitValue() + "; see " + logFile);
            }
            try (Jedis jedis = new Jedis(
                    new HostAndPort("127.0.0.1", port),
                    DefaultJedisClientConfig.builder()
                            .timeoutMillis(1_000)
                            .password(password)
                            .build())) {
                if ("PONG".equals(jedis.ping())) {
                    return;
                }
            } catch (RuntimeException e) {
                // loading the AOF, or not listening yet
            }
            Thread.sleep(100);
        }
        server.close();
        throw new IOException("Redis did not answer within 60 s; see " + logFile);
    }

    /** Copies the binary out of the jar once per version, as {@code redis-server}. */
    private static Path unpack(Path parent) throws IOException {
        Path target = parent.resolve(BINARY).resolve(PROGRAM);
        if (Files.isExecutable(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempFile(target.getParent(), "unpacking-", "");
        try (InputStream in = EmbeddedRedis.class.getClassLoader().getResourceAsStream(BINARY)) {
            if (in == null) {
                throw new IOException(BINARY + " is not on the classpath: add com.github.codemonstur:embedded-redis");
            }
            Files.copy(in, staging, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() {
        log.info("Stopping embedded Redis on port {}", port);
        server.close();
    }
}
