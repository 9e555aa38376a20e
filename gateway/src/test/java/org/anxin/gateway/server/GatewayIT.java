package org.anxin.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.anxin.gateway.TestRedis;
import org.anxin.gateway.forward.EventStreams;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/** The gateway on a real socket, real Paho clients, a real Redis. */
class GatewayIT {
    private static TestRedis redis;
    private static GatewayServer gateway;

    @BeforeAll
    static void start() throws Exception {
        redis = TestRedis.start();
        gateway = GatewayServer.start(GatewayConfig.loopback(redis.url()).withNode("it-node"));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        redis.close();
    }

    @BeforeEach
    void clean() {
        // a test restarts Redis: the first command on a stale pooled connection may fail once
        for (int attempt = 1; ; attempt++) {
            try {
                redis.client().flushAll();
                return;
            } catch (redis.clients.jedis.exceptions.JedisConnectionException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @Test
    void storesAQos1SosBeforeThePubackReachesTheDevice() throws Exception {
        redis.register("btn-0101", "mqtt", "secret-0101");
        MqttClient device = connect("btn-0101", "secret-0101");

        publish(
                device,
                "btn-0101",
                "{\"type\":\"SOS\",\"ts\":\"2026-11-22T08:00:00Z\",\"lat\":41.55,\"lon\":121.24,\"battery\":80}");

        // publish() returned: Paho got the PUBACK, so the entry must already be in Redis
        List<StreamEntry> sos = entries("btn-0101", "SOS");
        assertThat(sos).hasSize(1);
        assertThat(sos.get(0).getFields())
                .containsEntry("deviceTime", "2026-11-22T08:00:00Z")
                .containsEntry("lat", "41.55")
                .containsEntry("lon", "121.24")
                .containsEntry("battery", "80")
                .containsEntry("protocol", "mqtt")
                .containsEntry("gatewayNode", "it-node");
        disconnect(device);
    }

    @Test
    void refusesAWrongPasswordAsNotAuthorized() {
        redis.register("btn-0102", "mqtt", "right");

        assertThatThrownBy(() -> connect("btn-0102", "wrong"))
                .isInstanceOf(MqttException.class)
                .extracting(e -> ((MqttException) e).getReasonCode())
                .isEqualTo((int) MqttException.REASON_CODE_NOT_AUTHORIZED);
    }

    @Test
    void refusesAnUnregisteredDevice() {
        assertThatThrownBy(() -> connect("stranger", "anything"))
                .isInstanceOf(MqttException.class)
                .extracting(e -> ((MqttException) e).getReasonCode())
                .isEqualTo((int) MqttException.REASON_CODE_NOT_AUTHORIZED);
    }

    @Test
    void keepsOneDevicesEventsInOrder() throws Exception {
        redis.register("btn-0103", "mqtt", "secret-0103");
        MqttClient device = connect("btn-0103", "secret-0103");

        for (int i = 0; i < 50; i++) {
            publish(device, "btn-0103", "{\"type\":\"LOCATION\",\"lat\":41.5,\"lon\":" + longitude(i) + "}");
        }

        List<String> longitudes = entries("btn-0103", "LOCATION").stream()
                .map(e -> e.getFields().get("lon"))
                .toList();
        assertThat(longitudes).hasSize(50);
        for (int i = 0; i < 50; i++) {
            assertThat(longitudes.get(i)).isEqualTo(longitude(i));
        }
        disconnect(device);
    }

    @Test
    void marksTheDeviceOnlineThenOffline() throws Exception {
        redis.register("btn-0104", "mqtt", "secret-0104");
        MqttClient device = connect("btn-0104", "secret-0104");
        await(() -> "it-node".equals(redis.client().get("anxin:session:btn-0104")));
        await(() -> !entries("btn-0104", "ONLINE").isEmpty());

        disconnect(device);

        await(() -> !redis.client().exists("anxin:session:btn-0104"));
        await(() -> !entries("btn-0104", "OFFLINE").isEmpty());
    }

    @Test
    void aReconnectTakesOverTheOlderConnection() throws Exception {
        redis.register("btn-0105", "mqtt", "secret-0105");
        MqttClient first = connect("btn-0105", "secret-0105");

        MqttClient second = connect("btn-0105", "secret-0105");

        await(() -> !first.isConnected());
        assertThat(second.isConnected()).isTrue();
        await(() -> "it-node".equals(redis.client().get("anxin:session:btn-0105")));
        publish(second, "btn-0105", "{\"type\":\"SOS\"}");
        assertThat(entries("btn-0105", "SOS")).hasSize(1);
        disconnect(second);
        first.close();
    }

    @Test
    void sendsNoPubackWhileRedisIsDown() throws Exception {
        redis.register("btn-0106", "mqtt", "secret-0106");
        MqttClient device = connect("btn-0106", "secret-0106");
        redis.stopServer();
        try {
            MqttMessage message = new MqttMessage("{\"type\":\"SOS\"}".getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            IMqttDeliveryToken token =
                    device.getTopic("anxin/v1/devices/btn-0106/events").publish(message);

            // the gateway retries for up to 10 s, then drops the connection without an ack
            token.waitForCompletion(3_000);
            assertThat(token.isComplete()).isFalse();
        } catch (MqttException e) {
            assertThat(e.getReasonCode()).isIn((int) MqttException.REASON_CODE_CLIENT_TIMEOUT, (int)
                    MqttException.REASON_CODE_CONNECTION_LOST);
        } finally {
            redis.startServer();
            if (device.isConnected()) {
                device.disconnectForcibly(100, 100);
            }
            device.close(true);
        }
    }

    private static String longitude(int i) {
        return "121." + (1000 + i) + "1";
    }

    private static MqttClient connect(String id, String secret) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + gateway.mqttPort(), id, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(id);
        options.setPassword(secret.toCharArray());
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        client.setTimeToWait(15_000);
        client.connect(options);
        return client;
    }

    private static void publish(MqttClient client, String id, String json) throws MqttException {
        MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish("anxin/v1/devices/" + id + "/events", message);
    }

    private static void disconnect(MqttClient client) throws MqttException {
        client.disconnect(5_000);
        client.close();
    }

    private static List<StreamEntry> entries(String deviceId, String type) {
        return redis
                .client()
                .xrange(new EventStreams(8).keyOf(deviceId), (StreamEntryID) null, (StreamEntryID) null)
                .stream()
                .filter(e -> deviceId.equals(e.getFields().get("deviceId"))
                        && type.equals(e.getFields().get("type")))
                .toList();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 15 s");
            }
            Thread.sleep(20);
        }
    }
}
