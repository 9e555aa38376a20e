package org.anxin.platform.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

/**
 * Portal logins live in Redis (Spring Session), not in one node's memory: a login on one platform
 * node is valid on every node behind the balancer, and a logout ends it on all of them. Sessions
 * expire after 30 minutes without a request. Spring Data Redis talks to the same Redis as the
 * rest of the platform, through Jedis (already here), so no second client library comes in.
 */
@Configuration(proxyBeanMethods = false)
@EnableRedisHttpSession(redisNamespace = "anxin:sessions", maxInactiveIntervalInSeconds = 1800)
class SharedSessions {

    @Bean
    JedisConnectionFactory redisConnectionFactory(RedisEndpoint endpoint) {
        HostAndPort address = endpoint.hostAndPort();
        JedisClientConfig client = endpoint.clientConfig(5_000);
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(address.getHost(), address.getPort());
        if (client.getUser() != null) {
            server.setUsername(client.getUser());
        }
        if (client.getPassword() != null) {
            server.setPassword(RedisPassword.of(client.getPassword()));
        }
        return new JedisConnectionFactory(
                server,
                JedisClientConfiguration.builder()
                        .connectTimeout(java.time.Duration.ofSeconds(2))
                        .readTimeout(java.time.Duration.ofSeconds(5))
                        .usePooling()
                        .build());
    }
}
