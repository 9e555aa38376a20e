package org.anxin.gateway.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import redis.clients.jedis.ClusterPipeline;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code ANXIN_REDIS_URL} read: {@code redis://[user:password@]host[:port]} for one server,
 * {@code rediss://…} for TLS, and several {@code host:port} separated by commas
 * ({@code redis://:pw@10.0.0.1:7000,10.0.0.2:7000,10.0.0.3:7000}) for the seed nodes of a Redis
 * Cluster. The password may be percent-encoded. {@code caFile} (PEM, {@code ANXIN_REDIS_CA_FILE})
 * is what a {@code rediss://} server's certificate is checked against; without it the JDK's own
 * trust store. The host name (or IP address) in the URL must match the certificate.
 *
 * <p>The platform has a class of its own for the same syntax (no module shares code): keep them alike.
 */
record RedisUrl(boolean tls, String user, String password, List<HostAndPort> nodes) {
    private static final String SYNTAX = "ANXIN_REDIS_URL must look like redis://[:password@]host:port"
            + " (rediss:// for TLS; host:port,host:port,… for the nodes of a Redis Cluster)";

    /** A Redis Cluster: more than one node named. */
    boolean cluster() {
        return nodes.size() > 1;
    }

    static RedisUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw invalid(url, "it is empty");
        }
        String text = url.trim();
        int schemeEnd = text.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : text.substring(0, schemeEnd);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw invalid(url, "the scheme must be redis or rediss");
        }
        String rest = text.substring(schemeEnd + 3);
        int at = rest.lastIndexOf('@');
        String user = null;
        String password = null;
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                password = decode(userInfo); // redis://password@host, as redis-cli reads it
            } else {
                user = colon == 0 ? null : decode(userInfo.substring(0, colon));
                password = decode(userInfo.substring(colon + 1));
            }
            rest = rest.substring(at + 1);
        }
        int pathStart = indexOfAny(rest, "/?#");
        String hosts = pathStart < 0 ? rest : rest.substring(0, pathStart);
        String path = pathStart < 0 ? "" : rest.substring(pathStart);
        if (!path.isEmpty() && !path.equals("/") && !path.equals("/0")) {
            throw invalid(url, "only database 0 is supported (a Redis Cluster has no other), and no parameters");
        }
        List<HostAndPort> nodes = new ArrayList<>();
        for (String node : hosts.split(",", -1)) {
            nodes.add(node(url, node.trim()));
        }
        if (new LinkedHashSet<>(nodes).size() != nodes.size()) {
            throw invalid(url, "a node is named twice");
        }
        return new RedisUrl(scheme.equals("rediss"), user, password, List.copyOf(nodes));
    }

    /** Client settings: credentials, TLS (checked against {@code caFile} when given), timeouts. */
    JedisClientConfig clientConfig(int socketTimeoutMillis, Path caFile) {
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(2_000)
                .socketTimeoutMillis(socketTimeoutMillis)
                .user(user)
                .password(password);
        if (tls) {
            SSLParameters verifyHost = new SSLParameters();
            verifyHost.setEndpointIdentificationAlgorithm("HTTPS");
            client.ssl(true).sslSocketFactory(socketFactory(caFile)).sslParameters(verifyHost);
        }
        return client.build();
    }

    /**
     * One pooled client for the whole process: {@link JedisPooled} (16 connections) for one server, {@link JedisCluster}
     * (slot map, redirects, a pool per node, sized for the blocking readers of every partition) for a
     * cluster.
     */
    UnifiedJedis client(int socketTimeoutMillis, Path caFile) {
        JedisClientConfig config = clientConfig(socketTimeoutMillis, caFile);
        if (!cluster()) {
            // the forwarder's two lanes, the session writers, the admission look-ups and the command
            // reader each hold a connection at once: more than the pool's default 8 leaves spare
            return new JedisPooled(nodes.get(0), config, pool(16));
        }
        return new SharedSyncCluster(new LinkedHashSet<>(nodes), config, pool(64));
    }

    private static ConnectionPoolConfig pool(int connections) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(connections);
        pool.setMaxIdle(connections);
        return pool;
    }

    /**
     * A cluster client whose pipelines share their sync workers: a pipeline over several nodes
     * (a batch of XADDs to several partitions) is read back on worker threads, and without a shared
     * pool Jedis makes and ends a thread pool at every {@code sync()}, once per batch.
     */
    private static final class SharedSyncCluster extends JedisCluster {
        private final ExecutorService syncWorkers = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "redis-cluster-pipeline");
            thread.setDaemon(true);
            return thread;
        });

        SharedSyncCluster(Set<HostAndPort> nodes, JedisClientConfig config, ConnectionPoolConfig pool) {
            super(nodes, config, 5, pool);
        }

        @Override
        public ClusterPipeline pipelined() {
            return pipelined(syncWorkers);
        }

        @Override
        public void close() {
            super.close();
            syncWorkers.shutdown();
        }
    }

    /** The URL without its password, for logs and errors. */
    static String redacted(String url) {
        return url == null ? "" : url.replaceAll("//[^@/]*@", "//***@");
    }

    private static HostAndPort node(String url, String node) {
        if (node.isEmpty()) {
            throw invalid(url, "a host is missing");
        }
        String host;
        String port;
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            if (close < 0) {
                throw invalid(url, "an IPv6 address lacks its ]");
            }
            host = node.substring(1, close);
            String after = node.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw invalid(url, "junk after an IPv6 address");
            }
            port = after.isEmpty() ? "" : after.substring(1);
        } else {
            int colon = node.indexOf(':');
            host = colon < 0 ? node : node.substring(0, colon);
            port = colon < 0 ? "" : node.substring(colon + 1);
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9._:%-]+")) {
            throw invalid(url, "'" + host + "' is not a host name");
        }
        if (port.isEmpty()) {
            return new HostAndPort(host, 6379);
        }
        try {
            int number = Integer.parseInt(port);
            if (number < 1 || number > 65_535) {
                throw invalid(url, "port " + port + " is out of range");
            }
            return new HostAndPort(host, number);
        } catch (NumberFormatException e) {
            throw invalid(url, "'" + port + "' is not a port");
        }
    }

    private static SSLSocketFactory socketFactory(Path caFile) {
        if (caFile == null) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new IllegalArgumentException("ANXIN_REDIS_CA_FILE " + caFile + " holds no PEM certificate");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "ANXIN_REDIS_CA_FILE " + caFile + " cannot be read as PEM certificates: " + e.getMessage(), e);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static IllegalArgumentException invalid(String url, String why) {
        return new IllegalArgumentException(SYNTAX + ", not '" + redacted(url) + "': " + why);
    }
}
