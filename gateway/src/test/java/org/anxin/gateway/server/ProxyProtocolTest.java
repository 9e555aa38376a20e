package org.anxin.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyProtocolTest {

    @Test
    void isOffUnlessTrustedNetworksAreGiven() {
        assertThat(ProxyProtocol.from(Map.of()).enabled()).isFalse();
        assertThat(ProxyProtocol.from(Map.of("ANXIN_PROXY_TRUSTED", " ")).enabled())
                .isFalse();
    }

    @Test
    void trustsOnlyPeersInsideItsNetworks() {
        ProxyProtocol proxy = ProxyProtocol.from(Map.of("ANXIN_PROXY_TRUSTED", "10.1.0.0/16, fd00::/8"));

        assertThat(proxy.trusts(new InetSocketAddress("10.1.2.3", 1))).isTrue();
        assertThat(proxy.trusts(new InetSocketAddress("fd00::5", 1))).isTrue();
        assertThat(proxy.trusts(new InetSocketAddress("10.2.0.1", 1))).isFalse();
        assertThat(proxy.trusts(new InetSocketAddress("127.0.0.1", 1))).isFalse();
    }

    @Test
    void aMalformedEntryStopsTheStartRatherThanTrustingLess() {
        for (String bad : new String[] {"10.0.0.0", "10.0.0.0/33", "balancer.local/32", "10.0.0.0/8,"}) {
            assertThatThrownBy(() -> ProxyProtocol.trusting(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ANXIN_PROXY_TRUSTED");
        }
    }
}
