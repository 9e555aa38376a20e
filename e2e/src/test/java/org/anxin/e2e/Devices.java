package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Real Paho MQTT clients, connecting to the gateway the way a button does. */
final class Devices {
    private Devices() {}

    static MqttClient connect(int mqttPort, String deviceId, String secret) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + mqttPort, deviceId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(deviceId);
        options.setPassword(secret.toCharArray());
        options.setCleanSession(true);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        options.setAutomaticReconnect(false);
        client.setTimeToWait(15_000);
        client.connect(options);
        return client;
    }

    /** Publishes at QoS 1 and returns once the gateway's PUBACK arrived. */
    static void publish(MqttClient client, String deviceId, String json) throws MqttException {
        MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish("anxin/v1/devices/" + deviceId + "/events", message);
    }

    static void close(MqttClient client) throws MqttException {
        if (client.isConnected()) {
            client.disconnect(5_000);
        }
        client.close();
    }

    /**
     * A LOCATE command sent through {@code sender} reaches the connected {@code button} on its
     * commands topic, and its status read through {@code reader} becomes DELIVERED (the PUBACK went
     * back to the button's gateway). The platform learns which gateway holds the device from the
     * gateway's session record, so the device is first awaited online.
     */
    static void locateRoundTrip(MqttClient button, String deviceId, Api sender, Api reader) throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        button.subscribe(
                "anxin/v1/devices/" + deviceId + "/commands",
                1,
                (topic, message) -> received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
        await().atMost(Duration.ofSeconds(30)).until(() -> sender.get("/api/devices/" + deviceId)
                .json()
                .get("online")
                .asBoolean());

        long id = sender.post("/api/devices/" + deviceId + "/commands", Map.of("type", "LOCATE"))
                .expect(202)
                .json()
                .get("id")
                .asLong();

        assertThat(received.poll(30, TimeUnit.SECONDS)).isEqualTo("{\"commandId\":" + id + ",\"type\":\"LOCATE\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED"
                .equals(reader.get("/api/devices/" + deviceId + "/commands/" + id)
                        .json()
                        .get("status")
                        .asString()));
    }
}
