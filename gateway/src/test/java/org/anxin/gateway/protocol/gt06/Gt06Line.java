package org.anxin.gateway.protocol.gt06;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.HexFormat;
import java.util.Map;
import org.anxin.gateway.PipelineRig;
import org.anxin.gateway.protocol.TcpDevices;

/** One tracker's connection through the real GT06 pipeline, with a real Redis behind it (tests). */
final class Gt06Line {
    static final String IMEI = "123456789012345";
    /** GT06 protocol manual (Concox), login of IMEI 123456789012345, and its printed answer. */
    static final String LOGIN = "78780d01012345678901234500018cdd0d0a";

    static final String LOGIN_ACK = "787805010001d9dc0d0a";

    final EmbeddedChannel channel;
    final TcpDevices devices;
    private final PipelineRig rig;

    /** A fresh Redis and a fresh gateway state. */
    Gt06Line(PipelineRig rig) {
        this(rig, fresh(rig), new EmbeddedChannel());
    }

    /** Another connection to the same gateway state, from {@code ip}. */
    Gt06Line(PipelineRig rig, TcpDevices devices, String ip) {
        this(rig, devices, from(ip));
    }

    private Gt06Line(PipelineRig rig, TcpDevices devices, EmbeddedChannel channel) {
        this.rig = rig;
        this.devices = devices;
        this.channel = channel;
        new Gt06ChannelInitializer(devices).configure(channel.pipeline());
    }

    private static TcpDevices fresh(PipelineRig rig) {
        rig.redis().client().flushAll();
        return rig.tcpDevices();
    }

    private static EmbeddedChannel from(String ip) {
        java.net.SocketAddress address = new java.net.InetSocketAddress(ip, 40_000);
        return new EmbeddedChannel() {
            @Override
            protected java.net.SocketAddress remoteAddress0() {
                return address;
            }
        };
    }

    void register() {
        rig.redis().client().hset("anxin:device:" + IMEI, Map.of("protocol", "gt06", "seniorId", "1"));
    }

    void login() {
        register();
        write(LOGIN);
        assertThat(awaitReply()).isEqualTo(LOGIN_ACK);
    }

    void write(String hex) {
        channel.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT))));
    }

    /** The next packet the gateway writes, as lower-case hex. */
    String awaitReply() {
        ByteBuf reply = PipelineRig.awaitOutbound(channel);
        try {
            return ByteBufUtil.hexDump(reply);
        } finally {
            reply.release();
        }
    }

    /** Waits for the one stream entry of this type. */
    Map<String, String> awaitEvent(String type) {
        return rig.awaitEvent(channel, IMEI, type);
    }

    /** Every entry the tracker's packets made so far (ONLINE included). */
    java.util.List<Map<String, String>> events() {
        return rig.events(IMEI);
    }

    void close() {
        channel.finishAndReleaseAll();
    }
}
