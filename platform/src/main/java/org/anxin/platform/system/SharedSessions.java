package org.anxin.platform.system;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisIndexedHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

/**
 * Portal logins live in Redis (Spring Session), not in one node's memory: a login on one platform
 * node is valid on every node behind the balancer, and a logout ends it on all of them. Sessions
 * expire after 30 minutes without a request. Spring Data Redis talks to the same Redis as the
 * rest of the platform, through Jedis (already here), so no second client library comes in.
 *
 * <p>The indexed repository: it finds a user's sessions by name (so a password reset ends them
 * on every node, through {@link UserSessions}) and announces a deleted or
 * expired session to every node (Redis keyspace events, which it switches on with
 * {@code CONFIG SET notify-keyspace-events}), so logout ends that session's live streams
 * wherever they are held.
 */
@Configuration(proxyBeanMethods = false)
@EnableRedisIndexedHttpSession(redisNamespace = "anxin:sessions", maxInactiveIntervalInSeconds = 1800)
class SharedSessions {

    /**
     * The session cookie as {@code server.servlet.session.cookie} describes it (Boot's own session
     * auto-configuration is not in the registry here, so these settings would otherwise be lost):
     * HttpOnly, SameSite=Lax, Secure when the request came over TLS (also through a proxy's
     * X-Forwarded-Proto) or always with {@code ANXIN_SESSION_COOKIE_SECURE=true}. The servlet
     * name is kept, so nothing that knew the cookie before has to change.
     */
    @Bean
    CookieSerializer cookieSerializer(@Value("${server.servlet.session.cookie.secure:false}") boolean alwaysSecure) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName("JSESSIONID");
        cookie.setSameSite("Lax");
        cookie.setUseHttpOnlyCookie(true);
        if (alwaysSecure) {
            cookie.setUseSecureCookie(true);
        }
        return cookie;
    }

    /**
     * The same Redis as the rest of the platform: one server, or the nodes of a Redis Cluster
     * (Spring Data Redis' cluster connection, which also moves a renamed session key across slots
     * when a login changes the session id); the URL's credentials and TLS with the same trust.
     */
    @Bean
    @DependsOn("jedis") // Storage's client says first, in a sentence, if the password or certificate is wrong
    JedisConnectionFactory redisConnectionFactory(RedisEndpoint endpoint) {
        JedisClientConfig client = endpoint.clientConfig(5_000);
        RedisPassword password =
                client.getPassword() == null ? RedisPassword.none() : RedisPassword.of(client.getPassword());
        JedisClientConfiguration.JedisClientConfigurationBuilder settings = JedisClientConfiguration.builder()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5));
        settings.usePooling();
        if (client.isSsl()) {
            settings.useSsl().sslSocketFactory(client.getSslSocketFactory()).sslParameters(client.getSslParameters());
        }
        if (endpoint.cluster()) {
            RedisClusterConfiguration cluster = new RedisClusterConfiguration();
            endpoint.nodes().forEach(node -> cluster.clusterNode(node.getHost(), node.getPort()));
            cluster.setUsername(client.getUser());
            cluster.setPassword(password);
            return new JedisConnectionFactory(cluster, settings.build());
        }
        HostAndPort address = endpoint.hostAndPort();
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(address.getHost(), address.getPort());
        server.setUsername(client.getUser());
        server.setPassword(password);
        return new JedisConnectionFactory(server, settings.build());
    }
}
