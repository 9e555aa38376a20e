package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.anxin.gateway.server.GatewayConfig;
import org.anxin.gateway.server.GatewayServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path on a three-master Redis Cluster that speaks only TLS ({@code rediss://}, client
 * port and cluster bus), its certificate signed by a test CA given as {@code ANXIN_REDIS_CA_FILE}.
 * Needs {@code openssl} to make the CA and certificate ({@code .ci/run} installs it); fails, saying so, without it.
 */
class RedisClusterTlsIT extends RedisClusterPath {

    private static Path tlsDir;

    @BeforeAll
    static void start() throws Exception {
        // .ci/run installs openssl when missing: without it this fails, saying why, rather than skipping
        assertThat(TlsFiles.opensslAvailable())
                .as("openssl is not on the PATH: no CA and server certificate for a TLS Redis Cluster"
                        + " (Debian: apt-get install openssl)")
                .isTrue();
        tlsDir = Files.createTempDirectory("anxin-redis-tls-");
        startAll(TlsFiles.make(tlsDir));
    }

    @AfterAll
    static void deleteCertificates() {
        // the servers read them at start; the path's own @AfterAll stops them after this
        if (tlsDir != null) {
            TempDirs.delete(tlsDir);
        }
    }

    @Test
    void aGatewayThatDoesNotTrustTheServersCaStopsAtStartSayingSo() {
        // no ANXIN_REDIS_CA_FILE: the JDK's trust store, which does not know the test CA
        assertThatThrownBy(() -> GatewayServer.start(GatewayConfig.loopback(cluster.url())))
                .hasMessageContaining("TLS with Redis at")
                .hasMessageContaining("ANXIN_REDIS_CA_FILE");
    }
}
