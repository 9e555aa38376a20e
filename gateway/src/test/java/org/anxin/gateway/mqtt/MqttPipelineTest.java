package org.anxin.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.anxin.gateway.LeakCheck;
import org.anxin.gateway.PipelineRig;
import org.anxin.gateway.TestRedis;
import org.anxin.gateway.command.Command;
import org.anxin.gateway.command.Downlinks;
import org.anxin.gateway.device.EventType;
import org.anxin.gateway.forward.EventStreams;
import org.anxin.gateway.forward.RejectedPayloads;
import org.anxin.gateway.server.LoginFailures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The MQTT pipeline on an EmbeddedChannel, fed real MQTT 3.1.1 bytes, with a real Redis behind
 * it. Frames are written as hex (ASCII runs spelled out) the way a capture shows them.
 */
@ExtendWith(LeakCheck.class)
class MqttPipelineTest {
    static final String DEVICE = "btn-0001";
    private static final String SECRET = "s3cret";
    private static final String STREAM = new EventStreams(8).keyOf(DEVICE);
    private static final String ALARM_STREAM = new EventStreams(8).keyOf(DEVICE, EventType.SOS);

    /** CONNECT, MQTT 3.1.1, clean session, keep-alive 60, client id = username = btn-0001, password s3cret. */
    static final String CONNECT = "10 26 0004 " + ascii("MQTT") + "04 c2 003c 0008" + ascii(DEVICE) + "0008"
            + ascii(DEVICE) + "0006" + ascii(SECRET);

    /** The same CONNECT as MQTT 5.0: protocol level 5 and an empty property block. */
    static final String CONNECT_V5 = "10 27 0004 " + ascii("MQTT") + "05 c2 003c 00 0008" + ascii(DEVICE) + "0008"
            + ascii(DEVICE) + "0006" + ascii(SECRET);

    private static final String CONNACK_ACCEPTED = "20020000";
    private static final String CONNACK_NOT_AUTHORIZED = "20020005";

    private static final PipelineRig rig = PipelineRig.shared();
    private static final TestRedis redis = rig.redis();
    private EmbeddedChannel channel;
    private MqttContext context;

    @BeforeEach
    void openChannel() {
        redis.client().flushAll();
        redis.register(DEVICE, "mqtt", SECRET);
        context = context(rig);
        channel = new EmbeddedChannel();
        new MqttChannelInitializer(context, 16_384).configure(channel.pipeline());
    }

    /** The MQTT handlers' context on the test rig (also used by {@link Mqtt5AnswersTest}). */
    static MqttContext context(PipelineRig rig) {
        return new MqttContext(
                rig.directory(),
                rig.sessions(),
                rig.forwarder(),
                rig.workers(),
                600,
                rig.metrics(),
                new RejectedPayloads(rig.redis().client(), rig.workers()),
                new LoginFailures(),
                null); // admission control off: each CONNECT looked up on its own
    }

    @AfterEach
    void closeChannel() {
        channel.finishAndReleaseAll();
    }

    @Test
    void acceptsARegisteredDeviceWithItsSecret() {
        write(CONNECT);

        assertThat(awaitReply()).isEqualTo(CONNACK_ACCEPTED);
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void acceptsAnMqtt5Connect() {
        write(CONNECT_V5);

        // MQTT 5 CONNACK: flags, reason code 0x00, the capability properties (Mqtt5AnswersTest)
        assertThat(awaitReply()).startsWith("200d0000");
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void refusesAnMqtt5ConnectWithTheVersion5ReasonCode() {
        redis.register(DEVICE, "mqtt", "another-secret");

        write(CONNECT_V5);

        // 0x87 = Not authorized in MQTT 5
        assertThat(awaitReply()).isEqualTo("2003008700");
    }

    @Test
    void refusesAWrongSecretAsNotAuthorizedAndCloses() {
        redis.register(DEVICE, "mqtt", "another-secret");

        write(CONNECT);

        assertThat(awaitReply()).isEqualTo(CONNACK_NOT_AUTHORIZED);
        await(() -> !channel.isActive());
    }

    @Test
    void refusesAnUnknownDevice() {
        redis.client().del("anxin:device:" + DEVICE);

        write(CONNECT);

        assertThat(awaitReply()).isEqualTo(CONNACK_NOT_AUTHORIZED);
    }

    @Test
    void refusesADeviceRegisteredForAnotherProtocol() {
        redis.register(DEVICE, "watch", SECRET);

        write(CONNECT);

        assertThat(awaitReply()).isEqualTo(CONNACK_NOT_AUTHORIZED);
    }

    @Test
    void refusesAnAddressAfterTwentyFailedLoginsWithTheUnknownDeviceAnswer() {
        redis.register(DEVICE, "mqtt", "another-secret");
        for (int i = 0; i < 20; i++) {
            EmbeddedChannel guess = new EmbeddedChannel();
            new MqttChannelInitializer(context, 16_384).configure(guess.pipeline());
            guess.writeInbound(bytes(CONNECT));
            assertThat(hex(PipelineRig.awaitOutbound(guess))).isEqualTo(CONNACK_NOT_AUTHORIZED);
            guess.finishAndReleaseAll();
        }
        redis.register(DEVICE, "mqtt", SECRET); // now the right secret

        write(CONNECT);

        assertThat(awaitReply()).isEqualTo(CONNACK_NOT_AUTHORIZED);
        assertThat(rig.metrics().scrape()).contains("reason=\"rate_limited\"} 1.0");
    }

    @Test
    void closesAConnectionThatPublishesBeforeConnect() {
        ByteBuf publish = bytes(publish(1, "{\"type\":\"SOS\"}"));

        channel.writeInbound(publish);

        assertThat(channel.isActive()).isFalse();
        assertThat(publish.refCnt()).isZero();
        assertThat(redis.client().exists(STREAM)).isFalse();
        assertThat(redis.client().exists(ALARM_STREAM)).isFalse();
    }

    @Test
    void acksSosOnlyAfterRedisAcceptedIt() {
        connect();

        write(publish(7, "{\"type\":\"SOS\",\"ts\":\"2026-11-22T08:00:00Z\",\"lat\":41.55,\"lon\":121.24}"));

        String puback = awaitReply();
        assertThat(puback).isEqualTo("40020007");
        List<Map<String, String>> entries = sosEntries();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0))
                .containsEntry("deviceId", DEVICE)
                .containsEntry("type", "SOS")
                .containsEntry("lat", "41.55")
                .containsEntry("gatewayNode", "test-node");
    }

    @Test
    void acksButDropsAPayloadThatBreaksTheContract() {
        connect();

        write(publish(3, "{\"type\":\"EXPLODE\"}"));

        // MQTT 3.1.1 has no way to say no but closing: a plain PUBACK, the refusal kept for the device's page
        assertThat(awaitReply()).isEqualTo("40020003");
        assertThat(channel.isActive()).isTrue();
        assertThat(sosEntries()).isEmpty();
        await(() -> "1".equals(redis.client().hget(RejectedPayloads.key(DEVICE), "count")));
        assertThat(redis.client().hget(RejectedPayloads.key(DEVICE), "lastReason"))
                .contains("unknown type");
    }

    @Test
    void closesAConnectionThatPublishesToAnotherDevicesTopic() {
        connect();

        write("32 32 0020" + ascii("anxin/v1/devices/btn-0002/events") + "0001" + ascii("{\"type\":\"SOS\"}"));

        assertThat(channel.isActive()).isFalse();
        assertThat(sosEntries()).isEmpty();
    }

    @Test
    void splitsAPublishArrivingInTwoReads() {
        connect();
        String frame = publish(9, "{\"type\":\"SOS\"}").replace(" ", "");

        write(frame.substring(0, 20));
        write(frame.substring(20));

        assertThat(awaitReply()).isEqualTo("40020009");
        assertThat(sosEntries()).hasSize(1);
    }

    @Test
    void handlesTwoPublishesArrivingInOneRead() {
        connect();

        write(publish(1, "{\"type\":\"SOS\"}") + publish(2, "{\"type\":\"FALL\"}"));

        await(() -> {
            channel.runPendingTasks();
            return channel.outboundMessages().size() >= 2;
        });
        assertThat(List.of(hex(channel.readOutbound()), hex(channel.readOutbound())))
                .containsExactly("40020001", "40020002");
    }

    @Test
    void answersPingWithPingResp() {
        connect();

        write("c000");

        assertThat(awaitReply()).isEqualTo("d000");
    }

    @Test
    void grantsOnlyTheDevicesOwnCommandTopic() {
        connect();
        String own = ascii("anxin/v1/devices/btn-0001/commands");
        String other = ascii("anxin/v1/devices/btn-0002/commands");

        // SUBSCRIBE packet id 5: own topic at QoS 1, another device's topic at QoS 1
        write("82 4c 0005 0022" + own + "01 0022" + other + "01");

        assertThat(awaitReply()).isEqualTo("9004000501" + "80");
    }

    @Test
    void publishesACommandOnlyOnceSubscribedAndHearsThePuback() {
        connect();
        Downlinks downlinks = new Downlinks(Map.of("mqtt", new MqttDownlink(context)), rig.commandResults());

        downlinks.deliver(new Command(21, DEVICE, "mqtt", Command.LOCATE, null, null, null));
        rig.awaitCommandStatus(channel, 21, "NOT_CONNECTED"); // not subscribed: the platform keeps it queued
        assertThat(channel.outboundMessages()).isEmpty();

        write("82 27 0005 0022" + ascii("anxin/v1/devices/btn-0001/commands") + "01");
        assertThat(awaitReply()).isEqualTo("9003000501");
        downlinks.deliver(new Command(22, DEVICE, "mqtt", Command.SOS_NUMBERS, "13800000001,12349", null, null));

        String json = "{\"commandId\":22,\"type\":\"SOS_NUMBERS\",\"numbers\":[\"13800000001\",\"12349\"]}";
        String topic = ascii("anxin/v1/devices/btn-0001/commands");
        int length = 2 + 34 + 2 + json.length();
        // PUBLISH QoS 1, packet id 1, on the device's own command topic
        assertThat(awaitReply())
                .isEqualTo(String.format(Locale.ROOT, "32%02x0022%s0001%s", length, topic, ascii(json)));
        rig.awaitCommandStatus(channel, 22, "SENT");
        write("40 02 0001"); // PUBACK
        rig.awaitCommandStatus(channel, 22, "DELIVERED");
    }

    @Test
    void closesOnGarbageWithoutLeaking() {
        ByteBuf garbage = bytes("ff ff ff ff ff 00 01 02");

        channel.writeInbound(garbage);

        assertThat(channel.isActive()).isFalse();
        assertThat(garbage.refCnt()).isZero();
    }

    @Test
    void closesOnAPacketOverTheSizeLimit() {
        connect();
        String big = "x".repeat(20_000);

        write(publish(4, "{\"type\":\"SOS\",\"pad\":\"" + big + "\"}"));

        assertThat(channel.isActive()).isFalse();
        assertThat(sosEntries()).isEmpty();
    }

    @Test
    void writesTheSessionAndAnOnlineEventOnConnect() {
        connect();

        await(() -> "test-node".equals(redis.client().get("anxin:session:" + DEVICE)));
        await(() -> entries().stream().anyMatch(e -> "ONLINE".equals(e.get("type"))));
    }

    @Test
    void endsTheSessionWithAnOfflineEventOnDisconnect() {
        connect();
        await(() -> redis.client().exists("anxin:session:" + DEVICE));

        write("e000");

        assertThat(channel.isActive()).isFalse();
        await(() -> !redis.client().exists("anxin:session:" + DEVICE));
        await(() -> entries().stream()
                .anyMatch(e -> "OFFLINE".equals(e.get("type")) && e.get("attrs").contains("disconnect")));
    }

    @Test
    void publishesTheLastWillAsOfflineWhenTheDeviceDropsWithoutDisconnect() {
        // CONNECT with a will (flag 0x04): topic = its events topic, message {"type":"OFFLINE"}
        String will = "{\"type\":\"OFFLINE\"}";
        String willTopic = "anxin/v1/devices/btn-0001/events";
        String body = "0004" + ascii("MQTT") + "04 c6 003c 0008" + ascii(DEVICE)
                + String.format(Locale.ROOT, "%04x", willTopic.length()) + ascii(willTopic)
                + String.format(Locale.ROOT, "%04x", will.length()) + ascii(will)
                + "0008" + ascii(DEVICE) + "0006" + ascii(SECRET);
        write("10" + String.format(Locale.ROOT, "%02x", body.replace(" ", "").length() / 2) + body);
        assertThat(awaitReply()).isEqualTo(CONNACK_ACCEPTED);

        channel.close(); // the socket drops: no DISCONNECT

        Map<String, String> offline = awaitOne("OFFLINE");
        assertThat(offline.get("attrs"))
                .isEqualTo("{\"reason\":\"closed\",\"willTopic\":\"" + willTopic
                        + "\",\"will\":\"{\\\"type\\\":\\\"OFFLINE\\\"}\"}");
    }

    @Test
    void aDisconnectDiscardsTheWill() {
        String body = "0004" + ascii("MQTT") + "04 c6 003c 0008" + ascii(DEVICE) + "0001" + ascii("t") + "0001"
                + ascii("w") + "0008" + ascii(DEVICE) + "0006" + ascii(SECRET);
        write("10" + String.format(Locale.ROOT, "%02x", body.replace(" ", "").length() / 2) + body);
        assertThat(awaitReply()).isEqualTo(CONNACK_ACCEPTED);

        write("e000");

        assertThat(awaitOne("OFFLINE").get("attrs")).isEqualTo("{\"reason\":\"disconnect\"}");
    }

    private Map<String, String> awaitOne(String type) {
        await(() -> entries().stream().anyMatch(e -> type.equals(e.get("type"))));
        return entries().stream()
                .filter(e -> type.equals(e.get("type")))
                .findFirst()
                .orElseThrow();
    }

    private void connect() {
        write(CONNECT);
        assertThat(awaitReply()).isEqualTo(CONNACK_ACCEPTED);
    }

    private List<Map<String, String>> entries() {
        return rig.events(DEVICE);
    }

    private List<Map<String, String>> sosEntries() {
        return entries().stream()
                .filter(fields -> List.of("SOS", "FALL").contains(fields.get("type")))
                .toList();
    }

    private void write(String hex) {
        channel.writeInbound(bytes(hex));
    }

    private String awaitReply() {
        return hex(PipelineRig.awaitOutbound(channel));
    }

    private static void await(BooleanSupplier condition) {
        PipelineRig.await(condition);
    }

    /** PUBLISH QoS 1 to btn-0001's events topic. */
    static String publish(int packetId, String json) {
        String topic = ascii("anxin/v1/devices/btn-0001/events");
        int length = 2 + 32 + 2 + json.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder frame = new StringBuilder("32");
        // remaining length, MQTT variable-length encoding
        int remaining = length;
        do {
            int digit = remaining % 128;
            remaining /= 128;
            frame.append(String.format(java.util.Locale.ROOT, "%02x", remaining > 0 ? digit | 0x80 : digit));
        } while (remaining > 0);
        frame.append("0020").append(topic).append(String.format(java.util.Locale.ROOT, "%04x", packetId));
        return frame.append(ascii(json)).toString();
    }

    static String ascii(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    static ByteBuf bytes(String hex) {
        return Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    static String hex(Object message) {
        ByteBuf buf = (ByteBuf) message;
        try {
            return ByteBufUtil.hexDump(buf);
        } finally {
            buf.release();
        }
    }
}
