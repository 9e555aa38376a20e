package org.anxin.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import org.anxin.gateway.LeakCheck;
import org.anxin.gateway.StoredEvents;
import org.anxin.gateway.TestKeystore;
import org.anxin.gateway.TestRedis;
import org.anxin.gateway.device.EventType;
import org.anxin.gateway.forward.EventStreams;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.resps.StreamEntry;

/**
 * MQTT over TLS: a gateway with a keystore made by the JDK's keytool, real Paho clients over
 * {@code ssl://}, a real Redis. The TLS port must behave exactly as the plain one once the
 * handshake is done, and refuse everything that is not TLS.
 */
@ExtendWith(LeakCheck.class)
class GatewayTlsIT {
    private static final String KEYSTORE_PASSWORD = "keystore-pw-2026";
    private static final String DEVICE = "btn-0201";
    private static final String SECRET = "s3cret";

    @TempDir
    static Path dir;

    private static TestRedis redis;
    private static Path keystore;
    private static GatewayServer gateway;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        redis = TestRedis.start();
        keystore = TestKeystore.generate(dir, KEYSTORE_PASSWORD);
        gateway = GatewayServer.start(
                GatewayConfig.loopback(redis.url()).withNode("tls-node").withTls(keystore, KEYSTORE_PASSWORD, 0));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        redis.close();
    }

    @BeforeEach
    void clean() {
        redis.client().flushAll();
        redis.register(DEVICE, "mqtt", SECRET);
        logs.start();
        gatewayLogger().addAppender(logs);
    }

    @AfterEach
    void detachLogs() {
        gatewayLogger().detachAppender(logs);
    }

    @Test
    void servesTlsOnItsOwnPort() {
        assertThat(gateway.mqttTlsPort()).isPositive().isNotEqualTo(gateway.mqttPort());
    }

    @Test
    void storesAQos1SosSentOverTlsBeforeThePuback() throws Exception {
        MqttClient device = connect(DEVICE, SECRET, TestKeystore.trusting(keystore, KEYSTORE_PASSWORD));

        publish(
                device,
                "{\"type\":\"SOS\",\"ts\":\"2026-11-22T08:00:00Z\",\"lat\":41.55,\"lon\":121.24,\"battery\":80}");

        // publish() returned: Paho got the PUBACK, so the entry must already be in Redis
        List<StreamEntry> sos = entries(DEVICE, "SOS");
        assertThat(sos).hasSize(1);
        assertThat(sos.get(0).getFields())
                .containsEntry("deviceTime", "2026-11-22T08:00:00Z")
                .containsEntry("lat", "41.55")
                .containsEntry("lon", "121.24")
                .containsEntry("battery", "80")
                .containsEntry("protocol", "mqtt")
                .containsEntry("gatewayNode", "tls-node");
        device.disconnect(5_000);
        device.close();
    }

    @Test
    void refusesAWrongSecretOverTlsAsOnThePlainPort() throws Exception {
        SSLSocketFactory trusting = TestKeystore.trusting(keystore, KEYSTORE_PASSWORD);

        assertThatThrownBy(() -> connect(DEVICE, "wrong", trusting))
                .isInstanceOf(MqttException.class)
                .extracting(e -> ((MqttException) e).getReasonCode())
                .isEqualTo((int) MqttException.REASON_CODE_NOT_AUTHORIZED);
    }

    @Test
    void aTlsConnectionTakesOverThePlainConnectionOfTheSameDevice() throws Exception {
        // one MqttContext behind both ports: the device is one session, whichever port it used
        MqttClient plain = connect("tcp://127.0.0.1:" + gateway.mqttPort(), DEVICE, SECRET, null);

        MqttClient tls = connect(DEVICE, SECRET, TestKeystore.trusting(keystore, KEYSTORE_PASSWORD));

        await(() -> !plain.isConnected());
        assertThat(tls.isConnected()).isTrue();
        await(() -> "tls-node".equals(redis.client().get("anxin:session:" + DEVICE)));
        tls.disconnect(5_000);
        tls.close();
        plain.close();
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateCannotConnect() throws Exception {
        // the JDK's own trust store: a CA-signed world in which this self-signed certificate is nobody
        assertThatThrownBy(() -> connect(DEVICE, SECRET, (SSLSocketFactory) SSLSocketFactory.getDefault()))
                .isInstanceOf(MqttException.class)
                .hasCauseInstanceOf(SSLHandshakeException.class)
                .rootCause()
                .hasMessageContaining("unable to find valid certification path");
        assertThat(redis.client().exists("anxin:session:" + DEVICE)).isFalse();
        assertThat(entries(DEVICE, "ONLINE")).isEmpty();
    }

    @Test
    void closesAPlainMqttConnectOnTheTlsPortWithoutAConnackAndWithOneLogLine() throws Exception {
        byte[] reply;
        int clientPort;
        try (Socket socket = new Socket("127.0.0.1", gateway.mqttTlsPort())) {
            socket.setSoTimeout(15_000);
            clientPort = socket.getLocalPort();
            // CONNECT, MQTT 3.1.1, clean session, keep-alive 60, client id = username = btn-0201, password s3cret
            OutputStream out = socket.getOutputStream();
            out.write(HexFormat.of()
                    .parseHex("102600044d5154540404c2003c0008" + hex(DEVICE) + "0008" + hex(DEVICE) + "0006"
                            + hex(SECRET)));
            out.flush();
            // read to the end: a timeout here means the gateway kept the connection open
            reply = readToEnd(socket.getInputStream());
        }

        // whatever came back (at most a TLS alert), it is no CONNACK (0x20)
        assertThat(reply.length == 0 || reply[0] != 0x20)
                .as("no CONNACK, got %s", HexFormat.of().formatHex(reply))
                .isTrue();
        assertThat(redis.client().exists("anxin:session:" + DEVICE)).isFalse();
        assertThat(entries(DEVICE, "ONLINE")).isEmpty();
        assertThat(gateway.mqttConnections()).isZero();
        String connection = "127.0.0.1:" + clientPort;
        await(() -> !linesAbout(connection).isEmpty());
        List<ILoggingEvent> lines = linesAbout(connection);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).getLevel()).isEqualTo(Level.WARN);
        assertThat(lines.get(0).getFormattedMessage())
                .contains("TLS handshake", "not a TLS record")
                .doesNotContain(SECRET)
                .doesNotContain(hex(SECRET));
    }

    @Test
    void refusesToStartWithAWrongKeystorePassword() {
        GatewayConfig config = GatewayConfig.loopback(redis.url()).withTls(keystore, "not-the-password", 0);

        assertThatThrownBy(() -> GatewayServer.start(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ANXIN_TLS_KEYSTORE " + keystore + " cannot be read: ")
                .extracting(Throwable::getMessage, InstanceOfAssertFactories.STRING)
                .doesNotContain("not-the-password");
    }

    private List<ILoggingEvent> linesAbout(String connection) {
        synchronized (logs.list) {
            return logs.list.stream()
                    .filter(e -> e.getFormattedMessage().contains(connection))
                    .toList();
        }
    }

    private static Logger gatewayLogger() {
        return (Logger) LoggerFactory.getLogger("org.anxin.gateway");
    }

    private static MqttClient connect(String id, String secret, SSLSocketFactory tls) throws MqttException {
        return connect("ssl://127.0.0.1:" + gateway.mqttTlsPort(), id, secret, tls);
    }

    private static MqttClient connect(String uri, String id, String secret, SSLSocketFactory tls) throws MqttException {
        MqttClient client = new MqttClient(uri, id, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(id);
        options.setPassword(secret.toCharArray());
        options.setAutomaticReconnect(false);
        // one CONNECT per call: by default Paho retries a refused 3.1.1 CONNECT as MQTT 3.1
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setConnectionTimeout(10);
        if (tls != null) {
            options.setSocketFactory(tls);
        }
        client.setTimeToWait(15_000);
        try {
            client.connect(options);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return client;
    }

    private static void publish(MqttClient client, String json) throws MqttException {
        MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish("anxin/v1/devices/" + DEVICE + "/events", message);
    }

    private static List<StreamEntry> entries(String deviceId, String type) {
        return StoredEvents.in(redis.client(), new EventStreams(8).keyOf(deviceId, EventType.valueOf(type))).stream()
                .filter(e -> deviceId.equals(e.getFields().get("deviceId"))
                        && type.equals(e.getFields().get("type")))
                .toList();
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }

    private static String hex(String ascii) {
        return HexFormat.of().formatHex(ascii.getBytes(StandardCharsets.US_ASCII));
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
