package org.anxin.sim.city;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One senior's MQTT button: heartbeats with a slowly draining battery, a position now and then,
 * SOS presses and falls at random, and the commands the platform sends (Paho acknowledges them).
 * A real Paho client, as the button firmware would use.
 */
final class MqttButton implements CityDevice {
    private final String id;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final Wearer wearer;
    private long secondsAlive;

    MqttButton(String id, String secret, String broker, Wearer wearer) throws MqttException {
        this.id = id;
        this.client = new MqttAsyncClient(broker, id, new MemoryPersistence());
        this.options = new MqttConnectOptions();
        options.setUserName(id);
        options.setPassword(secret.toCharArray());
        options.setAutomaticReconnect(true);
        options.setCleanSession(true);
        options.setKeepAliveInterval(60);
        options.setConnectionTimeout(10);
        options.setMaxInflight(100);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        this.wearer = wearer;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String protocol() {
        return "mqtt";
    }

    @Override
    public void connect(Runnable onConnected, Consumer<Throwable> onFailure) {
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    try {
                        client.subscribe("anxin/v1/devices/" + id + "/commands", 1, (topic, message) -> {});
                    } catch (MqttException e) {
                        onFailure.accept(e);
                        return;
                    }
                    onConnected.run();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    onFailure.accept(cause);
                }
            });
        } catch (MqttException e) {
            onFailure.accept(e);
        }
    }

    @Override
    public boolean connected() {
        return client.isConnected();
    }

    @Override
    public void tick(double sosPerSecond, double fallPerSecond, Counters counters) {
        secondsAlive++;
        wearer.tick(true);
        if (!client.isConnected()) {
            return;
        }
        if (secondsAlive % 60 == 0) {
            send("HEARTBEAT", false, counters);
        }
        if (secondsAlive % 30 == 15) {
            send("LOCATION", true, counters);
        }
        if (wearer.random.nextDouble() < sosPerSecond && send("SOS", true, counters)) {
            counters.pressed(id, "SOS");
        }
        if (wearer.random.nextDouble() < fallPerSecond && send("FALL", true, counters)) {
            counters.pressed(id, "FALL");
        }
    }

    private boolean send(String type, boolean withPosition, Counters counters) {
        String payload = DevicePayloads.event(
                type,
                Instant.now(),
                withPosition ? wearer.lat() : null,
                withPosition ? wearer.lon() : null,
                wearer.battery());
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        try {
            client.publish("anxin/v1/devices/" + id + "/events", message, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    counters.acked.incrementAndGet();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    counters.errors.incrementAndGet();
                }
            });
            counters.sent.incrementAndGet();
            return true;
        } catch (MqttException e) {
            counters.errors.incrementAndGet();
            return false;
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(3_000);
            }
            client.close(true);
        } catch (MqttException e) {
            // closing anyway
        }
    }
}
