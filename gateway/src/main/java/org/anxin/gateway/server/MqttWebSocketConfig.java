package org.anxin.gateway.server;

import java.util.Map;

/**
 * The MQTT-over-WebSocket listener ({@code ANXIN_MQTT_WS_PORT}, default 8083, path
 * {@code /mqtt}). Kept beside {@link GatewayConfig} rather than in it: it is one listener's
 * setting, and a gateway without it ({@link #NONE}) is what most tests want.
 *
 * @param port 0 picks a free port (tests), -1 serves none
 * @param path the WebSocket's HTTP path, e.g. {@code /mqtt}
 */
public record MqttWebSocketConfig(int port, String path) {
    public static final int DEFAULT_PORT = 8083;
    public static final String DEFAULT_PATH = "/mqtt";

    /** No WebSocket listener. */
    public static final MqttWebSocketConfig NONE = new MqttWebSocketConfig(-1, DEFAULT_PATH);

    public MqttWebSocketConfig {
        if (port < -1 || port > 65_535) {
            throw new IllegalArgumentException(
                    "ANXIN_MQTT_WS_PORT must be a port (0 for a free one, -1 for none), not " + port);
        }
        if (path == null || !path.startsWith("/") || path.contains("?") || path.contains("#")) {
            throw new IllegalArgumentException("ANXIN_MQTT_WS_PATH must be a path such as /mqtt, not " + path);
        }
    }

    /** A listener on a free port, path {@code /mqtt} (tests). */
    public static MqttWebSocketConfig onFreePort() {
        return new MqttWebSocketConfig(0, DEFAULT_PATH);
    }

    public boolean enabled() {
        return port >= 0;
    }

    public static MqttWebSocketConfig fromEnv() {
        return from(System.getenv());
    }

    static MqttWebSocketConfig from(Map<String, String> env) {
        String port = env.get("ANXIN_MQTT_WS_PORT");
        String path = env.get("ANXIN_MQTT_WS_PATH");
        int value;
        try {
            value = port == null || port.isBlank() ? DEFAULT_PORT : Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ANXIN_MQTT_WS_PORT must be a whole number, not '" + port + "'", e);
        }
        return new MqttWebSocketConfig(value, path == null || path.isBlank() ? DEFAULT_PATH : path.trim());
    }
}
