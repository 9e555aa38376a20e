package org.anxin.platform.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/** A real Redis server (the binary shipped in codemonstur's embedded-redis jar), AOF on. */
final class EmbeddedRedis implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedRedis start(Path dataDir, int port) throws IOException {
        Path dir = dataDir.resolve("redis").toAbsolutePath();
        Files.createDirectories(dir);
        log.info("Starting embedded Redis on 127.0.0.1:{}, data in {}", port, dir);
        RedisServer server = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("appendonly yes")
                .setting("appendfsync everysec")
                .setting("dir " + dir)
                .setting("protected-mode yes")
                .build();
        server.start();
        return new EmbeddedRedis(server, port);
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws IOException {
        log.info("Stopping embedded Redis on port {}", port);
        server.stop();
    }
}
