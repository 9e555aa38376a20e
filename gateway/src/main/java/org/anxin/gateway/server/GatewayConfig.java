package org.anxin.gateway.server;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gateway settings. {@link #fromEnv()} reads the {@code ANXIN_*} variables listed in the README.
 *
 * @param mqttPort 0 picks a free port (tests)
 * @param maxKeepAliveSeconds keep-alive applied to devices that ask for none (0)
 * @param metricsPort {@code GET /metrics} for Prometheus; 0 picks a free port, -1 serves none
 * @param mqttTlsPort MQTT over TLS; 0 picks a free port, -1 serves none; only served with a keystore
 * @param tlsKeystore PKCS12 file with the server's key and certificate chain; null: no TLS listener
 * @param tlsKeystorePassword opens the keystore and its key; never logged ({@link #toString()} hides it)
 * @param metricsHost the address {@code /metrics} binds to: loopback unless configured, since the
 *     scrape shows connection counts and JVM internals to whoever can reach it
 * @param redisUrl one Redis, or the nodes of a Redis Cluster separated by commas; {@code rediss://}
 *     for TLS (README, docs/deploy.md)
 * @param redisCaFile PEM certificate(s) a {@code rediss://} server is checked against; null: the JDK's
 * @param admission admission control for MQTT CONNECTs (a reconnect storm)
 */
public record GatewayConfig(
        String redisUrl,
        String host,
        int mqttPort,
        int watchPort,
        int gt06Port,
        String node,
        int partitions,
        int maxMqttPacketBytes,
        int maxKeepAliveSeconds,
        int metricsPort,
        int mqttTlsPort,
        Path tlsKeystore,
        String tlsKeystorePassword,
        int tcpHeartbeatSeconds,
        String metricsHost,
        Path redisCaFile,
        MqttAdmission admission) {

    /** How often watches and GT06 trackers are expected to send something; 3 missed = offline. */
    public static final int DEFAULT_TCP_HEARTBEAT_SECONDS = 300;

    /** The metrics port when none is configured. */
    public static final int DEFAULT_METRICS_PORT = 9400;

    /** The MQTT-over-TLS port when none is configured. */
    public static final int DEFAULT_MQTT_TLS_PORT = 8883;

    public GatewayConfig {
        if (partitions < 1) {
            throw new IllegalArgumentException("ANXIN_EVENT_PARTITIONS must be at least 1");
        }
        if (maxMqttPacketBytes < 256) {
            throw new IllegalArgumentException("ANXIN_MQTT_MAX_PACKET must be at least 256 bytes");
        }
        if (metricsPort < -1 || metricsPort > 65_535) {
            throw new IllegalArgumentException(
                    "ANXIN_GATEWAY_METRICS_PORT must be a port (0 for a free one, -1 for none), not " + metricsPort);
        }
        if (tcpHeartbeatSeconds < 10 || tcpHeartbeatSeconds > 86_400) {
            throw new IllegalArgumentException(
                    "ANXIN_TCP_HEARTBEAT_SECONDS must be from 10 to 86400, not " + tcpHeartbeatSeconds);
        }
        if (mqttTlsPort < -1 || mqttTlsPort > 65_535) {
            throw new IllegalArgumentException(
                    "ANXIN_MQTT_TLS_PORT must be a port (0 for a free one, -1 for none), not " + mqttTlsPort);
        }
    }

    /** Whether a TLS listener is served: a keystore is configured and the port is not -1. */
    public boolean tls() {
        return tlsKeystore != null && mqttTlsPort >= 0;
    }

    public static GatewayConfig fromEnv() {
        return from(System.getenv());
    }

    static GatewayConfig from(Map<String, String> env) {
        int tlsPort = integer(env, "ANXIN_MQTT_TLS_PORT", DEFAULT_MQTT_TLS_PORT);
        String keystore = env.get("ANXIN_TLS_KEYSTORE");
        boolean noKeystore = blank(keystore);
        if (noKeystore && tlsPort != -1 && !blank(env.get("ANXIN_MQTT_TLS_PORT"))) {
            // a port asked for explicitly but impossible to serve: fail rather than start without it
            throw new IllegalArgumentException("ANXIN_MQTT_TLS_PORT is " + tlsPort
                    + " but ANXIN_TLS_KEYSTORE is unset: give the keystore too, or -1 for no TLS listener");
        }
        return new GatewayConfig(
                env.getOrDefault("ANXIN_REDIS_URL", "redis://127.0.0.1:16379"),
                env.getOrDefault("ANXIN_GATEWAY_HOST", "0.0.0.0"),
                integer(env, "ANXIN_MQTT_PORT", 1883),
                integer(env, "ANXIN_WATCH_PORT", 5093),
                integer(env, "ANXIN_GT06_PORT", 5023),
                env.getOrDefault("ANXIN_GATEWAY_NODE", defaultNode()),
                integer(env, "ANXIN_EVENT_PARTITIONS", 8),
                integer(env, "ANXIN_MQTT_MAX_PACKET", 16_384),
                integer(env, "ANXIN_MQTT_MAX_KEEPALIVE", 600),
                integer(env, "ANXIN_GATEWAY_METRICS_PORT", DEFAULT_METRICS_PORT),
                tlsPort,
                noKeystore ? null : Path.of(keystore.trim()),
                env.get("ANXIN_TLS_KEYSTORE_PASSWORD"),
                integer(env, "ANXIN_TCP_HEARTBEAT_SECONDS", DEFAULT_TCP_HEARTBEAT_SECONDS),
                blank(env.get("ANXIN_GATEWAY_METRICS_HOST"))
                        ? "127.0.0.1"
                        : env.get("ANXIN_GATEWAY_METRICS_HOST").trim(),
                blank(env.get("ANXIN_REDIS_CA_FILE"))
                        ? null
                        : Path.of(env.get("ANXIN_REDIS_CA_FILE").trim()),
                MqttAdmission.from(env));
    }

    /**
     * Settings for a gateway on loopback, on free ports (metrics too), talking to the given Redis;
     * no TLS listener unless {@link #withTls} adds one.
     */
    public static GatewayConfig loopback(String redisUrl) {
        return new GatewayConfig(
                redisUrl,
                "127.0.0.1",
                0,
                0,
                0,
                defaultNode(),
                8,
                16_384,
                600,
                0,
                -1,
                null,
                null,
                DEFAULT_TCP_HEARTBEAT_SECONDS,
                "127.0.0.1",
                null,
                MqttAdmission.DEFAULT);
    }

    public GatewayConfig withPartitions(int value) {
        return new GatewayConfig(
                redisUrl,
                host,
                mqttPort,
                watchPort,
                gt06Port,
                node,
                value,
                maxMqttPacketBytes,
                maxKeepAliveSeconds,
                metricsPort,
                mqttTlsPort,
                tlsKeystore,
                tlsKeystorePassword,
                tcpHeartbeatSeconds,
                metricsHost,
                redisCaFile,
                admission);
    }

    public GatewayConfig withNode(String value) {
        return new GatewayConfig(
                redisUrl,
                host,
                mqttPort,
                watchPort,
                gt06Port,
                value,
                partitions,
                maxMqttPacketBytes,
                maxKeepAliveSeconds,
                metricsPort,
                mqttTlsPort,
                tlsKeystore,
                tlsKeystorePassword,
                tcpHeartbeatSeconds,
                metricsHost,
                redisCaFile,
                admission);
    }

    public GatewayConfig withMetricsPort(int value) {
        return new GatewayConfig(
                redisUrl,
                host,
                mqttPort,
                watchPort,
                gt06Port,
                node,
                partitions,
                maxMqttPacketBytes,
                maxKeepAliveSeconds,
                value,
                mqttTlsPort,
                tlsKeystore,
                tlsKeystorePassword,
                tcpHeartbeatSeconds,
                metricsHost,
                redisCaFile,
                admission);
    }

    /** MQTT over TLS on {@code port} (0: a free one) with the key and certificate in a PKCS12 keystore. */
    public GatewayConfig withTls(Path keystore, String password, int port) {
        return new GatewayConfig(
                redisUrl,
                host,
                mqttPort,
                watchPort,
                gt06Port,
                node,
                partitions,
                maxMqttPacketBytes,
                maxKeepAliveSeconds,
                metricsPort,
                port,
                keystore,
                password,
                tcpHeartbeatSeconds,
                metricsHost,
                redisCaFile,
                admission);
    }

    /** A {@code rediss://} server's certificate checked against the PEM certificate(s) in {@code caFile}. */
    public GatewayConfig withRedisCaFile(Path caFile) {
        return new GatewayConfig(
                redisUrl,
                host,
                mqttPort,
                watchPort,
                gt06Port,
                node,
                partitions,
                maxMqttPacketBytes,
                maxKeepAliveSeconds,
                metricsPort,
                mqttTlsPort,
                tlsKeystore,
                tlsKeystorePassword,
                tcpHeartbeatSeconds,
                metricsHost,
                caFile,
                admission);
    }

    /** Another admission control for MQTT CONNECTs ({@link MqttAdmission#OFF}: none). */
    public GatewayConfig withAdmission(MqttAdmission value) {
        return new GatewayConfig(
                redisUrl,
                host,
                mqttPort,
                watchPort,
                gt06Port,
                node,
                partitions,
                maxMqttPacketBytes,
                maxKeepAliveSeconds,
                metricsPort,
                mqttTlsPort,
                tlsKeystore,
                tlsKeystorePassword,
                tcpHeartbeatSeconds,
                metricsHost,
                redisCaFile,
                value);
    }

    /** Watches and GT06 trackers expected to report every {@code seconds}. */
    public GatewayConfig withTcpHeartbeat(int seconds) {
        return new GatewayConfig(
                redisUrl,
                host,
                mqttPort,
                watchPort,
                gt06Port,
                node,
                partitions,
                maxMqttPacketBytes,
                maxKeepAliveSeconds,
                metricsPort,
                mqttTlsPort,
                tlsKeystore,
                tlsKeystorePassword,
                seconds,
                metricsHost,
                redisCaFile,
                admission);
    }

    /** The silence after which a watch or GT06 connection is closed as offline: 3 missed heartbeats. */
    public int tcpSilenceSeconds() {
        return 3 * tcpHeartbeatSeconds;
    }

    /** As the record's own, but without the keystore password. */
    @Override
    public String toString() {
        return "GatewayConfig[redisUrl=" + GatewayServer.redactedRedis(redisUrl) + ", host=" + host + ", mqttPort="
                + mqttPort + ", watchPort=" + watchPort + ", gt06Port=" + gt06Port + ", node=" + node
                + ", partitions=" + partitions + ", maxMqttPacketBytes=" + maxMqttPacketBytes
                + ", maxKeepAliveSeconds=" + maxKeepAliveSeconds + ", metricsPort=" + metricsPort + ", mqttTlsPort="
                + mqttTlsPort + ", tlsKeystore=" + tlsKeystore + ", tlsKeystorePassword="
                + (tlsKeystorePassword == null ? "null" : "***") + ", tcpHeartbeatSeconds=" + tcpHeartbeatSeconds
                + ", metricsHost=" + metricsHost + ", redisCaFile=" + redisCaFile + ", admission=" + admission + "]";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static int integer(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (blank(value)) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'", e);
        }
    }

    private static String defaultNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "gateway";
        }
        String runtime = ManagementFactory.getRuntimeMXBean().getName();
        return host + "-" + runtime.substring(0, Math.max(0, runtime.indexOf('@')));
    }
}
