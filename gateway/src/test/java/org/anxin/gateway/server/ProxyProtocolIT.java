package org.anxin.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.anxin.gateway.TestRedis;
import org.anxin.gateway.WatchReplies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PROXY protocol on real gateways with real sockets from 127.0.0.1: one gateway trusts
 * 127.0.0.0/8 (as if it were the balancer's network), the other trusts only 10.0.0.0/8. What the
 * header says decides a device group's allow-list and the failed-login throttle, on the trusting
 * gateway only; a header from an untrusted peer is never believed.
 */
class ProxyProtocolIT {
    private static TestRedis redis;
    private static GatewayServer behindBalancer;
    private static GatewayServer trustingOthers;

    @BeforeAll
    static void start() throws Exception {
        redis = TestRedis.start();
        behindBalancer = GatewayServer.start(
                GatewayConfig.loopback(redis.url()).withNode("proxy-a"),
                MqttWebSocketConfig.onFreePort(),
                ProxyProtocol.trusting("127.0.0.0/8, ::1/128"));
        trustingOthers = GatewayServer.start(
                GatewayConfig.loopback(redis.url()).withNode("proxy-b"),
                MqttWebSocketConfig.NONE,
                ProxyProtocol.trusting("10.0.0.0/8"));
        redis.client().hset("anxin:device-group:31", Map.of("networks", "192.0.2.0/24"));
    }

    @AfterAll
    static void stop() throws Exception {
        behindBalancer.close();
        trustingOthers.close();
        redis.close();
    }

    @Test
    void aWatchInAGroupIsJudgedByTheAddressInTheHeaderV1OrV2() throws Exception {
        watchInGroup("8800000501", "31");
        watchInGroup("8800000502", "31");
        watchInGroup("8800000503", "31");
        int port = behindBalancer.watchPort();

        assertThat(watchLogin(port, v1("192.0.2.10", 40_001, port), "8800000501"))
                .isEqualTo("[3G*8800000501*0002*LK]");
        assertThat(watchLogin(port, v2("192.0.2.11", 40_002, port), "8800000502"))
                .isEqualTo("[3G*8800000502*0002*LK]");
        // outside the group's network, and without a header 127.0.0.1 is outside it too
        assertThat(watchLogin(port, v1("198.51.100.9", 40_003, port), "8800000503"))
                .isEmpty();
        assertThat(watchLogin(port, new byte[0], "8800000503")).isEmpty();
    }

    @Test
    void anMqttButtonBehindTheBalancerIsJudgedByTheHeadersAddress() throws Exception {
        redis.register("btn-px1", "mqtt", "secret-px1");
        redis.client().hset("anxin:device:btn-px1", "group", "31");
        int port = behindBalancer.mqttPort();

        assertThat(connack(port, v2("192.0.2.20", 40_010, port), "btn-px1", "secret-px1"))
                .isEqualTo(0);
        assertThat(connack(port, v2("203.0.113.20", 40_011, port), "btn-px1", "secret-px1"))
                .isEqualTo(5); // not authorised: what a wrong secret gets
    }

    @Test
    void aPhoneOnMqttOverWebSocketBehindTheBalancerIsJudgedByTheHeadersAddress() throws Exception {
        redis.register("app-px1", "app", "secret-app-px1");
        redis.client().hset("anxin:device:app-px1", "group", "31");
        int port = behindBalancer.mqttWsPort();

        assertThat(webSocketConnack(port, v2("192.0.2.21", 40_012, port), "app-px1", "secret-app-px1"))
                .isEqualTo(0);
        assertThat(webSocketConnack(port, v1("203.0.113.21", 40_013, port), "app-px1", "secret-app-px1"))
                .isEqualTo(5);
        // without a header the balancer's own address (127.0.0.1) counts: outside the group too
        assertThat(webSocketConnack(port, new byte[0], "app-px1", "secret-app-px1"))
                .isEqualTo(5);
    }

    @Test
    void failedLoginsBlockTheDevicesOwnAddressNotTheBalancers() throws Exception {
        watchInGroup("8800000601", null);
        watchInGroup("8800000602", null);
        int port = behindBalancer.watchPort();
        for (int i = 0; i < LoginFailures.DEFAULT_LIMIT; i++) {
            assertThat(watchLogin(
                            port,
                            v1("203.0.113.7", 41_000 + i, port),
                            "88000007" + String.format(Locale.ROOT, "%02d", i)))
                    .isEmpty(); // unknown watches
        }

        assertThat(watchLogin(port, v1("203.0.113.7", 41_100, port), "8800000601"))
                .isEmpty(); // that address is blocked, even for a registered watch
        assertThat(watchLogin(port, v1("203.0.113.8", 41_101, port), "8800000601"))
                .isEqualTo("[3G*8800000601*0002*LK]");
        // the balancer's own address is not blocked either (another watch: the one above may still
        // be live on the gateway, and a second login of it from elsewhere is a clone)
        assertThat(watchLogin(port, new byte[0], "8800000602")).isEqualTo("[3G*8800000602*0002*LK]");
    }

    @Test
    void aHeaderFromAnUntrustedPeerIsNotBelieved() throws Exception {
        watchInGroup("8800000801", "31");
        watchInGroup("8800000802", null);
        int port = trustingOthers.watchPort();

        // claims to come from the group's network; is read as a (bad) watch frame and refused
        assertThat(watchLogin(port, v1("192.0.2.30", 40_020, port), "8800000801"))
                .isEmpty();
        assertThat(watchLogin(port, new byte[0], "8800000802")).isEqualTo("[3G*8800000802*0002*LK]");
    }

    @Test
    void aBrokenHeaderClosesTheConnectionAndTheNextOneIsServed() throws Exception {
        watchInGroup("8800000901", null);
        int port = behindBalancer.watchPort();

        byte[] broken = "PROXY TCP4 not-an-address 127.0.0.1 1 2\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(watchLogin(port, broken, "8800000901")).isEmpty();
        assertThat(watchLogin(port, v1("198.51.100.40", 40_030, port), "8800000901"))
                .isEqualTo("[3G*8800000901*0002*LK]");
    }

    private static void watchInGroup(String id, String group) {
        redis.client().hset("anxin:device:" + id, Map.of("protocol", "watch", "seniorId", "1"));
        if (group != null) {
            redis.client().hset("anxin:device:" + id, "group", group);
        }
    }

    private static byte[] v1(String source, int sourcePort, int port) {
        return ("PROXY TCP4 " + source + " 127.0.0.1 " + sourcePort + " " + port + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] v2(String source, int sourcePort, int port) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(16 + 12);
        header.put(new byte[] {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A});
        header.put((byte) 0x21); // version 2, PROXY
        header.put((byte) 0x11); // TCP over IPv4
        header.putShort((short) 12);
        header.put(InetAddress.getByName(source).getAddress());
        header.put(InetAddress.getByName("127.0.0.1").getAddress());
        header.putShort((short) sourcePort);
        header.putShort((short) port);
        return header.array();
    }

    /** A watch's first frame behind {@code header}; its reply, or "" when the gateway closed without one. */
    private static String watchLogin(int port, byte[] header, String id) throws IOException {
        try (Socket watch = new Socket("127.0.0.1", port)) {
            watch.setSoTimeout(15_000);
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            first.write(header);
            first.write(("[3G*" + id + "*0002*LK]").getBytes(StandardCharsets.US_ASCII));
            watch.getOutputStream().write(first.toByteArray());
            return WatchReplies.next(watch.getInputStream());
        }
    }

    /** An MQTT 3.1.1 CONNECT behind {@code header}; the CONNACK's return code, or -1 if closed first. */
    private static int connack(int port, byte[] header, String id, String secret) throws IOException {
        try (Socket device = new Socket("127.0.0.1", port)) {
            device.setSoTimeout(15_000);
            ByteArrayOutputStream packet = new ByteArrayOutputStream();
            packet.write(header);
            packet.write(connect(id, secret));
            device.getOutputStream().write(packet.toByteArray());
            return connackCode(device.getInputStream().readNBytes(4));
        }
    }

    /**
     * The same CONNECT in a WebSocket binary frame after {@code header} and the HTTP upgrade; the
     * CONNACK's return code, or -1 if the upgrade was refused or the gateway closed first.
     */
    private static int webSocketConnack(int port, byte[] header, String id, String secret) throws IOException {
        try (Socket phone = new Socket("127.0.0.1", port)) {
            phone.setSoTimeout(15_000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(header);
            out.write(("GET " + MqttWebSocketConfig.DEFAULT_PATH + " HTTP/1.1\r\n"
                            + "Host: 127.0.0.1:" + port + "\r\n"
                            + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                            + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            phone.getOutputStream().write(out.toByteArray());
            var in = phone.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            if (!status.equals("HTTP/1.1 101")) {
                return -1;
            }
            int matched = 0; // to the end of the response's headers
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return -1;
                }
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            // as a WebSocket client does, the first frame only after the 101
            byte[] connect = connect(id, secret);
            byte[] mask = {0x11, 0x22, 0x33, 0x44};
            ByteArrayOutputStream frameOut = new ByteArrayOutputStream();
            frameOut.write(0x82); // final binary frame
            frameOut.write(0x80 | connect.length); // masked, as from a client; under 126 bytes
            frameOut.write(mask);
            for (int i = 0; i < connect.length; i++) {
                frameOut.write(connect[i] ^ mask[i % 4]);
            }
            phone.getOutputStream().write(frameOut.toByteArray());
            byte[] frame = in.readNBytes(2);
            if (frame.length < 2 || frame[0] != (byte) 0x82) {
                return -1;
            }
            return connackCode(in.readNBytes(frame[1]));
        }
    }

    private static byte[] connect(String id, String secret) throws IOException {
        ByteArrayOutputStream variable = new ByteArrayOutputStream();
        variable.write(new byte[] {0, 4, 'M', 'Q', 'T', 'T', 4, (byte) 0xC2, 0, 60});
        for (String field : new String[] {id, id, secret}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            variable.write(bytes.length >> 8);
            variable.write(bytes.length & 0xFF);
            variable.write(bytes);
        }
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x10);
        packet.write(variable.size()); // under 128 bytes
        packet.write(variable.toByteArray());
        return packet.toByteArray();
    }

    private static int connackCode(byte[] ack) {
        return ack.length == 4 && ack[0] == 0x20 ? ack[3] : -1;
    }
}
