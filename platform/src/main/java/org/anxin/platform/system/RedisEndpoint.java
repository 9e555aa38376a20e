package org.anxin.platform.system;

import java.net.URI;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

/** Where this platform's Redis is: {@code ANXIN_REDIS_URL}, or the embedded server it started. */
public record RedisEndpoint(String uri) {

    public HostAndPort hostAndPort() {
        URI parsed = URI.create(uri);
        return new HostAndPort(parsed.getHost(), parsed.getPort() < 0 ? 6379 : parsed.getPort());
    }

    /** Client settings with the URL's credentials ({@code redis://user:password@host:port}). */
    public JedisClientConfig clientConfig(int socketTimeoutMillis) {
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(2_000)
                .socketTimeoutMillis(socketTimeoutMillis);
        String userInfo = URI.create(uri).getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            if (colon > 0) {
                client.user(userInfo.substring(0, colon));
            }
            client.password(colon >= 0 ? userInfo.substring(colon + 1) : userInfo);
        }
        return client.build();
    }
}
