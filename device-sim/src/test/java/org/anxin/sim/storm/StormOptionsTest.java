package org.anxin.sim.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StormOptionsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsToHalfMqtt5AndTheBackoffOfRealDevices() throws Exception {
        StormOptions options = StormOptions.parse(Map.of("secret-file", secret()));

        assertThat(options.devices()).isEqualTo(1000);
        assertThat(options.port()).isEqualTo(1883);
        assertThat(options.backoff()).isEqualTo(new Backoff(1, 60));
        assertThat(options.connAckTimeoutSeconds()).isEqualTo(10);
        assertThat(options.maxWaitSeconds()).isEqualTo(300);
        assertThat(options.deviceId(0)).isEqualTo("storm-1");
        assertThat(options.password()).isEqualTo("s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(options.sourceFor(5)).isEqualTo(InetAddress.getByName("127.0.0.1"));
        long mqtt5 =
                java.util.stream.IntStream.range(0, 1000).filter(options::mqtt5).count();
        assertThat(mqtt5).isEqualTo(500);
    }

    @Test
    void readsTheOptionsTheBenchGives() throws Exception {
        StormOptions options = StormOptions.parse(Map.ofEntries(
                Map.entry("secret-file", secret()),
                Map.entry("devices", "20000"),
                Map.entry("source-addresses", "127.0.1.12,127.0.1.13"),
                Map.entry("id-prefix", "storm3-"),
                Map.entry("mqtt5-percent", "100"),
                Map.entry("backoff-base", "0.5"),
                Map.entry("backoff-cap", "30"),
                Map.entry("connack-timeout", "5"),
                Map.entry("ready-file", dir.resolve("ready").toString())));

        assertThat(options.devices()).isEqualTo(20_000);
        assertThat(options.sourceFor(1)).isEqualTo(InetAddress.getByName("127.0.1.13"));
        assertThat(options.deviceId(19_999)).isEqualTo("storm3-20000");
        assertThat(options.mqtt5(0)).isTrue();
        assertThat(options.backoff()).isEqualTo(new Backoff(0.5, 30));
        assertThat(options.connAckTimeoutSeconds()).isEqualTo(5);
        assertThat(options.readyFile()).isEqualTo(dir.resolve("ready"));
    }

    @Test
    void refusesWhatItCannotRun() throws Exception {
        String secret = secret();
        assertThatThrownBy(() -> StormOptions.parse(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--secret-file is required");
        assertThatThrownBy(() -> StormOptions.parse(Map.of("secret-file", secret, "devices", "20000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs at least 2 --source-addresses");
        assertThatThrownBy(
                        () -> StormOptions.parse(Map.of("secret-file", secret, "source-addresses", "gateway.example")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes IP addresses");
        assertThatThrownBy(() -> StormOptions.parse(Map.of("secret-file", secret, "flood", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option --flood");
    }

    private String secret() throws Exception {
        Path file = dir.resolve("secret");
        Files.writeString(file, "s3cret\n", StandardCharsets.UTF_8);
        return file.toString();
    }
}
