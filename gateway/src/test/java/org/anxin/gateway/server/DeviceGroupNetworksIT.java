package org.anxin.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.anxin.gateway.PahoDevices;
import org.anxin.gateway.TestRedis;
import org.anxin.gateway.Waits;
import org.anxin.gateway.WatchReplies;
import org.anxin.gateway.command.CommandConsumer;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamGroupInfo;

/**
 * Source-network allow-lists per device group (private APNs), on a real gateway with real Paho
 * clients and real watch sockets from 127.0.0.1. The registry is written the way the platform
 * writes it (docs/events.md): {@code group} in the device's hash, the networks in
 * {@code anxin:device-group:{id}}, and a {@code FORGET} entry on the node's command stream when a
 * group changes. The gateway caches look-ups for 10 s, so a changed list that is honoured at once
 * proves the FORGET entry reached the cache.
 */
class DeviceGroupNetworksIT {
    private static final String NODE = "groups-node";
    private static TestRedis redis;
    private static GatewayServer gateway;

    @BeforeAll
    static void start() throws Exception {
        redis = TestRedis.start();
        gateway = GatewayServer.start(GatewayConfig.loopback(redis.url()).withNode(NODE));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        redis.close();
    }

    @BeforeEach
    void clean() {
        redis.client().keys("anxin:device*").forEach(redis.client()::del);
    }

    @Test
    void aDeviceInAGroupAllowingItsAddressConnects() throws Exception {
        group("7", "10.20.0.0/16,127.0.0.1/32,2001:db8::/32");
        registerInGroup("btn-g01", "secret-g01", "7");

        MqttClient device = connect("btn-g01", "secret-g01");

        assertThat(device.isConnected()).isTrue();
        PahoDevices.disconnect(device);
    }

    @Test
    void aGroupAllowingOnlyAnotherNetworkRefusesWithTheWrongSecretsAnswer() throws Exception {
        group("8", "10.0.0.0/8");
        registerInGroup("btn-g02", "secret-g02", "8");
        String refused = "anxin_gateway_refused_total{protocol=\"mqtt\",reason=\"network_not_allowed\"}";
        Map<String, Double> before = scrape();

        int outsideAnswer = refusalCode("btn-g02", "secret-g02");
        int wrongSecretAnswer = refusalCode("btn-g02", "not-the-secret");

        assertThat(outsideAnswer).isEqualTo(wrongSecretAnswer).isEqualTo((int)
                MqttException.REASON_CODE_NOT_AUTHORIZED);
        assertThat(scrape().get(refused) - before.getOrDefault(refused, 0.0)).isEqualTo(1.0);
    }

    @Test
    void aChangedListIsHonouredWithoutARestart() throws Exception {
        group("9", "10.0.0.0/8");
        registerInGroup("btn-g03", "secret-g03", "9");
        assertThat(refusalCode("btn-g03", "secret-g03")).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED);

        group("9", "10.0.0.0/8,127.0.0.0/8");
        tellTheGatewayGroupChanged("9");

        MqttClient device = connect("btn-g03", "secret-g03");
        assertThat(device.isConnected()).isTrue();
        PahoDevices.disconnect(device);
    }

    @Test
    void aWatchOutsideItsGroupsNetworksIsClosedLikeAnUnknownOneUntilTheListAllowsIt() throws Exception {
        group("10", "10.0.0.0/8");
        redis.client().hset("anxin:device:8800000301", Map.of("protocol", "watch", "seniorId", "1", "group", "10"));
        String refused = "anxin_gateway_refused_total{protocol=\"watch\",reason=\"network_not_allowed\"}";
        Map<String, Double> before = scrape();

        assertThat(watchLogin("8800000301")).isEmpty(); // closed without a reply
        assertThat(watchLogin("8800000399")).isEmpty(); // what an unknown watch gets
        assertThat(scrape().get(refused) - before.getOrDefault(refused, 0.0)).isEqualTo(1.0);

        group("10", "");
        tellTheGatewayGroupChanged("10");

        assertThat(watchLogin("8800000301")).isEqualTo("[3G*8800000301*0002*LK]");
    }

    @Test
    void aTightenedListClosesALiveConnectionItNoLongerAllows() throws Exception {
        group("13", "127.0.0.0/8");
        registerInGroup("btn-g05", "secret-g05", "13");
        registerInGroup("btn-g06", "secret-g06", "13");
        MqttClient outside = connect("btn-g05", "secret-g05");
        MqttClient elsewhere = connect("btn-g06", "secret-g06");
        java.util.concurrent.CountDownLatch lost = new java.util.concurrent.CountDownLatch(1);
        outside.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                lost.countDown();
            }

            @Override
            public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {}

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {}
        });

        group("13", "10.0.0.0/8");
        // as the platform sends it, the group with its members; btn-g06 left out to show only named ones are checked
        awaitHandled(redis.client()
                .xadd(
                        CommandConsumer.streamOf(NODE),
                        XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY),
                        Map.of("type", "FORGET", "group", "13", "deviceIds", "btn-g05")));

        assertThat(lost.await(15, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(outside.isConnected()).isFalse();
        outside.close();
        PahoDevices.publish(elsewhere, "btn-g06", "{\"type\":\"HEARTBEAT\",\"battery\":80}");
        assertThat(elsewhere.isConnected()).isTrue();
        PahoDevices.disconnect(elsewhere);
    }

    @Test
    void aGt06TrackerOutsideItsGroupsNetworksGetsNoLoginAnswer() throws Exception {
        group("12", "192.0.2.0/24");
        // GT06 protocol manual (Concox): login of IMEI 123456789012345, answered 787805010001d9dc0d0a
        redis.client().hset("anxin:device:123456789012345", Map.of("protocol", "gt06", "seniorId", "1", "group", "12"));
        String login = "78780d01012345678901234500018cdd0d0a";

        assertThat(gt06Login(login)).isEmpty();

        group("12", "192.0.2.0/24,127.0.0.1/32");
        tellTheGatewayGroupChanged("12");

        assertThat(gt06Login(login)).isEqualTo("787805010001d9dc0d0a");
    }

    /** Sends a GT06 login; returns the reply's hex, or "" when the gateway closed without one. */
    private static String gt06Login(String loginHex) throws IOException {
        try (Socket tracker = new Socket("127.0.0.1", gateway.gt06Port())) {
            tracker.setSoTimeout(15_000);
            tracker.getOutputStream().write(java.util.HexFormat.of().parseHex(loginHex));
            byte[] reply = tracker.getInputStream().readNBytes(10);
            return java.util.HexFormat.of().formatHex(reply);
        }
    }

    @Test
    void movingADeviceIntoAGroupIsHonouredWithoutARestart() throws Exception {
        group("11", "10.0.0.0/8");
        registerInGroup("btn-g04", "secret-g04", null);
        PahoDevices.disconnect(connect("btn-g04", "secret-g04")); // cached: no group

        registerInGroup("btn-g04", "secret-g04", "11");
        awaitHandled(redis.client()
                .xadd(
                        CommandConsumer.streamOf(NODE),
                        XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY),
                        Map.of("type", "FORGET", "deviceIds", "btn-g04")));

        assertThat(refusalCode("btn-g04", "secret-g04")).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED);
    }

    private static void group(String id, String networks) {
        redis.client().hset("anxin:device-group:" + id, Map.of("networks", networks));
    }

    private static void registerInGroup(String deviceId, String secret, String group) {
        redis.register(deviceId, "mqtt", secret);
        if (group == null) {
            redis.client().hdel("anxin:device:" + deviceId, "group");
        } else {
            redis.client().hset("anxin:device:" + deviceId, "group", group);
        }
    }

    private static void tellTheGatewayGroupChanged(String group) throws InterruptedException {
        awaitHandled(redis.client()
                .xadd(
                        CommandConsumer.streamOf(NODE),
                        XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY),
                        Map.of("type", "FORGET", "group", group)));
    }

    /** Waits until the node's consumer group read and acknowledged the entry. */
    private static void awaitHandled(StreamEntryID entry) throws InterruptedException {
        Waits.until(() -> {
            for (StreamGroupInfo group : redis.client().xinfoGroups(CommandConsumer.streamOf(NODE))) {
                if (group.getLastDeliveredId().compareTo(entry) >= 0 && group.getPending() == 0) {
                    return true;
                }
            }
            return false;
        });
    }

    private static int refusalCode(String id, String secret) {
        Throwable refused = catchThrowable(() -> connect(id, secret));
        assertThat(refused).isInstanceOf(MqttException.class);
        return ((MqttException) refused).getReasonCode();
    }

    private static MqttClient connect(String id, String secret) throws MqttException {
        return PahoDevices.connect("tcp://127.0.0.1:" + gateway.mqttPort(), id, secret);
    }

    /** A watch's first frame; returns its reply, or "" when the gateway closed without one. */
    private static String watchLogin(String id) throws IOException {
        try (Socket watch = new Socket("127.0.0.1", gateway.watchPort())) {
            watch.setSoTimeout(15_000);
            watch.getOutputStream().write(("[3G*" + id + "*0002*LK]").getBytes(StandardCharsets.US_ASCII));
            return WatchReplies.next(watch.getInputStream());
        }
    }

    private static Map<String, Double> scrape() throws IOException, InterruptedException {
        return PrometheusText.scrape(gateway);
    }
}
