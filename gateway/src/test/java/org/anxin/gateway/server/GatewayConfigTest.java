package org.anxin.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

    @Test
    void servesMetricsOnPort9400ByDefault() {
        assertThat(GatewayConfig.from(Map.of()).metricsPort()).isEqualTo(9400);
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
}
