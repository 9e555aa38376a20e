package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Downlink commands through the whole system: REST → PostgreSQL → Redis → the gateway node that
 * holds the device → a real Paho client or a real watch socket, and the device's answer back to
 * the command's status.
 */
class DeviceCommandsIT {
    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    private Stack stack;

    @BeforeEach
    void system() {
        stack = STACK.stack();
    }

    @Test
    void anOnlineButtonGetsALocateCommandAndItsPubackMarksItDelivered() throws Exception {
        String secret = stack.seniorWithButton("赵桂芝", "e2e-btn-cmd");
        MqttClient button = Devices.connect(stack.mqttPort(), "e2e-btn-cmd", secret);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        button.subscribe(
                "anxin/v1/devices/e2e-btn-cmd/commands",
                1,
                (topic, message) -> received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));

        JsonNode created = stack.admin()
                .post("/api/devices/e2e-btn-cmd/commands", Map.of("type", "LOCATE"))
                .expect(202)
                .json();
        long id = created.get("id").asLong();

        String payload = received.poll(20, TimeUnit.SECONDS);
        assertThat(payload).isEqualTo("{\"commandId\":" + id + ",\"type\":\"LOCATE\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(status("e2e-btn-cmd", id)));
        JsonNode delivered =
                stack.admin().get("/api/devices/e2e-btn-cmd/commands/" + id).json();
        assertThat(delivered.get("createdBy").asString()).isEqualTo("admin");
        assertThat(delivered.get("deliveredAt").isNull()).isFalse();
        Devices.close(button);
    }

    @Test
    void aCommandForAnOfflineWatchWaitsAndGoesOutWhenItConnects() throws Exception {
        long senior = stack.admin()
                .post("/api/seniors", Map.of("name", "钱淑珍", "lat", 30.28, "lon", 120.15))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        stack.admin()
                .post("/api/devices", Map.of("id", "3707805539", "protocol", "watch", "seniorId", senior))
                .expect(201);

        long id = stack.admin()
                .post(
                        "/api/devices/3707805539/commands",
                        Map.of("type", "UPLOAD_INTERVAL", "params", Map.of("seconds", 600)))
                .expect(202)
                .json()
                .get("id")
                .asLong();
        assertThat(status("3707805539", id)).isEqualTo("QUEUED");

        try (Socket watch = new Socket("127.0.0.1", stack.watchPort())) {
            watch.setSoTimeout(20_000);
            watch.getOutputStream().write("[3G*3707805539*0002*LK]".getBytes(StandardCharsets.US_ASCII));
            assertThat(readFrame(watch.getInputStream())).isEqualTo("[3G*3707805539*0002*LK]");
            assertThat(readFrame(watch.getInputStream())).isEqualTo("[3G*3707805539*000a*UPLOAD,600]");
            await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status("3707805539", id)));
            watch.getOutputStream().write("[3G*3707805539*0006*UPLOAD]".getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(status("3707805539", id)));
        }
    }

    @Test
    void aConnectedWatchGetsTheMedicationReminderAheadAndItsAnswerIsTheAcknowledgement() throws Exception {
        long senior = stack.admin()
                .post("/api/seniors", Map.of("name", "严桂珍", "phone", "13512340099", "lat", 30.28, "lon", 120.15))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        stack.admin()
                .post("/api/devices", Map.of("id", "3707805540", "protocol", "watch", "seniorId", senior))
                .expect(201);
        try (Socket watch = new Socket("127.0.0.1", stack.watchPort())) {
            watch.setSoTimeout(30_000);
            watch.getOutputStream().write("[3G*3707805540*0002*LK]".getBytes(StandardCharsets.US_ASCII));
            assertThat(readFrame(watch.getInputStream())).isEqualTo("[3G*3707805540*0002*LK]");
            // a dose two to three minutes ahead on the city's clock: within the watch's 5-minute lead
            String at = java.time.LocalTime.now(java.time.ZoneId.of("Asia/Shanghai"))
                    .plusMinutes(3)
                    .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                    .toString();
            stack.admin()
                    .put(
                            "/api/seniors/" + senior,
                            Map.of("medicines", List.of(Map.of("name", "硝苯地平", "times", List.of(at)))))
                    .expect(200);

            assertThat(readFrame(watch.getInputStream())).isEqualTo("[3G*3707805540*0010*REMIND," + at + "-1-1]");
            watch.getOutputStream().write("[3G*3707805540*0006*REMIND]".getBytes(StandardCharsets.US_ASCII));

            JsonNode reminder = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> stack.admin()
                                    .get("/api/medication-reminders?seniorId=" + senior)
                                    .json()
                                    .get(0),
                            r -> r != null && !r.get("acknowledgedAt").isNull());
            assertThat(reminder.get("channel").asString()).isEqualTo("WATCH");
            assertThat(reminder.get("commandStatus").asString()).isEqualTo("DELIVERED");
            assertThat(reminder.get("medicine").asString()).isEqualTo("硝苯地平");
        }
    }

    @Test
    void badCommandsAreRefusedAndChangeNothing() {
        stack.seniorWithButton("孙凤兰", "e2e-btn-cmd-bad");
        String path = "/api/devices/e2e-btn-cmd-bad/commands";
        Api admin = stack.admin();

        assertThat(admin.post(path, Map.of("type", "SELF_DESTRUCT")).status()).isEqualTo(400);
        assertThat(admin.post(path, Map.of("type", "SOS_NUMBERS", "params", Map.of("numbers", List.of("1", "2"))))
                        .status())
                .isEqualTo(400);
        assertThat(admin.post(
                                path,
                                Map.of(
                                        "type",
                                        "SOS_NUMBERS",
                                        "params",
                                        Map.of(
                                                "numbers",
                                                List.of("13800000001", "13800000002", "13800000003", "13800000004"))))
                        .status())
                .isEqualTo(400);
        assertThat(admin.post(path, Map.of("type", "UPLOAD_INTERVAL", "params", Map.of("seconds", 1)))
                        .status())
                .isEqualTo(400);
        assertThat(admin.post(path, Map.of("type", "LOCATE", "params", Map.of("extra", 1)))
                        .status())
                .isEqualTo(400);
        assertThat(admin.post("/api/devices/no-such-device/commands", Map.of("type", "LOCATE"))
                        .status())
                .isEqualTo(404);
        admin.post("/api/users", Map.of("username", "family-sun", "password", "family-pass-1", "role", "FAMILY"))
                .expect(201);
        assertThat(admin.as("family-sun", "family-pass-1")
                        .post(path, Map.of("type", "LOCATE"))
                        .status())
                .isEqualTo(403);
        assertThat(admin.get(path).json().size()).isZero();
    }

    private String status(String deviceId, long id) {
        return stack.admin()
                .get("/api/devices/" + deviceId + "/commands/" + id)
                .json()
                .get("status")
                .asString();
    }

    /** One "3G" frame, from '[' to ']'. */
    private static String readFrame(InputStream in) throws java.io.IOException {
        StringBuilder frame = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            frame.append((char) b);
            if (b == ']') {
                return frame.toString();
            }
        }
        throw new AssertionError("connection closed after " + frame);
    }
}
