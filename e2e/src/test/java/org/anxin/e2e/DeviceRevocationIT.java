package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Revoking a device through the whole system: REST → PostgreSQL and Redis → the gateway node's
 * command stream → the gateway closes the device's live connection at once and refuses its next
 * login, a real Paho button and a real "3G" watch socket alike.
 */
class DeviceRevocationIT {
    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    private Stack stack;

    @BeforeEach
    void system() {
        stack = STACK.stack();
    }

    @Test
    void aRevokedButtonIsDisconnectedAndCannotLogInAgain() throws Exception {
        String secret = stack.seniorWithButton("钱桂英", "e2e-btn-revoke");
        MqttClient button = Devices.connect(stack.mqttPort(), "e2e-btn-revoke", secret);
        AtomicReference<Throwable> lost = new AtomicReference<>();
        button.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                lost.set(cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {}

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        });
        Devices.publish(button, "e2e-btn-revoke", "{\"type\":\"HEARTBEAT\",\"battery\":90}");

        stack.admin().post("/api/devices/e2e-btn-revoke/revoke").expect(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> lost.get() != null && !button.isConnected());
        button.close();
        assertThatThrownBy(() -> Devices.connect(stack.mqttPort(), "e2e-btn-revoke", secret))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode())
                        .isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
        assertThat(stack.admin()
                        .get("/api/audit?action=DEVICE_REVOKED&objectId=e2e-btn-revoke")
                        .expect(200)
                        .json()
                        .size())
                .isEqualTo(1);
    }

    @Test
    void aRevokedWatchIsDisconnectedAndItsNextLoginClosed() throws Exception {
        long senior = stack.senior("孙玉兰", 30.28, 120.15);
        stack.admin()
                .post("/api/devices", Map.of("id", "8800000077", "protocol", "watch", "seniorId", senior))
                .expect(201);
        try (Socket watch = new Socket("127.0.0.1", stack.watchPort())) {
            watch.setSoTimeout(20_000);
            OutputStream out = watch.getOutputStream();
            InputStream in = watch.getInputStream();
            out.write("[3G*8800000077*0002*LK]".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readFrame(in)).isEqualTo("[3G*8800000077*0002*LK]");
            await().atMost(Duration.ofSeconds(20)).until(() -> stack.admin()
                    .get("/api/devices/8800000077")
                    .json()
                    .get("online")
                    .asBoolean());

            stack.admin().post("/api/devices/8800000077/revoke").expect(200);

            // the gateway closes the connection: the read ends (-1) instead of waiting for a frame
            assertThat(in.read()).isEqualTo(-1);
        }
        try (Socket again = new Socket("127.0.0.1", stack.watchPort())) {
            again.setSoTimeout(20_000);
            again.getOutputStream().write("[3G*8800000077*0002*LK]".getBytes(StandardCharsets.US_ASCII));
            again.getOutputStream().flush();
            assertThat(again.getInputStream().read()).isEqualTo(-1);
        }
    }

    private static String readFrame(InputStream in) throws java.io.IOException {
        StringBuilder frame = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            frame.append((char) b);
            if (b == ']') {
                break;
            }
        }
        return frame.toString();
    }
}
