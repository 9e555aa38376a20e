package org.anxin.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

class RedisUrlTest {

    @Test
    void oneServerWithAPasswordIsNotACluster() {
        RedisUrl url = RedisUrl.parse("redis://:s3cret@10.0.0.5:6380");

        assertThat(url.nodes()).containsExactly(new HostAndPort("10.0.0.5", 6380));
        assertThat(url.cluster()).isFalse();
        assertThat(url.tls()).isFalse();
        assertThat(url.user()).isNull();
        assertThat(url.password()).isEqualTo("s3cret");
    }

    @Test
    void severalNodesSeparatedByCommasAreTheSeedsOfACluster() {
        RedisUrl url = RedisUrl.parse("redis://:pw@h1:7000,h2:7001, h3");

        assertThat(url.cluster()).isTrue();
        assertThat(url.nodes())
                .containsExactly(new HostAndPort("h1", 7000), new HostAndPort("h2", 7001), new HostAndPort("h3", 6379));
    }

    @Test
    void redissMeansTlsAndAUserAndAPercentEncodedPasswordAreRead() {
        RedisUrl url = RedisUrl.parse("rediss://anxin:p%40ss%2Fword@redis.example:6390/0");

        assertThat(url.tls()).isTrue();
        assertThat(url.user()).isEqualTo("anxin");
        assertThat(url.password()).isEqualTo("p@ss/word");
        JedisClientConfig client = url.clientConfig(5_000, null);
        assertThat(client.isSsl()).isTrue();
        assertThat(client.getSslParameters().getEndpointIdentificationAlgorithm())
                .isEqualTo("HTTPS");
    }

    @Test
    void ipv6AddressesInBracketsAreNodes() {
        assertThat(RedisUrl.parse("redis://[::1]:7000,[::1]:7001").nodes())
                .containsExactly(new HostAndPort("::1", 7000), new HostAndPort("::1", 7001));
    }

    @Test
    void malformedUrlsAreRefusedSayingWhyWithoutThePassword() {
        for (List<String> bad : List.of(
                List.of("http://h:1", "scheme must be redis or rediss"),
                List.of("127.0.0.1:6379", "scheme must be redis or rediss"),
                List.of("redis://:pw@h1:7000,,h2:7001", "a host is missing"),
                List.of("redis://:pw@h1:70000", "out of range"),
                List.of("redis://:pw@h1:port", "is not a port"),
                List.of("redis://:pw@h1:7000,h1:7000", "named twice"),
                List.of("redis://:pw@h1:7000/3", "only database 0"),
                List.of("redis://:pw@h1:7000?ssl=true", "only database 0"),
                List.of("", "empty"))) {
            assertThatThrownBy(() -> RedisUrl.parse(bad.get(0)))
                    .as(bad.get(0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ANXIN_REDIS_URL must look like")
                    .hasMessageContaining(bad.get(1))
                    .hasMessageNotContaining(":pw@");
        }
    }

    @Test
    void aCaFileThatHoldsNoCertificateIsRefused() throws Exception {
        java.nio.file.Path empty = java.nio.file.Files.createTempFile("not-a-ca", ".pem");
        java.nio.file.Files.writeString(empty, "hello\n");

        assertThatThrownBy(() -> RedisUrl.parse("rediss://h:6379").clientConfig(1_000, empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ANXIN_REDIS_CA_FILE");
    }
}
