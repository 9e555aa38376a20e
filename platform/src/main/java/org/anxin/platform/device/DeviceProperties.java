package org.anxin.platform.device;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The device module's settings ({@code anxin.device}).
 *
 * @param mqttWsUrl where the SOS page (a phone as an {@code app} device) finds the gateway's MQTT
 *     over WebSocket ({@code ANXIN_MQTT_WS_URL}); {@code {host}} stands for the host name the
 *     phone used to reach this platform, so the default {@code ws://{host}:8083/mqtt} works for a
 *     gateway beside the platform. Behind TLS it is {@code wss://…}.
 */
@Validated
@ConfigurationProperties("anxin.device")
public record DeviceProperties(
        @NotBlank
                @Pattern(
                        regexp = "wss?://[^\\s{}]*(\\{host}[^\\s{}]*)*",
                        message = "ANXIN_MQTT_WS_URL must be a ws:// or wss:// URL with no brace but \\{host\\},"
                                + " e.g. ws://\\{host\\}:8083/mqtt")
                String mqttWsUrl) {}
