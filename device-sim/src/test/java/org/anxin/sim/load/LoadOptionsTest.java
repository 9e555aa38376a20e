package org.anxin.sim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadOptionsTest {

    @Test
    void defaultsToAThousandAnonymousDevicesAtQos1AsFastAsAcksAllow() throws Exception {
        LoadOptions options = LoadOptions.parse(Map.of());

        assertThat(options.devices()).isEqualTo(1000);
        assertThat(options.rate()).isZero();
        assertThat(options.qos()).isEqualTo(1);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(1883);
        assertThat(options.connectsPerSecond()).isEqualTo(1000);
        assertThat(options.sourceAddresses()).containsExactly(InetAddress.getByName("127.0.0.1"));
        assertThat(options.password()).isNull();
        assertThat(options.jsonOut()).isNull();
        assertThat(options.label()).isEqualTo("unknown");
        assertThat(options.deviceId(7)).isEqualTo("load-7");
        assertThat(options.keepAliveSeconds()).isEqualTo(60);
        assertThat(options.ackWait()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void readsEveryOption(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "s3cret\n", StandardCharsets.UTF_8);

        LoadOptions options = LoadOptions.parse(Map.ofEntries(
                Map.entry("devices", "30000"),
                Map.entry("rate", "50000"),
                Map.entry("qos", "0"),
                Map.entry("duration", "5"),
                Map.entry("protocol", "mqtt"),
                Map.entry("host", "localhost"),
                Map.entry("port", "18830"),
                Map.entry("ramp-per-second", "2500"),
                Map.entry("source-addresses", "127.0.0.1, 127.0.0.2"),
                Map.entry("secret-file", secret.toString()),
                Map.entry("json-out", "out/run.json"),
                Map.entry("id-prefix", "bench-"),
                Map.entry("label", "mosquitto"),
                Map.entry("threads", "3")));

        assertThat(options.devices()).isEqualTo(30_000);
        assertThat(options.rate()).isEqualTo(50_000);
        assertThat(options.qos()).isZero();
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.host()).isEqualTo("localhost");
        assertThat(options.port()).isEqualTo(18_830);
        assertThat(options.connectsPerSecond()).isEqualTo(2500);
        assertThat(options.sourceAddresses())
                .containsExactly(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2"));
        assertThat(new String(options.password(), StandardCharsets.UTF_8)).isEqualTo("s3cret");
        assertThat(options.jsonOut()).isEqualTo(Path.of("out/run.json"));
        assertThat(options.deviceId(1)).isEqualTo("bench-1");
        assertThat(options.label()).isEqualTo("mosquitto");
        assertThat(options.threads()).isEqualTo(3);
    }

    @Test
    void refusesANumberThatIsNotOne() {
        assertThatThrownBy(() -> LoadOptions.parse(Map.of("devices", "1k")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--devices must be a whole number, not '1k'");
    }

    @Test
    void takesAnInFlightWindowAndOpenLoopOnlyWhereTheyMeanSomething() {
        assertThat(LoadOptions.parse(Map.of()).inFlight()).isEqualTo(1);
        assertThat(LoadOptions.parse(Map.of("rate", "100")).inFlight()).isEqualTo(LoadConnection.WINDOW);
        LoadOptions open = LoadOptions.parse(Map.of("rate", "100", "in-flight", "8", "open-loop", "true"));
        assertThat(open.inFlight()).isEqualTo(8);
        assertThat(open.openLoop()).isTrue();
        assertThatThrownBy(() -> LoadOptions.parse(Map.of("in-flight", "65")))
                .hasMessage("--in-flight must be between 1 and 64, not 65");
        assertThatThrownBy(() -> LoadOptions.parse(Map.of("open-loop", "true")))
                .hasMessage("--open-loop needs --protocol mqtt, --qos 1 and a --rate above 0");
        assertThatThrownBy(() -> LoadOptions.parse(Map.of("protocol", "watch", "in-flight", "2")))
                .hasMessage("--in-flight is for --protocol mqtt");
    }

    @Test
    void refusesANumberOutOfRange() {
        assertThatThrownBy(() -> LoadOptions.parse(Map.of("qos", "2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--qos must be between 0 and 1, not 2");
        assertThatThrownBy(() -> LoadOptions.parse(Map.of("rate", "-5")))
                .hasMessage("--rate must be between 0 and 2147483647, not -5");
        assertThatThrownBy(() -> LoadOptions.parse(Map.of("port", "70000")))
                .hasMessage("--port must be between 1 and 65535, not 70000");
        assertThatThrownBy(() -> LoadOptions.parse(Map.of("duration", "0")))
                .hasMessage("--duration must be between 1 and 86400, not 0");
    }

    @Test
    void refusesMoreDevicesThanTheSourceAddressesHavePortsFor() {
        assertThatThrownBy(() -> LoadOptions.parse(Map.of("devices", "60000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "--devices 60000 is more than 1 source address(es) can hold (25,000 connections each")
                .hasMessageContaining("give at least 3, e.g. --source-addresses 127.0.0.1,127.0.0.2,127.0.0.3");
    }

    @Test
    void acceptsExactlyTwentyFiveThousandDevicesPerSourceAddress() {
        assertThat(LoadOptions.parse(Map.of("devices", "25000")).devices()).isEqualTo(25_000);
    }

    @Test
    void refusesAHostNameAsSourceAddress() {
        assertThatThrownBy(() -> LoadOptions.parse(Map.of("source-addresses", "127.0.0.1,localhost")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--source-addresses takes IP addresses separated by commas, not 'localhost'");
    }

    @Test
    void refusesSomethingThatOnlyLooksLikeAnAddress() {
        assertThatThrownBy(() -> LoadOptions.parse(Map.of("source-addresses", "127.0.0.300")))
                .hasMessage("--source-addresses takes IP addresses separated by commas, not '127.0.0.300'");
        assertThatThrownBy(() -> LoadOptions.parse(Map.of("source-addresses", "1.2.3.4.5")))
                .hasMessage("--source-addresses takes IP addresses separated by commas, not '1.2.3.4.5'");
    }

    @Test
    void refusesAnUnknownOption() {
        assertThatThrownBy(() -> LoadOptions.parse(Map.of("devcies", "10")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown option --devcies");
    }

    @Test
    void refusesAnUnknownProtocol() {
        assertThatThrownBy(() -> LoadOptions.parse(Map.of("protocol", "coap")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--protocol must be mqtt, watch or gt06, not 'coap'");
    }

    @Test
    void numbersWatchesWithTenDigitIds() {
        LoadOptions options = LoadOptions.parse(Map.of("protocol", "watch"));

        assertThat(options.deviceId(1)).isEqualTo("8800000001");
        assertThat(options.deviceId(10_000)).isEqualTo("8800010000");
    }

    @Test
    void numbersGt06TrackersWithFifteenDigitImeisAfterTheGivenPrefix() {
        LoadOptions options = LoadOptions.parse(Map.of("protocol", "gt06", "id-prefix", "35"));

        assertThat(options.deviceId(42)).isEqualTo("350000000000042");
    }

    @Test
    void refusesAWatchPrefixThatLeavesNoRoomForTheDeviceNumbers() {
        assertThatThrownBy(
                        () -> LoadOptions.parse(Map.of("protocol", "watch", "id-prefix", "123456789", "devices", "10")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaves 1 of a watch id's 10 digits, too few to number 10 devices");
        assertThatThrownBy(() -> LoadOptions.parse(Map.of("protocol", "gt06", "id-prefix", "ab")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be digits");
    }

    @Test
    void sosProbeNeedsTheApiAndThePasswordFromTheEnvironment() {
        assertThatThrownBy(() -> LoadOptions.parse(Map.of("sos-every", "2"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need --api");
        assertThatThrownBy(() -> LoadOptions.parse(
                        Map.of("sos-every", "2", "api", "http://127.0.0.1:8080", "password-env", "PW"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set PW to the platform user's password");

        LoadOptions options = LoadOptions.parse(
                Map.of("sos-every", "2", "api", "http://127.0.0.1:8080/", "password-env", "PW", "user", "desk"),
                Map.of("PW", "secret-pw"));

        assertThat(options.sosEvery()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.sosWave()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.platform())
                .isEqualTo(new LoadOptions.Platform("http://127.0.0.1:8080", "desk", "secret-pw"));
        assertThat(options.platform().toString()).doesNotContain("secret-pw");
        assertThat(options.registerWithApi()).isFalse();
    }

    @Test
    void sosPressesMayComeSeveralTimesASecond() {
        Map<String, String> env = Map.of("ANXIN_ADMIN_PASSWORD", "x");
        LoadOptions options = LoadOptions.parse(
                Map.of("sos-every", "0.25", "sos-wave", "15", "sos-warmup", "10", "api", "http://127.0.0.1:8080"), env);

        assertThat(options.sosEvery()).isEqualTo(Duration.ofMillis(250));
        assertThat(options.sosWave()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.sosWarmup()).isEqualTo(10);
        assertThat(LoadOptions.parse(Map.of(), env).sosEvery()).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> LoadOptions.parse(Map.of("sos-every", "0.01", "api", "http://127.0.0.1:8080"), env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--sos-every must be 0 or between 0.05 and 3600.0 seconds, not 0.01");
        assertThatThrownBy(() -> LoadOptions.parse(Map.of("sos-every", "often"), env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--sos-every must be a number of seconds, not 'often'");
    }

    @Test
    void sosProbeIsMqttOnly() {
        assertThatThrownBy(() -> LoadOptions.parse(
                        Map.of("protocol", "watch", "sos-every", "2", "api", "http://127.0.0.1:8080"),
                        Map.of("ANXIN_ADMIN_PASSWORD", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--sos-every needs --protocol mqtt and a publish phase (not --idle)");
    }

    @Test
    void refusesAMissingOrEmptySecretFile(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> LoadOptions.parse(
                        Map.of("secret-file", dir.resolve("nope").toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> LoadOptions.parse(Map.of("secret-file", empty.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is empty");
    }
}
