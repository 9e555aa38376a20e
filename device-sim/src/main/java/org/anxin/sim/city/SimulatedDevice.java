package org.anxin.sim.city;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One senior's MQTT button: heartbeats with a slowly draining battery, walks around home with a
 * position now and then, and SOS presses and falls at random. A real Paho client, as the button
 * firmware would use.
 */
final class SimulatedDevice {
    private static final double METERS_PER_DEGREE = 111_320;

    private final String id;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final double homeLat;
    private final double homeLon;
    private final Random random;
    private double lat;
    private double lon;
    private double battery = 100;
    private long secondsAlive;

    SimulatedDevice(String id, String secret, String broker, double homeLat, double homeLon, long seed)
            throws MqttException {
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
        this.homeLat = homeLat;
        this.homeLon = homeLon;
        this.lat = homeLat;
        this.lon = homeLon;
        this.random = new Random(seed);
        this.battery = 60 + random.nextInt(41);
    }

    String id() {
        return id;
    }

    void connect(Runnable onConnected, java.util.function.Consumer<Throwable> onFailure) throws MqttException {
        client.connect(options, null, new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                onConnected.run();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                onFailure.accept(cause);
            }
        });
    }

    boolean connected() {
        return client.isConnected();
    }

    /** Advances the device by one second; publishes what a real device would in that second. */
    void tick(double sosPerSecond, double fallPerSecond, Counters counters) {
        secondsAlive++;
        battery = Math.max(1, battery - 0.0005);
        walk();
        if (!client.isConnected()) {
            return;
        }
        if (secondsAlive % 60 == 0) {
            send("HEARTBEAT", false, counters);
        }
        if (secondsAlive % 30 == 15) {
            send("LOCATION", true, counters);
        }
        if (random.nextDouble() < sosPerSecond) {
            send("SOS", true, counters);
            counters.sos.incrementAndGet();
        }
        if (random.nextDouble() < fallPerSecond) {
            send("FALL", true, counters);
            counters.falls.incrementAndGet();
        }
    }

    /** A slow random walk that keeps to about 400 m from home: the market and back. */
    private void walk() {
        double north = (random.nextDouble() - 0.5) * 2.0;
        double east = (random.nextDouble() - 0.5) * 2.0;
        double pullLat = (homeLat - lat) * 0.01;
        double pullLon = (homeLon - lon) * 0.01;
        lat += north / METERS_PER_DEGREE + pullLat;
        lon += east / (METERS_PER_DEGREE * Math.cos(Math.toRadians(lat))) + pullLon;
    }

    private void send(String type, boolean withPosition, Counters counters) {
        String payload = DevicePayloads.event(
                type, Instant.now(), withPosition ? lat : null, withPosition ? lon : null, (int) Math.round(battery));
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
        } catch (MqttException e) {
            counters.errors.incrementAndGet();
        }
    }

    void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(3_000);
            }
            client.close(true);
        } catch (MqttException e) {
            // closing anyway
        }
    }

    /** What the whole fleet did, for the progress line. */
    static final class Counters {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong acked = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong sos = new AtomicLong();
        final AtomicLong falls = new AtomicLong();
    }
}
