package org.anxin.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;

/**
 * A Redis Cluster of three masters on loopback, made of the very {@code redis-server} the platform
 * embeds (from the embedded-redis jar on the classpath): each node started with
 * {@code cluster-enabled yes} and a password, the 16,384 slots split in three with
 * {@code CLUSTER ADDSLOTS}, the nodes joined with {@code CLUSTER MEET}; ready once every node says
 * {@code cluster_state:ok} and knows three masters. With a {@link Tls} every node speaks only TLS,
 * on the client port and the cluster bus alike.
 */
final class RedisClusterRig implements AutoCloseable {
    private static final String BINARY = "redis-server-6.2.6-v5-linux-amd64";
    private static final int SLOTS = 16_384;

    /** The server's key and certificate, and the CA that signed it (PEM files). */
    record Tls(Path ca, Path certificate, Path key) {}

    private final Path dir;
    private final String password = "cluster-pw-" + UUID.randomUUID();
    private final Tls tls;
    private final List<Integer> ports = new ArrayList<>();
    private final List<Process> servers = new ArrayList<>();

    private RedisClusterRig(Path dir, Tls tls) {
        this.dir = dir;
        this.tls = tls;
    }

    static RedisClusterRig start(Tls tls) throws IOException {
        RedisClusterRig rig = new RedisClusterRig(Files.createTempDirectory("anxin-redis-cluster-"), tls);
        try {
            rig.startNodes();
            rig.join();
            return rig;
        } catch (IOException | RuntimeException e) {
            rig.close();
            throw e;
        }
    }

    /** {@code redis://:password@127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3}, {@code rediss://} with TLS. */
    String url() {
        return url(password);
    }

    String url(String withPassword) {
        String nodes = ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        return (tls == null ? "redis" : "rediss") + "://" + (withPassword == null ? "" : ":" + withPassword + "@")
                + nodes;
    }

    /** How many keys each master holds. */
    List<Long> keysPerNode() {
        List<Long> sizes = new ArrayList<>();
        for (int port : ports) {
            try (Jedis node = node(port)) {
                sizes.add(node.dbSize());
            }
        }
        return sizes;
    }

    Path dir() {
        return dir;
    }

    private void startNodes() throws IOException {
        Path binary = unpack();
        for (int i = 0; i < 3; i++) {
            int port = freePort();
            ports.add(port);
            Path nodeDir = Files.createDirectories(dir.resolve("node-" + i));
            List<String> config = new ArrayList<>(List.of(
                    "bind 127.0.0.1",
                    "dir " + nodeDir,
                    "cluster-enabled yes",
                    "cluster-config-file nodes.conf",
                    "cluster-node-timeout 5000",
                    "appendonly no",
                    "save \"\"",
                    "requirepass " + password,
                    "masterauth " + password));
            if (tls == null) {
                config.add("port " + port);
            } else {
                config.addAll(List.of(
                        "port 0",
                        "tls-port " + port,
                        "tls-cert-file " + tls.certificate(),
                        "tls-key-file " + tls.key(),
                        "tls-ca-cert-file " + tls.ca(),
                        "tls-auth-clients no",
                        "tls-cluster yes",
                        "tls-replication yes"));
            }
            Path conf = nodeDir.resolve("redis.conf");
            Files.write(conf, config);
            servers.add(new ProcessBuilder(binary.toString(), conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(nodeDir.resolve("redis.log").toFile())
                    .start());
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            for (int port : ports) {
                try (Jedis node = node(port)) {
                    node.ping();
                }
            }
            return true;
        });
    }

    private void join() {
        int share = SLOTS / ports.size();
        for (int i = 0; i < ports.size(); i++) {
            int from = i * share;
            int to = i == ports.size() - 1 ? SLOTS : from + share;
            try (Jedis node = node(ports.get(i))) {
                node.clusterAddSlots(IntStream.range(from, to).toArray());
            }
        }
        try (Jedis first = node(ports.get(0))) {
            for (int port : ports.subList(1, ports.size())) {
                first.clusterMeet("127.0.0.1", port);
            }
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> ports.stream().allMatch(this::ready));
    }

    private boolean ready(int port) {
        try (Jedis node = node(port)) {
            String info = node.clusterInfo();
            return info.contains("cluster_state:ok")
                    && info.contains("cluster_known_nodes:3")
                    && info.contains("cluster_size:3");
        }
    }

    private Jedis node(int port) {
        DefaultJedisClientConfig.Builder config =
                DefaultJedisClientConfig.builder().password(password).timeoutMillis(2_000);
        if (tls != null) {
            config.ssl(true).sslSocketFactory(TlsFiles.socketFactory(tls.ca()));
        }
        JedisClientConfig built = config.build();
        return new Jedis(new HostAndPort("127.0.0.1", port), built);
    }

    private Path unpack() throws IOException {
        Path target = dir.resolve("redis-server");
        try (InputStream in = RedisClusterRig.class.getClassLoader().getResourceAsStream(BINARY)) {
            if (in == null) {
                throw new IOException(BINARY + " is not on the test classpath (embedded-redis, through the platform)");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        return target;
    }

    private static int freePort() throws IOException {
        // the cluster bus listens on port + 10000: keep both below 65536
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (port + 10_000 <= 65_535) {
                    try (ServerSocket bus = new ServerSocket(port + 10_000)) {
                        return port;
                    } catch (IOException busy) {
                        // try another
                    }
                }
            }
        }
        throw new IOException("no free port p with p + 10000 free too");
    }

    @Override
    public void close() {
        for (Process server : servers) {
            server.destroy();
        }
        for (Process server : servers) {
            try {
                if (!server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // the nodes' files and the binary's copy: nothing of a test cluster is worth keeping
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // left in the temporary directory
        }
    }
}
