package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * An SOS from a real MQTT button to the operator's live feed: Paho → gateway → Redis Streams →
 * platform → PostgreSQL → SSE, with every part real.
 */
class SosEndToEndIT {
    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    private Stack stack;

    @BeforeEach
    void system() {
        stack = STACK.stack();
    }

    @Test
    void sosFromAButtonReachesTheQueueAndTheLiveFeedOnce() throws Exception {
        String secret = stack.seniorWithButton("王秀英", "e2e-btn-1");
        String sos =
                "{\"type\":\"SOS\",\"ts\":\"2026-11-22T08:00:00Z\",\"lat\":30.2741,\"lon\":120.1551,\"battery\":80}";
        try (AlarmFeed feed = new AlarmFeed(stack.admin())) {
            feed.awaitConnected();
            MqttClient button = Devices.connect(stack.mqttPort(), "e2e-btn-1", secret);

            Devices.publish(button, "e2e-btn-1", sos); // returns when the PUBACK arrived
            Devices.publish(button, "e2e-btn-1", sos); // a QoS 1 redelivery of the same press

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !openAlarms("e2e-btn-1").isEmpty());
            await().atMost(Duration.ofSeconds(20)).until(() -> feed.alarms().stream()
                    .anyMatch(a -> "e2e-btn-1".equals(a.get("deviceId").asString())));
            Devices.publish(button, "e2e-btn-1", "{\"type\":\"HEARTBEAT\",\"battery\":79}");
            await().atMost(Duration.ofSeconds(20)).until(() -> stack.admin()
                    .get("/api/devices/e2e-btn-1/events")
                    .json()
                    .valueStream()
                    .anyMatch(e -> "HEARTBEAT".equals(e.get("type").asString())));
            Devices.close(button);
        }
        List<JsonNode> alarms = openAlarms("e2e-btn-1");
        assertThat(alarms).hasSize(1);
        JsonNode alarm = alarms.get(0);
        assertThat(alarm.get("type").asString()).isEqualTo("SOS");
        assertThat(alarm.get("seniorName").asString()).isEqualTo("王秀英");
        assertThat(alarm.get("raisedAt").asString()).isEqualTo("2026-11-22T08:00:00Z");
        assertThat(alarm.get("repeats").asInt()).isEqualTo(1);
        JsonNode device =
                stack.admin().get("/api/devices/e2e-btn-1").expect(200).json();
        assertThat(device.get("battery").asInt()).isEqualTo(79);
        assertThat(device.get("lat").asDouble()).isEqualTo(30.2741);
    }

    @Test
    void aWrongSecretIsRefusedAndRaisesNothing() {
        stack.seniorWithButton("李建华", "e2e-btn-2");

        assertThatThrownBy(() -> Devices.connect(stack.mqttPort(), "e2e-btn-2", "guessed-secret"))
                .isInstanceOf(MqttException.class)
                .extracting(e -> ((MqttException) e).getReasonCode())
                .isEqualTo((int) MqttException.REASON_CODE_NOT_AUTHORIZED);
        assertThat(openAlarms("e2e-btn-2")).isEmpty();
    }

    @Test
    void theDeviceShowsOnlineWhileConnected() throws Exception {
        String secret = stack.seniorWithButton("张桂兰", "e2e-btn-3");

        MqttClient button = Devices.connect(stack.mqttPort(), "e2e-btn-3", secret);
        await().atMost(Duration.ofSeconds(20)).until(() -> stack.admin()
                .get("/api/devices/e2e-btn-3")
                .json()
                .get("online")
                .asBoolean());
        Devices.close(button);

        await().atMost(Duration.ofSeconds(20)).until(() -> !stack.admin()
                .get("/api/devices/e2e-btn-3")
                .json()
                .get("online")
                .asBoolean());
    }

    @Test
    void aWatchAlarmOverTcpIsAnsweredAndRaisesAnAlarm() throws Exception {
        long senior = stack.admin()
                .post("/api/seniors", java.util.Map.of("name", "赵德明", "lat", 22.53, "lon", 113.93))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        stack.admin()
                .post("/api/devices", java.util.Map.of("id", "8308373902", "protocol", "watch", "seniorId", senior))
                .expect(201);
        // a fall alarm from a "3G" watch (frame from Traccar's public test corpus for this protocol)
        String frame = "[3G*8308373902*0080*AL,230817,095346,A,47.083950,N,15.4821850,E,7.60,273.8,0.0,4,15,44,0,0,"
                + "00200010,2,255,232,1,7605,42530,118,7605,58036,119,0,65.8]";

        String reply;
        try (java.net.Socket watch = new java.net.Socket("127.0.0.1", stack.watchPort())) {
            watch.setSoTimeout(15_000);
            watch.getOutputStream().write(frame.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] buffer = new byte[64];
            int n = watch.getInputStream().read(buffer);
            reply = new String(buffer, 0, Math.max(n, 0), java.nio.charset.StandardCharsets.US_ASCII);
        }

        assertThat(reply).isEqualTo("[3G*8308373902*0002*AL]");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !openAlarms("8308373902").isEmpty());
        JsonNode alarm = openAlarms("8308373902").get(0);
        assertThat(alarm.get("type").asString()).isEqualTo("FALL");
        assertThat(alarm.get("lat").asDouble()).isEqualTo(47.08395);
        assertThat(alarm.get("raisedAt").asString()).isEqualTo("2017-08-23T09:53:46Z");
    }

    @Test
    void aGt06SosOverTcpIsAcknowledgedAndRaisesAnAlarm() throws Exception {
        long senior = stack.admin()
                .post("/api/seniors", java.util.Map.of("name", "钱桂芳", "lat", 23.11, "lon", 114.41))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        stack.admin()
                .post("/api/devices", java.util.Map.of("id", "123456789012345", "protocol", "gt06", "seniorId", senior))
                .expect(201);
        java.util.HexFormat hex = java.util.HexFormat.of();
        String loginAck;
        String alarmAck;
        // login and SOS alarm packets from the GT06 protocol manual
        try (java.net.Socket tracker = new java.net.Socket("127.0.0.1", stack.gt06Port())) {
            tracker.setSoTimeout(15_000);
            tracker.getOutputStream().write(hex.parseHex("78780d01012345678901234500018cdd0d0a"));
            loginAck = hex.formatHex(tracker.getInputStream().readNBytes(10));
            tracker.getOutputStream()
                    .write(hex.parseHex(
                            "787825160b0b0f0e241dcf027ac8870c4657e60014020901cc00287d001f726506040101003656a40d0a"));
            alarmAck = hex.formatHex(tracker.getInputStream().readNBytes(10));
        }

        assertThat(loginAck).isEqualTo("787805010001d9dc0d0a");
        assertThat(alarmAck).isEqualTo("78780516003695700d0a");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !openAlarms("123456789012345").isEmpty());
        assertThat(openAlarms("123456789012345").get(0).get("type").asString()).isEqualTo("SOS");
    }

    private List<JsonNode> openAlarms(String deviceId) {
        return stack.admin()
                .get("/api/alarms?status=OPEN")
                .expect(200)
                .json()
                .valueStream()
                .filter(a -> deviceId.equals(a.get("deviceId").asString()))
                .toList();
    }
}
