package org.anxin.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MqttWebSocketConfigTest {
    @Test
    void servesPort8083OnPathMqttByDefault() {
        MqttWebSocketConfig config = MqttWebSocketConfig.from(Map.of());

        assertThat(config.port()).isEqualTo(8083);
        assertThat(config.path()).isEqualTo("/mqtt");
        assertThat(config.enabled()).isTrue();
    }

    @Test
    void minusOneServesNone() {
        assertThat(MqttWebSocketConfig.from(Map.of("ANXIN_MQTT_WS_PORT", "-1")).enabled())
                .isFalse();
    }

    @Test
    void refusesAPortThatIsNoNumberNamingTheVariable() {
        assertThatThrownBy(() -> MqttWebSocketConfig.from(Map.of("ANXIN_MQTT_WS_PORT", "eighty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ANXIN_MQTT_WS_PORT");
    }

    @Test
    void refusesAPathWithoutLeadingSlash() {
        assertThatThrownBy(() -> MqttWebSocketConfig.from(Map.of("ANXIN_MQTT_WS_PATH", "mqtt")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ANXIN_MQTT_WS_PATH");
    }
}
