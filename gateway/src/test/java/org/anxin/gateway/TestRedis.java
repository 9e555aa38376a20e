package org.anxin.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.anxin.gateway.forward.DeviceDirectory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

/** A real Redis server (binary from Maven Central) on a free loopback port. */
public final class TestRedis implements AutoCloseable {
    private final RedisServer server;
    private final int port;
    private final JedisPooled client;

    private TestRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
        this.client = new JedisPooled(new HostAndPort("127.0.0.1", port));
    }

    public static TestRedis start() throws IOException {
        int port = freePort();
        RedisServer server = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
        return new TestRedis(server, port);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public JedisPooled client() {
        return client;
    }

    /** Registers a device the way the platform does (docs/events.md). */
    public void register(String deviceId, String protocol, String secret) {
        client.hset(
                "anxin:device:" + deviceId,
                Map.of("protocol", protocol, "seniorId", "1", "secretSha256", DeviceDirectory.sha256Hex(secret)));
    }

    public void stopServer() throws IOException {
        server.stop();
    }

    public void startServer() throws IOException {
        server.start();
    }

    @Override
    public void close() throws IOException {
        client.close();
        server.stop();
    }
}
