package org.anxin.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

    @Test
    void admitsMqttConnectsUnderControlByDefault() {
        assertThat(GatewayConfig.from(Map.of()).admission()).isEqualTo(new MqttAdmission(true, 2_000, 256));
        assertThat(GatewayConfig.loopback("redis://127.0.0.1:6379").admission()).isEqualTo(MqttAdmission.DEFAULT);
    }

    @Test
    void readsTheAdmissionSettingsAndKeepsThemThroughTheWithMethods() {
        GatewayConfig config = GatewayConfig.from(Map.of(
                "ANXIN_MQTT_ADMISSION", " OFF ", "ANXIN_MQTT_CONNECT_QUEUE", "500", "ANXIN_MQTT_CONNECT_BATCH", "64"));

        assertThat(config.admission()).isEqualTo(new MqttAdmission(false, 500, 64));
        assertThat(config.withNode("n").withPartitions(4).withMetricsPort(1).admission())
                .isEqualTo(config.admission());
        assertThat(config.withAdmission(MqttAdmission.DEFAULT).admission()).isEqualTo(MqttAdmission.DEFAULT);
    }

    @Test
    void refusesAdmissionSettingsItCannotRun() {
        assertThatThrownBy(() -> GatewayConfig.from(Map.of("ANXIN_MQTT_ADMISSION", "maybe")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ANXIN_MQTT_ADMISSION must be on or off, not 'maybe'");
        assertThatThrownBy(() -> GatewayConfig.from(Map.of("ANXIN_MQTT_CONNECT_QUEUE", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ANXIN_MQTT_CONNECT_QUEUE must be from 1 to 1000000, not 0");
        assertThatThrownBy(() -> GatewayConfig.from(Map.of("ANXIN_MQTT_CONNECT_BATCH", "many")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ANXIN_MQTT_CONNECT_BATCH must be a whole number");
    }

    @Test
    void closesSilentTcpDevicesAfterThreeMissedHeartbeats() {
        assertThat(GatewayConfig.from(Map.of()).tcpSilenceSeconds()).isEqualTo(900);
        assertThat(GatewayConfig.from(Map.of("ANXIN_TCP_HEARTBEAT_SECONDS", "60"))
                        .tcpSilenceSeconds())
                .isEqualTo(180);
        assertThatThrownBy(() -> GatewayConfig.from(Map.of("ANXIN_TCP_HEARTBEAT_SECONDS", "5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ANXIN_TCP_HEARTBEAT_SECONDS must be from 10 to 86400, not 5");
    }

    @Test
    void servesMetricsOnPort9400ByDefault() {
        assertThat(GatewayConfig.from(Map.of()).metricsPort()).isEqualTo(9400);
    }

    @Test
    void bindsMetricsToLoopbackUnlessConfigured() {
        assertThat(GatewayConfig.from(Map.of("ANXIN_GATEWAY_HOST", "0.0.0.0")).metricsHost())
                .isEqualTo("127.0.0.1");
        assertThat(GatewayConfig.from(Map.of("ANXIN_GATEWAY_METRICS_HOST", " 0.0.0.0 "))
                        .metricsHost())
                .isEqualTo("0.0.0.0");
    }

    @Test
    void readsTheMetricsPort() {
        assertThat(GatewayConfig.from(Map.of("ANXIN_GATEWAY_METRICS_PORT", " 9500 "))
                        .metricsPort())
                .isEqualTo(9500);
    }

    @Test
    void takesMinusOneAsNoMetricsAndZeroAsAFreePort() {
        assertThat(GatewayConfig.from(Map.of("ANXIN_GATEWAY_METRICS_PORT", "-1"))
                        .metricsPort())
                .isEqualTo(-1);
        assertThat(GatewayConfig.from(Map.of("ANXIN_GATEWAY_METRICS_PORT", "0")).metricsPort())
                .isZero();
    }

    @Test
    void refusesAMetricsPortThatIsNotANumber() {
        assertThatThrownBy(() -> GatewayConfig.from(Map.of("ANXIN_GATEWAY_METRICS_PORT", "nine")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ANXIN_GATEWAY_METRICS_PORT must be a whole number, not 'nine'");
    }

    @Test
    void refusesAMetricsPortOutOfRange() {
        assertThatThrownBy(() -> GatewayConfig.from(Map.of("ANXIN_GATEWAY_METRICS_PORT", "70000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ANXIN_GATEWAY_METRICS_PORT")
                .hasMessageContaining("70000");
    }

    @Test
    void keepsTheMetricsPortThroughTheWithMethods() {
        GatewayConfig config = GatewayConfig.loopback("redis://127.0.0.1:6379")
                .withMetricsPort(9401)
                .withNode("n1")
                .withPartitions(4);

        assertThat(config.metricsPort()).isEqualTo(9401);
        assertThat(config.node()).isEqualTo("n1");
        assertThat(config.partitions()).isEqualTo(4);
        assertThat(GatewayConfig.loopback("redis://127.0.0.1:6379").metricsPort())
                .isZero();
    }

    @Test
    void servesMqttOverTlsOn8883WhenAKeystoreIsGiven() {
        GatewayConfig config = GatewayConfig.from(
                Map.of("ANXIN_TLS_KEYSTORE", "/etc/anxin/gateway.p12", "ANXIN_TLS_KEYSTORE_PASSWORD", "changeit-0101"));

        assertThat(config.tls()).isTrue();
        assertThat(config.mqttTlsPort()).isEqualTo(8883);
        assertThat(config.tlsKeystore()).isEqualTo(Path.of("/etc/anxin/gateway.p12"));
        assertThat(config.tlsKeystorePassword()).isEqualTo("changeit-0101");
    }

    @Test
    void readsTheTlsPort() {
        GatewayConfig config =
                GatewayConfig.from(Map.of("ANXIN_TLS_KEYSTORE", "gateway.p12", "ANXIN_MQTT_TLS_PORT", " 18883 "));

        assertThat(config.mqttTlsPort()).isEqualTo(18883);
        assertThat(config.tls()).isTrue();
    }

    @Test
    void servesNoTlsWhenTheKeystoreIsUnset() {
        GatewayConfig config = GatewayConfig.from(Map.of("ANXIN_TLS_KEYSTORE_PASSWORD", "changeit"));

        assertThat(config.tls()).isFalse();
        assertThat(config.tlsKeystore()).isNull();
    }

    @Test
    void takesMinusOneAsNoTlsListenerEvenWithAKeystore() {
        GatewayConfig config =
                GatewayConfig.from(Map.of("ANXIN_TLS_KEYSTORE", "gateway.p12", "ANXIN_MQTT_TLS_PORT", "-1"));

        assertThat(config.tls()).isFalse();
        assertThat(GatewayConfig.from(Map.of("ANXIN_MQTT_TLS_PORT", "-1")).tls())
                .isFalse();
    }

    @Test
    void refusesATlsPortThatIsNotANumber() {
        assertThatThrownBy(() ->
                        GatewayConfig.from(Map.of("ANXIN_TLS_KEYSTORE", "gateway.p12", "ANXIN_MQTT_TLS_PORT", "8883s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ANXIN_MQTT_TLS_PORT must be a whole number, not '8883s'");
    }

    @Test
    void refusesATlsPortOutOfRange() {
        assertThatThrownBy(() ->
                        GatewayConfig.from(Map.of("ANXIN_TLS_KEYSTORE", "gateway.p12", "ANXIN_MQTT_TLS_PORT", "88830")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ANXIN_MQTT_TLS_PORT must be a port (0 for a free one, -1 for none), not 88830");
    }

    @Test
    void refusesATlsPortGivenWithoutAKeystore() {
        assertThatThrownBy(() -> GatewayConfig.from(Map.of("ANXIN_MQTT_TLS_PORT", "8883")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ANXIN_MQTT_TLS_PORT is 8883 but ANXIN_TLS_KEYSTORE is unset:"
                        + " give the keystore too, or -1 for no TLS listener");
    }

    @Test
    void keepsTheTlsSettingsThroughTheWithMethods() {
        GatewayConfig plain = GatewayConfig.loopback("redis://127.0.0.1:6379");
        GatewayConfig config = plain.withTls(Path.of("gateway.p12"), "changeit", 0)
                .withMetricsPort(9401)
                .withNode("n1")
                .withPartitions(4);

        assertThat(plain.tls()).isFalse();
        assertThat(plain.mqttTlsPort()).isEqualTo(-1);
        assertThat(config.tls()).isTrue();
        assertThat(config.mqttTlsPort()).isZero();
        assertThat(config.tlsKeystore()).isEqualTo(Path.of("gateway.p12"));
        assertThat(config.tlsKeystorePassword()).isEqualTo("changeit");
        assertThat(config.metricsPort()).isEqualTo(9401);
        assertThat(config.node()).isEqualTo("n1");
        assertThat(config.partitions()).isEqualTo(4);
    }

    @Test
    void showsNeitherTheKeystorePasswordNorTheRedisPasswordInItsText() {
        GatewayConfig config = GatewayConfig.loopback("redis://:redis-secret-0102@127.0.0.1:6379")
                .withTls(Path.of("gateway.p12"), "keystore-secret-0101", 0);

        assertThat(config.toString())
                .contains("tlsKeystore=gateway.p12", "tlsKeystorePassword=***", "redis://***@127.0.0.1:6379")
                .doesNotContain("keystore-secret-0101")
                .doesNotContain("redis-secret-0102");
    }
}
