package org.anxin.platform.system;

import java.nio.file.Path;
import java.util.List;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.UnifiedJedis;

/**
 * Where this platform's Redis is: {@code ANXIN_REDIS_URL} (one server or the nodes of a Redis
 * Cluster, {@link RedisUrl}), or the embedded server it started; {@code caFile} is the PEM
 * certificate(s) a {@code rediss://} server is checked against ({@code ANXIN_REDIS_CA_FILE}), null
 * for the JDK's trust store. Checked when made: a malformed URL stops the start.
 */
public record RedisEndpoint(String uri, Path caFile) {

    public RedisEndpoint {
        RedisUrl.parse(uri);
    }

    public RedisEndpoint(String uri) {
        this(uri, null);
    }

    private RedisUrl url() {
        return RedisUrl.parse(uri);
    }

    /** The first node named (the only one unless {@link #cluster()}). */
    public HostAndPort hostAndPort() {
        return url().nodes().get(0);
    }

    /** Every node named in the URL (the seeds of a cluster). */
    public List<HostAndPort> nodes() {
        return url().nodes();
    }

    /** Whether the URL names a Redis Cluster (several nodes). */
    public boolean cluster() {
        return url().cluster();
    }

    /** Client settings with the URL's credentials, TLS for {@code rediss://}. */
    public JedisClientConfig clientConfig(int socketTimeoutMillis) {
        return url().clientConfig(socketTimeoutMillis, caFile);
    }

    /** A pooled client: one server, or the cluster (Jedis' cluster client). */
    UnifiedJedis client(int socketTimeoutMillis) {
        return url().client(socketTimeoutMillis, caFile);
    }

    /** The URL without its password, for logs. */
    public String redacted() {
        return RedisUrl.redacted(uri);
    }

    @Override
    public String toString() {
        return "RedisEndpoint[" + redacted() + ", caFile=" + caFile + "]";
    }
}
