package org.anxin.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.anxin.gateway.LeakCheck;
import org.anxin.gateway.PahoDevices;
import org.anxin.gateway.TestRedis;
import org.anxin.gateway.command.CommandConsumer;
import org.anxin.gateway.command.CommandResults;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * MQTT over WebSocket on a real socket: real Paho clients on {@code ws://} URIs, a real Redis, the
 * JDK's WebSocket client for what Paho will not send. The same rules as the TCP listener (GatewayIT).
 */
@ExtendWith(LeakCheck.class)
class GatewayWebSocketIT {
    private static TestRedis redis;
    private static GatewayServer gateway;

    @BeforeAll
    static void start() throws Exception {
        redis = TestRedis.start();
        gateway = GatewayServer.start(
                GatewayConfig.loopback(redis.url()).withNode("ws-node"), MqttWebSocketConfig.onFreePort());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        redis.close();
    }

    @BeforeEach
    void clean() {
        // a test restarts Redis: the first command on a stale pooled connection may fail
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> "OK"
                .equals(redis.client().flushAll()));
    }

    @Test
    void refusesAWrongSecretAsNotAuthorized() {
        redis.register("app-0201", "app", "right");

        assertThatThrownBy(() -> connect("app-0201", "wrong"))
                .isInstanceOf(MqttException.class)
                .extracting(e -> ((MqttException) e).getReasonCode())
                .isEqualTo((int) MqttException.REASON_CODE_NOT_AUTHORIZED);
    }

    @Test
    void storesAQos1SosBeforeThePubackReachesThePhone() throws Exception {
        redis.register("app-0202", "app", "secret-0202");
        MqttClient phone = connect("app-0202", "secret-0202");

        publish(phone, "app-0202", "{\"type\":\"SOS\",\"ts\":\"2026-12-04T08:00:00Z\",\"lat\":41.55,\"lon\":121.24}");

        // publish() returned: Paho got the PUBACK, so the entry must already be in Redis
        List<StreamEntry> sos = entries("app-0202", "SOS");
        assertThat(sos).hasSize(1);
        assertThat(sos.get(0).getFields())
                .containsEntry("deviceTime", "2026-12-04T08:00:00Z")
                .containsEntry("lat", "41.55")
                .containsEntry("protocol", "mqtt")
                .containsEntry("gatewayNode", "ws-node");
        disconnect(phone);
    }

    @Test
    void sendsNoPubackWhileRedisIsDown() throws Exception {
        redis.register("app-0203", "app", "secret-0203");
        MqttClient phone = connect("app-0203", "secret-0203");
        redis.stopServer();
        try {
            MqttMessage message = new MqttMessage("{\"type\":\"SOS\"}".getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            var token = phone.getTopic("anxin/v1/devices/app-0203/events").publish(message);

            token.waitForCompletion(3_000);
            assertThat(token.isComplete()).isFalse();
        } catch (MqttException e) {
            assertThat(e.getReasonCode()).isIn((int) MqttException.REASON_CODE_CLIENT_TIMEOUT, (int)
                    MqttException.REASON_CODE_CONNECTION_LOST);
        } finally {
            redis.startServer();
            if (phone.isConnected()) {
                phone.disconnectForcibly(100, 100);
            }
            phone.close(true);
        }
    }

    @Test
    void keepsTheTopicRulesOfTheTcpListener() throws Exception {
        redis.register("app-0204", "app", "secret-0204");
        MqttClient phone = connect("app-0204", "secret-0204");

        int[] granted = phone.subscribeWithResponse(
                        new String[] {"anxin/v1/devices/app-0204/commands", "anxin/v1/devices/other/commands"})
                .getGrantedQos();

        assertThat(granted).containsExactly(1, 0x80);
        disconnect(phone);
    }

    @Test
    void deliversACommandToAnAppDeviceAndReportsItsAck() throws Exception {
        redis.register("app-0205", "app", "secret-0205");
        MqttClient phone = connect("app-0205", "secret-0205");
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        phone.subscribe(
                "anxin/v1/devices/app-0205/commands",
                1,
                (topic, message) -> received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));

        redis.client()
                .xadd(
                        CommandConsumer.streamOf("ws-node"),
                        StreamEntryID.NEW_ENTRY,
                        Map.of("commandId", "77", "deviceId", "app-0205", "protocol", "app", "type", "HELP_COMING"));

        assertThat(received.poll(15, TimeUnit.SECONDS)).isEqualTo("{\"commandId\":77,\"type\":\"HELP_COMING\"}");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        redis
                                .client()
                                .xrange(CommandResults.STREAM, (StreamEntryID) null, (StreamEntryID) null)
                                .stream()
                                .map(e -> e.getFields().get("status")))
                .contains("DELIVERED"));
        disconnect(phone);
    }

    @Test
    void closesAConnectionThatSendsATextFrame() throws Exception {
        ClosedWith closed = new ClosedWith();
        WebSocket socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .subprotocols("mqtt")
                .buildAsync(wsUri(), closed)
                .get(10, TimeUnit.SECONDS);
        assertThat(socket.getSubprotocol()).isEqualTo("mqtt");

        socket.sendText("{\"type\":\"SOS\"}", true);

        assertThat(closed.code.get(15, TimeUnit.SECONDS)).isEqualTo(1003);
    }

    @Test
    void answersAnyOtherPathWithNotFound() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.mqttWsPort() + "/other"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private static final class ClosedWith implements WebSocket.Listener {
        final CompletableFuture<Integer> code = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            code.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            code.completeExceptionally(error);
        }
    }

    private static URI wsUri() {
        return URI.create("ws://127.0.0.1:" + gateway.mqttWsPort() + "/mqtt");
    }

    private static MqttClient connect(String id, String secret) throws MqttException {
        return PahoDevices.connect(wsUri().toString(), id, secret);
    }

    private static void publish(MqttClient client, String id, String json) throws MqttException {
        PahoDevices.publish(client, id, json);
    }

    private static void disconnect(MqttClient client) throws MqttException {
        PahoDevices.disconnect(client);
    }

    private static List<StreamEntry> entries(String deviceId, String type) {
        return PahoDevices.entries(redis, deviceId, type);
    }
}
