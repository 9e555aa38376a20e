package org.anxin.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.anxin.gateway.device.EventType;
import org.anxin.gateway.forward.EventStreams;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import redis.clients.jedis.resps.StreamEntry;

/** Real Paho devices for the gateway's ITs, on any of its MQTT ports ({@code tcp://} or {@code ws://}). */
public final class PahoDevices {
    private PahoDevices() {}

    /** Connects as the device (client id = username = id), MQTT 3.1.1, no automatic reconnect. */
    public static MqttClient connect(String serverUri, String id, String secret) throws MqttException {
        MqttClient client = new MqttClient(serverUri, id, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(id);
        options.setPassword(secret.toCharArray());
        options.setAutomaticReconnect(false);
        // one CONNECT per call: by default Paho retries a refused 3.1.1 CONNECT as MQTT 3.1
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setConnectionTimeout(10);
        // Paho can complete a QoS 1 publish's token before it frees the in-flight slot, so back-to-back
        // publishes sometimes hit "Too many publishes in progress" at the default window of 10
        options.setMaxInflight(100);
        client.setTimeToWait(15_000);
        client.connect(options);
        return client;
    }

    /** A QoS 1 event on the device's own topic; returns once the PUBACK came. */
    public static void publish(MqttClient client, String id, String json) throws MqttException {
        MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish("anxin/v1/devices/" + id + "/events", message);
    }

    public static void disconnect(MqttClient client) throws MqttException {
        client.disconnect(5_000);
        client.close();
    }

    /** The device's events of one type in its stream (8 partitions), oldest first. */
    public static List<StreamEntry> entries(TestRedis redis, String deviceId, String type) {
        return StoredEvents.in(redis.client(), new EventStreams(8).keyOf(deviceId, EventType.valueOf(type))).stream()
                .filter(e -> deviceId.equals(e.getFields().get("deviceId"))
                        && type.equals(e.getFields().get("type")))
                .toList();
    }
}
