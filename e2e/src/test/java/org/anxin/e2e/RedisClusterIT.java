package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.anxin.gateway.server.GatewayConfig;
import org.anxin.gateway.server.GatewayServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path on a three-master Redis Cluster with a password (see {@link RedisClusterPath}),
 * and what a wrong or missing password does: a sentence at start, not a hang.
 */
class RedisClusterIT extends RedisClusterPath {

    @BeforeAll
    static void start() throws Exception {
        startAll(null);
    }

    @Test
    void aGatewayWithAWrongPasswordStopsAtStartSayingSo() {
        assertThatThrownBy(() -> GatewayServer.start(GatewayConfig.loopback(cluster.url("not-the-password"))))
                .hasMessageContaining("refused the credentials of ANXIN_REDIS_URL")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void aGatewayWithoutThePasswordStopsAtStartSayingSo() {
        assertThatThrownBy(() -> GatewayServer.start(GatewayConfig.loopback(cluster.url(null))))
                .hasMessageContaining("refused the credentials of ANXIN_REDIS_URL");
    }

    @Test
    void aPlatformWithAWrongPasswordStopsAtStartSayingSo() {
        assertThatThrownBy(() -> Platform.onRedis(cluster.url("not-the-password"), null))
                .satisfies(e -> assertThat(rootMessages(e)).contains("refused the credentials of ANXIN_REDIS_URL"));
    }

    @Test
    void aMalformedClusterUrlStopsTheGatewayAtStartSayingWhy() {
        assertThatThrownBy(() -> GatewayServer.start(GatewayConfig.loopback("redis://127.0.0.1:7000,,127.0.0.1:7001")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ANXIN_REDIS_URL must look like")
                .hasMessageContaining("a host is missing");
    }

    private static String rootMessages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
