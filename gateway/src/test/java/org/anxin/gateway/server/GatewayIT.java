package org.anxin.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.anxin.gateway.PahoDevices;
import org.anxin.gateway.TestRedis;
import org.anxin.gateway.WatchReplies;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.resps.StreamEntry;

/** The gateway on a real socket, real Paho clients, a real Redis. */
class GatewayIT {
    private static final String CONNECTIONS_MQTT = "anxin_gateway_connections{protocol=\"mqtt\"}";
    private static final String CONNECTIONS_WATCH = "anxin_gateway_connections{protocol=\"watch\"}";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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

    @Test
    void countsConnectionsFramesEventsAndDecodeErrorsOnTheMetricsEndpoint() throws Exception {
        redis.register("btn-0107", "mqtt", "secret-0107");
        redis.register("8800000107", "watch", "unused");
        // connections of earlier tests close asynchronously; start from none
        await(() -> sample(scrape(), CONNECTIONS_MQTT) == 0 && sample(scrape(), CONNECTIONS_WATCH) == 0);
        Map<String, Double> before = scrape();

        MqttClient device = connect("btn-0107", "secret-0107");
        publish(device, "btn-0107", "{\"type\":\"SOS\"}");
        publish(device, "btn-0107", "{\"type\":\"LOCATION\",\"lat\":41.5,\"lon\":121.2}");
        try (Socket watch = new Socket("127.0.0.1", gateway.watchPort())) {
            watch.setSoTimeout(15_000);
            send(watch, "[3G*8800000107*0002*LK]");
            assertThat(reply(watch)).isEqualTo("[3G*8800000107*0002*LK]");
            // an SOS without a fix, from Traccar's test corpus, with this watch's id
            send(
                    watch,
                    "[3G*8800000107*00C0*AL,271219,094744,V,00.000000,N, 0.0000000,E,0.00,0.0,0.0,0,100,81,0,0,"
                            + "00010000,7,0,460,0,9336,3981,141,9336,3912,141,9336,3982,140]");
            assertThat(reply(watch)).isEqualTo("[3G*8800000107*0002*AL]"); // sent once Redis has the SOS
            try (Socket garbage = new Socket("127.0.0.1", gateway.watchPort())) {
                garbage.setSoTimeout(15_000);
                send(garbage, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(garbage.getInputStream().read())
                        .as("closed on garbage")
                        .isEqualTo(-1);
            }

            HttpResponse<String> response = get("/metrics");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValue("text/plain; version=0.0.4; charset=utf-8");
            Map<String, Double> after = PrometheusText.parse(response.body());

            assertThat(sample(after, CONNECTIONS_MQTT)).isEqualTo(1.0);
            assertThat(sample(after, CONNECTIONS_WATCH)).isEqualTo(1.0);
            assertThat(sample(after, "anxin_gateway_connections{protocol=\"gt06\"}"))
                    .isZero();
            // CONNECT and two PUBLISH; an LK and an AL; the garbage is no frame
            assertThat(increase(before, after, "anxin_gateway_frames_received_total{protocol=\"mqtt\"}"))
                    .isEqualTo(3.0);
            assertThat(increase(before, after, "anxin_gateway_frames_received_total{protocol=\"watch\"}"))
                    .isEqualTo(2.0);
            assertThat(increase(before, after, "anxin_gateway_decode_errors_total{protocol=\"watch\"}"))
                    .isEqualTo(1.0);
            assertThat(increase(before, after, "anxin_gateway_decode_errors_total{protocol=\"mqtt\"}"))
                    .isZero();
            assertThat(increase(before, after, events("mqtt", "ONLINE"))).isEqualTo(1.0);
            assertThat(increase(before, after, events("mqtt", "SOS"))).isEqualTo(1.0);
            assertThat(increase(before, after, events("mqtt", "LOCATION"))).isEqualTo(1.0);
            assertThat(increase(before, after, events("watch", "ONLINE"))).isEqualTo(1.0);
            assertThat(increase(before, after, events("watch", "HEARTBEAT"))).isEqualTo(1.0);
            assertThat(increase(before, after, events("watch", "SOS"))).isEqualTo(1.0);
            // the six events above were all acked or answered, so all six got their Redis reply;
            // a failed hand-off of an earlier test may still be reported meanwhile, hence "at least"
            assertThat(increase(before, after, "anxin_gateway_handoff_seconds_count"))
                    .isGreaterThanOrEqualTo(6.0);
            assertThat(after)
                    .containsKey("anxin_gateway_handoff_seconds_bucket{le=\"+Inf\"}")
                    .containsKey("anxin_gateway_handoff_failures_total")
                    .containsKey("anxin_gateway_handoff_queue");
            assertThat(after.keySet()).anyMatch(series -> series.startsWith("jvm_memory_used_bytes{"));
        }
        disconnect(device);

        await(() -> sample(scrape(), CONNECTIONS_MQTT) == 0 && sample(scrape(), CONNECTIONS_WATCH) == 0);
    }

    @Test
    void countsARefusedDeviceByReason() throws Exception {
        String unregistered = "anxin_gateway_refused_total{protocol=\"mqtt\",reason=\"unregistered\"}";
        String badCredentials = "anxin_gateway_refused_total{protocol=\"mqtt\",reason=\"bad_credentials\"}";
        redis.register("btn-0108", "mqtt", "right");
        Map<String, Double> before = scrape();

        assertThatThrownBy(() -> connect("stranger-0108", "anything")).isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> connect("btn-0108", "wrong")).isInstanceOf(MqttException.class);

        Map<String, Double> after = scrape();
        assertThat(increase(before, after, unregistered)).isEqualTo(1.0);
        assertThat(increase(before, after, badCredentials)).isEqualTo(1.0);
    }

    @Test
    void servesOnlyGetMetrics() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(get("/metrics/x").statusCode()).isEqualTo(404);
        HttpResponse<String> post = HTTP.send(
                HttpRequest.newBuilder(metricsUri("/metrics"))
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
    }

    private static URI metricsUri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.metricsPort() + path);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(metricsUri(path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Double> scrape() {
        try {
            HttpResponse<String> response = get("/metrics");
            assertThat(response.statusCode()).isEqualTo(200);
            return PrometheusText.parse(response.body());
        } catch (IOException e) {
            throw new AssertionError("scrape failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("scrape interrupted", e);
        }
    }

    private static double sample(Map<String, Double> samples, String series) {
        assertThat(samples).as("series %s in the scrape", series).containsKey(series);
        return samples.get(series);
    }

    /** A counter's increase between two scrapes; a series not yet created counts as 0. */
    private static double increase(Map<String, Double> before, Map<String, Double> after, String series) {
        return sample(after, series) - before.getOrDefault(series, 0.0);
    }

    private static String events(String protocol, String type) {
        return "anxin_gateway_events_total{protocol=\"" + protocol + "\",type=\"" + type + "\"}";
    }

    private static void send(Socket socket, String frame) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(frame.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one watch reply, up to its closing bracket. */
    private static String reply(Socket socket) throws IOException {
        String text = WatchReplies.next(socket.getInputStream());
        if (!text.endsWith("]")) {
            throw new AssertionError("connection closed after " + text);
        }
        return text;
    }

    private static String longitude(int i) {
        return "121." + (1000 + i) + "1";
    }

    private static MqttClient connect(String id, String secret) throws MqttException {
        return PahoDevices.connect("tcp://127.0.0.1:" + gateway.mqttPort(), id, secret);
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
