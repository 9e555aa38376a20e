package org.anxin.platform.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/**
 * PostgreSQL and Redis: external ones when {@code ANXIN_DB_URL} / {@code ANXIN_REDIS_URL} are set,
 * otherwise real embedded servers started here, with their data under {@code ANXIN_DATA_DIR}.
 */
@Configuration(proxyBeanMethods = false)
class Storage {

    /** Owns the embedded servers, if any; beans using them are closed before it. */
    static final class EmbeddedServers implements AutoCloseable {
        private final EmbeddedPostgres postgres;
        private final EmbeddedRedis redis;

        EmbeddedServers(EmbeddedPostgres postgres, EmbeddedRedis redis) {
            this.postgres = postgres;
            this.redis = redis;
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
            if (redis != null) {
                redis.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedServers embeddedServers(SystemProperties properties) throws IOException, InterruptedException {
        Path dataDir = properties.dataDir();
        String dbUrl = properties.db().url();
        String redisUrl = properties.redis().url();
        int dbPort = properties.embedded().dbPort();
        int redisPort = properties.embedded().redisPort();
        EmbeddedRedis redis = redisUrl.isBlank() ? EmbeddedRedis.start(dataDir, portOrFree(redisPort)) : null;
        EmbeddedPostgres postgres = null;
        try {
            postgres = dbUrl.isBlank() ? EmbeddedPostgres.start(dataDir, portOrFree(dbPort)) : null;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (redis != null) {
                redis.close();
            }
            throw e;
        }
        return new EmbeddedServers(postgres, redis);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedServers servers, SystemProperties properties) {
        SystemProperties.Db db = properties.db();
        HikariConfig config = new HikariConfig();
        if (servers.postgres != null) {
            config.setJdbcUrl(servers.postgres.jdbcUrl());
            config.setUsername(EmbeddedPostgres.USER);
            config.setPassword(servers.postgres.password());
        } else {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        }
        config.setPoolName("anxin-db");
        config.setMaximumPoolSize(db.poolSize());
        return new HikariDataSource(config);
    }

    @Bean
    RedisEndpoint redisEndpoint(EmbeddedServers servers, SystemProperties properties) {
        if (servers.redis != null) {
            return new RedisEndpoint(servers.redis.uri());
        }
        String caFile = properties.redis().caFile();
        return new RedisEndpoint(properties.redis().url(), caFile.isBlank() ? null : Path.of(caFile.trim()));
    }

    /** One server ({@code UnifiedJedis}) or a Redis Cluster ({@code JedisCluster}), checked at start. */
    @Bean(destroyMethod = "close")
    UnifiedJedis jedis(RedisEndpoint endpoint) {
        return RedisStartCheck.connect(() -> endpoint.client(5_000), endpoint.redacted());
    }

    private static int portOrFree(int port) throws IOException {
        if (port != 0) {
            return port;
        }
        return FreePorts.pick();
    }
}
