package org.anxin.sim.drill;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.anxin.sim.city.DevicePayloads;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** An MQTT 3.1.1 device (Paho): QoS 1 LOCATION events, each waited for until its PUBACK. */
final class MqttDrillDevice extends DrillDevice {
    private final String broker;
    private final String secret;
    private MqttClient client;

    MqttDrillDevice(String id, String secret, String broker, long intervalMillis, Drill drill) {
        super(id, intervalMillis, drill);
        this.broker = broker;
        this.secret = secret;
    }

    @Override
    String protocol() {
        return "mqtt";
    }

    @Override
    void connect() throws MqttException {
        client = new MqttClient(broker, id(), new MemoryPersistence());
        client.setTimeToWait(ACK_TIMEOUT_MILLIS);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(id());
        options.setPassword(secret.toCharArray());
        options.setCleanSession(true);
        options.setConnectionTimeout(5);
        options.setKeepAliveInterval(30);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        client.connect(options);
    }

    @Override
    void sendAndAwaitAck(Instant deviceTime) throws MqttException {
        MqttMessage message = new MqttMessage(
                DevicePayloads.event("LOCATION", deviceTime, 30.27, 120.15, 90).getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish("anxin/v1/devices/" + id() + "/events", message);
    }

    @Override
    void disconnect() {
        MqttClient c = client;
        client = null;
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnectForcibly(0, 1_000);
            }
        } catch (MqttException e) {
            // closing anyway
        }
        try {
            c.close(true);
        } catch (MqttException e) {
            // closed anyway
        }
    }
}
