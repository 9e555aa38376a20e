package org.anxin.gateway.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class SourceNetworksTest {
    private static InetSocketAddress from(String literal) throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByName(literal), 40_000);
    }

    @Test
    void anEmptyListRestrictsNothing() throws Exception {
        assertThat(SourceNetworks.parse("1", "").allows(from("203.0.113.9"))).isTrue();
        assertThat(SourceNetworks.parse("1", null).allows(from("2001:db8::1"))).isTrue();
    }

    @Test
    void matchesIpv4Networks() throws Exception {
        SourceNetworks apn = SourceNetworks.parse("1", "10.20.0.0/16, 192.0.2.7/32");

        assertThat(apn.allows(from("10.20.255.1"))).isTrue();
        assertThat(apn.allows(from("192.0.2.7"))).isTrue();
        assertThat(apn.allows(from("10.21.0.1"))).isFalse();
        assertThat(apn.allows(from("192.0.2.8"))).isFalse();
    }

    @Test
    void matchesIpv6NetworksAndKeepsTheFamiliesApart() throws Exception {
        SourceNetworks apn = SourceNetworks.parse("1", "2001:db8:100::/48,10.0.0.0/8");

        assertThat(apn.allows(from("2001:db8:100:ffff::1"))).isTrue();
        assertThat(apn.allows(from("2001:db8:101::1"))).isFalse();
        assertThat(apn.allows(from("::ffff:10.1.2.3"))).isTrue(); // an IPv4-mapped address is IPv4
        assertThat(apn.allows(from("::1"))).isFalse();
    }

    @Test
    void aSpoiledEntryMatchesNothingAndStillRestricts() throws Exception {
        SourceNetworks spoiled = SourceNetworks.parse("1", "localhost/8,10.0.0.0/33,nonsense");

        assertThat(spoiled.size()).isZero();
        assertThat(spoiled.allows(from("127.0.0.1"))).isFalse();
        assertThat(spoiled.allows(from("10.0.0.1"))).isFalse();
    }

    @Test
    void anUnresolvedAddressIsNotAllowedByAList() {
        assertThat(SourceNetworks.parse("1", "10.0.0.0/8").allows(InetSocketAddress.createUnresolved("10.0.0.1", 1)))
                .isFalse();
    }
}
