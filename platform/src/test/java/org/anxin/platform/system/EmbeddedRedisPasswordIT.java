package org.anxin.platform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.anxin.platform.PlatformIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** The embedded demo Redis is not open to whoever reaches its port: a password of its own. */
class EmbeddedRedisPasswordIT extends PlatformIT {

    @Autowired
    RedisEndpoint endpoint;

    @Value("${anxin.data-dir}")
    Path dataDir;

    @Test
    void theEmbeddedRedisRefusesAClientWithoutThePasswordKeptInTheDataDirectory() throws Exception {
        Path file = dataDir.resolve("redis.password");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String password = Files.readString(file).trim();
        assertThat(password).hasSize(24);
        assertThat(endpoint.uri()).isEqualTo("redis://:" + password + "@" + endpoint.hostAndPort());

        HostAndPort server = endpoint.hostAndPort();
        try (Jedis anonymous = new Jedis(server.getHost(), server.getPort())) {
            assertThatThrownBy(anonymous::ping)
                    .isInstanceOf(JedisDataException.class)
                    .hasMessageContaining("NOAUTH");
        }
        try (Jedis client = new Jedis(server, endpoint.clientConfig(2_000))) {
            assertThat(client.ping()).isEqualTo("PONG");
        }
        // nor on the command line of the server or its watchdog, which every local user can read
        StringBuilder commandLines = new StringBuilder();
        ProcessHandle.current().descendants().forEach(p -> {
            try {
                commandLines
                        .append(Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")))
                        .append('\n');
            } catch (java.io.IOException gone) {
                // ended meanwhile
            }
        });
        String commandLine = commandLines.toString();
        assertThat(commandLine).contains("redis-server").doesNotContain(password);
    }
}
