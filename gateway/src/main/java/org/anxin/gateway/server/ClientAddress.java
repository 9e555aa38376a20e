package org.anxin.gateway.server;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Where a device really connects from: the source address a trusted balancer gave in its PROXY
 * protocol header ({@link ProxyProtocol}), else the socket's peer. Every policy that looks at a
 * device's address (failed-login throttling, a device group's allowed networks) and every log
 * line uses this, never {@link Channel#remoteAddress()} directly.
 */
public final class ClientAddress {
    static final AttributeKey<InetSocketAddress> PROXIED = AttributeKey.valueOf("anxin.proxiedSource");

    private ClientAddress() {}

    public static SocketAddress of(Channel channel) {
        InetSocketAddress proxied = channel.attr(PROXIED).get();
        return proxied != null ? proxied : channel.remoteAddress();
    }
}
