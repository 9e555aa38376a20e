package org.anxin.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.ProtocolDetectionResult;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PROXY protocol (v1 text or v2 binary, as HAProxy's {@code send-proxy} / {@code
 * send-proxy-v2} write it) on the device ports (MQTT, MQTT over TLS and over WebSocket, watch,
 * GT06), so that behind a balancer the gateway still sees each device's own address. Only a connection from one of the trusted networks
 * ({@code ANXIN_PROXY_TRUSTED}, CIDR, comma-separated; unset: none, the header is never looked
 * for) may start with a header; anyone else who sends one has it read as their device protocol,
 * which refuses it, so a device cannot claim another address. A trusted peer may also connect
 * without a header (a health check, a device on the balancer's network); then its own address
 * counts.
 */
public final class ProxyProtocol {
    public static final ProxyProtocol NONE = new ProxyProtocol(List.of());

    private static final Logger log = LoggerFactory.getLogger(ProxyProtocol.class);
    private static final Pattern CIDR = Pattern.compile("([0-9.]{7,15}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*)/([0-9]{1,3})");
    private static final byte V2_FIRST = 0x0D;

    private final List<IpSubnetFilterRule> trusted;

    private ProxyProtocol(List<IpSubnetFilterRule> trusted) {
        this.trusted = trusted;
    }

    public static ProxyProtocol fromEnv() {
        return from(System.getenv());
    }

    static ProxyProtocol from(Map<String, String> env) {
        return trusting(env.get("ANXIN_PROXY_TRUSTED"));
    }

    /** Trusts PROXY headers from these networks; a malformed entry stops the start. */
    public static ProxyProtocol trusting(String networks) {
        if (networks == null || networks.isBlank()) {
            return NONE;
        }
        List<IpSubnetFilterRule> rules = new ArrayList<>();
        for (String entry : networks.split(",", -1)) {
            Matcher cidr = CIDR.matcher(entry.strip());
            IllegalArgumentException bad = new IllegalArgumentException(
                    "ANXIN_PROXY_TRUSTED must list CIDR networks such as 10.0.0.0/8, not '" + entry.strip() + "'");
            if (!cidr.matches()) {
                throw bad;
            }
            try {
                rules.add(new IpSubnetFilterRule(
                        cidr.group(1), Integer.parseInt(cidr.group(2)), IpFilterRuleType.ACCEPT));
            } catch (IllegalArgumentException e) {
                throw bad;
            }
        }
        return new ProxyProtocol(List.copyOf(rules));
    }

    public boolean enabled() {
        return !trusted.isEmpty();
    }

    boolean trusts(SocketAddress peer) {
        return peer instanceof InetSocketAddress address
                && address.getAddress() != null
                && trusted.stream().anyMatch(rule -> rule.matches(address));
    }

    /** The listener's pipeline, with the header detector in front for trusted peers. */
    public ChannelHandler wrap(ChannelHandler pipeline) {
        if (!enabled()) {
            return pipeline;
        }
        return new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                if (trusts(channel.remoteAddress())) {
                    channel.pipeline().addLast(PipelineStages.PROXY_DETECT, new Detector());
                }
                channel.pipeline().addLast(pipeline);
            }
        };
    }

    @Override
    public String toString() {
        return enabled() ? "PROXY protocol from " + trusted.size() + " trusted network(s)" : "no PROXY protocol";
    }

    /**
     * Looks at a trusted connection's first bytes: a PROXY header puts Netty's decoder (and the
     * reader of its result) in its place; anything else passes on untouched.
     */
    static final class Detector extends ByteToMessageDecoder {
        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            byte first = in.getByte(in.readerIndex());
            if (first != 'P' && first != V2_FIRST) {
                ctx.pipeline().remove(this);
                return;
            }
            ProtocolDetectionResult<HAProxyProtocolVersion> detected = HAProxyMessageDecoder.detectProtocol(in);
            switch (detected.state()) {
                case NEEDS_MORE_DATA -> {}
                case INVALID -> ctx.pipeline().remove(this);
                case DETECTED -> {
                    ctx.pipeline().addAfter(ctx.name(), PipelineStages.PROXY_DECODER, new HAProxyMessageDecoder());
                    ctx.pipeline().addAfter(PipelineStages.PROXY_DECODER, PipelineStages.PROXY_HEADER, new Header());
                    ctx.pipeline().remove(this);
                }
            }
        }
    }

    /** Keeps the header's source address on the channel, then leaves the pipeline. */
    static final class Header extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof HAProxyMessage header)) {
                ctx.fireChannelRead(msg);
                return;
            }
            try {
                if (header.command() == HAProxyCommand.PROXY
                        && (header.proxiedProtocol() == HAProxyProxiedProtocol.TCP4
                                || header.proxiedProtocol() == HAProxyProxiedProtocol.TCP6)) {
                    byte[] source = NetUtil.createByteArrayFromIpAddressString(header.sourceAddress());
                    if (source != null) {
                        ctx.channel()
                                .attr(ClientAddress.PROXIED)
                                .set(new InetSocketAddress(InetAddress.getByAddress(source), header.sourcePort()));
                    }
                }
            } catch (UnknownHostException e) {
                log.debug(
                        "PROXY header with an unusable source address from {}",
                        ctx.channel().remoteAddress());
            } finally {
                ReferenceCountUtil.release(header);
                ctx.pipeline().remove(this);
            }
        }
    }
}
