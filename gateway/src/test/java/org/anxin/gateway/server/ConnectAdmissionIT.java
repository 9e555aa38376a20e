package org.anxin.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anxin.gateway.PahoDevices;
import org.anxin.gateway.TestRedis;
import org.anxin.gateway.Waits;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;

/**
 * Admission control on a real gateway, real Redis and real clients (Paho for MQTT 3.1.1, raw
 * sockets for MQTT 5, which Paho v3 does not speak), with a bound of one CONNECT waiting. To hold
 * that one CONNECT in its registry look-up, Redis is paused ({@code CLIENT PAUSE 4000 ALL}, shorter
 * than the gateway's 5 s socket timeout, so the look-up completes when the pause ends): every
 * CONNECT arriving meanwhile finds the bound taken and must be answered "server busy" at once — an
 * answer that arrives while Redis is still paused, so it cannot have come from a look-up. Retried
 * after the pause, every device gets in.
 */
class ConnectAdmissionIT {
    private static final String SECRET = "storm-secret";
    private static final String BUSY = "anxin_gateway_refused_total{protocol=\"mqtt\",reason=\"server_busy\"}";
    private static final String PENDING = "anxin_gateway_connects_pending";
    private static TestRedis redis;
    private static GatewayServer gateway;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        redis = TestRedis.start();
        gateway = GatewayServer.start(GatewayConfig.loopback(redis.url())
                .withNode("admission-node")
                .withAdmission(new MqttAdmission(true, 1, 256)));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        redis.close();
    }

    @BeforeEach
    void register() {
        for (int n = 1; n <= 20; n++) {
            redis.register("storm-" + n, "mqtt", SECRET);
        }
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable client : open) {
            client.close();
        }
        open.clear();
        Waits.until(() -> gateway.mqttConnections() == 0);
    }

    @Test
    void answersMqtt5ServerBusyWhileTheBoundIsTakenAndAdmitsTheRetry() throws Exception {
        double busyBefore = scrape().getOrDefault(BUSY, 0.0);
        pauseRedis();
        RawMqtt first = RawMqtt.send(gateway.mqttPort(), "storm-1", SECRET, 5);
        Waits.until(() -> scrapeQuietly().getOrDefault(PENDING, 0.0) == 1.0);

        RawMqtt second = RawMqtt.send(gateway.mqttPort(), "storm-2", SECRET, 5);
        int secondAnswer = second.connAckCode();
        boolean firstStillWaiting = first.nothingReadYet();

        assertThat(secondAnswer).isEqualTo(0x89); // MQTT 5 Server busy
        assertThat(second.closedByServer()).isTrue();
        assertThat(firstStillWaiting)
                .as("the busy answer came while the admitted CONNECT waited for Redis")
                .isTrue();
        assertThat(first.connAckCode()).isEqualTo(0x00); // its look-up finished once Redis resumed
        assertThat(scrape().get(BUSY) - busyBefore).isEqualTo(1.0);

        RawMqtt retry = RawMqtt.send(gateway.mqttPort(), "storm-2", SECRET, 5);
        assertThat(retry.connAckCode()).isEqualTo(0x00);
        open.add(first);
        open.add(retry);
        second.close();
        Waits.until(() -> gateway.mqttConnections() == 2);
    }

    @Test
    void answersMqtt311ServerUnavailableToPahoWhileTheBoundIsTakenAndAdmitsTheRetry() throws Exception {
        pauseRedis();
        RawMqtt first = RawMqtt.send(gateway.mqttPort(), "storm-3", SECRET, 4);
        Waits.until(() -> scrapeQuietly().getOrDefault(PENDING, 0.0) == 1.0);

        MqttException refused = catchThrowableOfType(
                MqttException.class,
                () -> PahoDevices.connect("tcp://127.0.0.1:" + gateway.mqttPort(), "storm-4", SECRET));

        assertThat(refused.getReasonCode()).isEqualTo((int) MqttException.REASON_CODE_BROKER_UNAVAILABLE); // 0x03
        assertThat(first.connAckCode()).isEqualTo(0x00);
        open.add(first);

        MqttClient retried = PahoDevices.connect("tcp://127.0.0.1:" + gateway.mqttPort(), "storm-4", SECRET);
        assertThat(retried.isConnected()).isTrue();
        open.add(() -> PahoDevices.disconnect(retried));
    }

    @Test
    void aBurstOverTheBoundIsAnsweredBusyAndEveryDeviceGetsInOnRetryNoneLeftOut() throws Exception {
        double busyBefore = scrape().getOrDefault(BUSY, 0.0);
        pauseRedis();
        RawMqtt held = RawMqtt.send(gateway.mqttPort(), "storm-5", SECRET, 5);
        Waits.until(() -> scrapeQuietly().getOrDefault(PENDING, 0.0) == 1.0);
        List<String> rest = new ArrayList<>();
        List<RawMqtt> burst = new ArrayList<>();
        for (int n = 6; n <= 20; n++) {
            rest.add("storm-" + n);
            burst.add(RawMqtt.send(gateway.mqttPort(), "storm-" + n, SECRET, n % 2 == 0 ? 5 : 4));
        }
        List<Integer> answers = new ArrayList<>();
        for (RawMqtt client : burst) {
            answers.add(client.connAckCode());
            client.close();
        }
        boolean heldStillWaiting = held.nothingReadYet();

        for (int i = 0; i < answers.size(); i++) {
            int n = i + 6;
            assertThat(answers.get(i)).as("storm-" + n).isEqualTo(n % 2 == 0 ? 0x89 : 0x03);
        }
        assertThat(heldStillWaiting).isTrue();
        assertThat(held.connAckCode()).isEqualTo(0x00);
        open.add(held);
        assertThat(scrape().get(BUSY) - busyBefore).isEqualTo(15.0);

        // each device retries until accepted, as devices do; none may be left out
        for (String id : rest) {
            RawMqtt accepted = null;
            for (int attempt = 0; attempt < 20 && accepted == null; attempt++) {
                RawMqtt client = RawMqtt.send(gateway.mqttPort(), id, SECRET, 5);
                if (client.connAckCode() == 0x00) {
                    accepted = client;
                } else {
                    client.close();
                    Thread.sleep(50L << Math.min(attempt, 5));
                }
            }
            assertThat(accepted).as(id + " got in").isNotNull();
            open.add(accepted);
        }
        Waits.until(() -> gateway.mqttConnections() == 16);
    }

    /** Every Redis client, the gateway's too, waits 4 s: shorter than the gateway's socket timeout. */
    private static void pauseRedis() {
        Object reply = redis.client().sendCommand(Protocol.Command.CLIENT, "PAUSE", "4000", "ALL");
        assertThat(reply).isNotNull();
    }

    private static Map<String, Double> scrapeQuietly() {
        try {
            return scrape();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Double> scrape() throws IOException, InterruptedException {
        return PrometheusText.scrape(gateway);
    }

    /** A device on a plain socket: one CONNECT (MQTT 3.1.1 or 5), then its CONNACK's code. */
    private static final class RawMqtt implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;

        private RawMqtt(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
        }

        static RawMqtt send(int port, String id, String secret, int version) throws IOException {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(connect(id, secret, version));
            out.flush();
            return new RawMqtt(socket);
        }

        /** Blocks for the CONNACK: its return (3.1.1) or reason (5) code. */
        int connAckCode() throws IOException {
            int type = in.read();
            assertThat(type).as("CONNACK packet type").isEqualTo(0x20);
            int remaining = in.read();
            byte[] body = in.readNBytes(remaining);
            assertThat(body.length).isEqualTo(remaining);
            return body[1] & 0xFF;
        }

        /** Nothing has arrived yet on this socket (checked without blocking). */
        boolean nothingReadYet() throws IOException {
            return in.available() == 0;
        }

        /** The server closed the socket after its answer. */
        boolean closedByServer() throws IOException {
            return in.read() == -1;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        private static byte[] connect(String id, String secret, int version) {
            byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
            byte[] password = secret.getBytes(StandardCharsets.UTF_8);
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes(new byte[] {0, 4, 'M', 'Q', 'T', 'T', (byte) version, (byte) 0xC2, 0, 60});
            if (version == 5) {
                body.write(0); // no properties
            }
            for (byte[] field : List.of(idBytes, idBytes, password)) {
                body.write(field.length >>> 8);
                body.write(field.length & 0xFF);
                body.writeBytes(field);
            }
            byte[] bytes = body.toByteArray();
            java.io.ByteArrayOutputStream packet = new java.io.ByteArrayOutputStream();
            packet.write(0x10);
            packet.write(bytes.length); // < 128 for these ids
            packet.writeBytes(bytes);
            return packet.toByteArray();
        }
    }
}
