package org.anxin.e2e;

import java.nio.charset.StandardCharsets;
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
}
