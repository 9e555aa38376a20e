package org.anxin.gateway.server;

import java.util.Locale;
import java.util.Map;

/**
 * Admission control for MQTT CONNECTs ({@code ANXIN_MQTT_ADMISSION}, {@code ANXIN_MQTT_CONNECT_QUEUE},
 * {@code ANXIN_MQTT_CONNECT_BATCH}; README).
 *
 * @param enabled off: every CONNECT is looked up on its own on the Redis workers, however many wait
 *     (the behaviour before admission control, kept for comparison in bench/reconnect-storm.sh)
 * @param maxPending CONNECTs that may wait for the device registry at once; one more is answered
 *     "server busy" (MQTT 5 0x89, 3.1.1 0x03) and closed
 * @param batchSize registry look-ups per Redis pipeline
 */
public record MqttAdmission(boolean enabled, int maxPending, int batchSize) {
    public static final MqttAdmission DEFAULT = new MqttAdmission(true, 2_000, 256);
    public static final MqttAdmission OFF = new MqttAdmission(false, DEFAULT.maxPending, DEFAULT.batchSize);

    public MqttAdmission {
        if (maxPending < 1 || maxPending > 1_000_000) {
            throw new IllegalArgumentException("ANXIN_MQTT_CONNECT_QUEUE must be from 1 to 1000000, not " + maxPending);
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("ANXIN_MQTT_CONNECT_BATCH must be from 1 to 10000, not " + batchSize);
        }
    }

    static MqttAdmission from(Map<String, String> env) {
        String mode = env.getOrDefault("ANXIN_MQTT_ADMISSION", "on").trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("on") && !mode.equals("off") && !mode.isEmpty()) {
            throw new IllegalArgumentException("ANXIN_MQTT_ADMISSION must be on or off, not '" + mode + "'");
        }
        return new MqttAdmission(
                !mode.equals("off"),
                GatewayConfig.integer(env, "ANXIN_MQTT_CONNECT_QUEUE", DEFAULT.maxPending),
                GatewayConfig.integer(env, "ANXIN_MQTT_CONNECT_BATCH", DEFAULT.batchSize));
    }
}
