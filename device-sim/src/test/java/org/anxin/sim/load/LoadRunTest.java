package org.anxin.sim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The load client end to end against {@link FakeBroker}, a minimal MQTT responder on loopback. */
class LoadRunTest {

    @Test
    void twentyDevicesPublishAsFastAsAcksAllowAndEveryMessageIsAcked(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("results/fake.json");
        try (FakeBroker broker = FakeBroker.acking()) {
            int exit = LoadCommand.run(Map.of(
                    "devices", "20",
                    "rate", "0",
                    "qos", "1",
                    "duration", "2",
                    "port", String.valueOf(broker.port()),
                    "json-out", json.toString(),
                    "label", "fake"));

            JsonNode result = JsonMapper.builder().build().readTree(Files.readString(json, StandardCharsets.UTF_8));
            assertThat(exit).isZero();
            assertThat(result.get("system").asString()).isEqualTo("fake");
            assertThat(result.get("devices").asInt()).isEqualTo(20);
            assertThat(result.get("qos").asInt()).isEqualTo(1);
            assertThat(result.get("rateTarget").asInt()).isZero();
            assertThat(result.get("durationSeconds").asInt()).isEqualTo(2);
            assertThat(result.get("connected").asInt()).isEqualTo(20);
            assertThat(result.get("connectFailures").asInt()).isZero();
            assertThat(result.get("connectPerSecond").asDouble()).isPositive();
            long sent = result.get("sent").asLong();
            assertThat(sent).isPositive();
            assertThat(result.get("acked").asLong()).isEqualTo(sent);
            assertThat(result.get("msgsPerSecond").asDouble()).isPositive();
            assertThat(result.get("ackP50Us").asLong()).isPositive();
            assertThat(result.get("ackP90Us").asLong())
                    .isGreaterThanOrEqualTo(result.get("ackP50Us").asLong());
            assertThat(result.get("ackP99Us").asLong())
                    .isGreaterThanOrEqualTo(result.get("ackP90Us").asLong());
            assertThat(result.get("ackP999Us").asLong())
                    .isGreaterThanOrEqualTo(result.get("ackP99Us").asLong());
            assertThat(result.get("ackMaxUs").asLong())
                    .isGreaterThanOrEqualTo(result.get("ackP999Us").asLong());
            assertThat(result.get("errors").asLong()).isZero();
            assertThat(broker.publishes.get()).isEqualTo(sent);
            assertThat(broker.passwordsByClientId)
                    .hasSize(20)
                    .containsEntry("load-1", "")
                    .containsEntry("load-20", "");
            awaitTrue(() -> broker.disconnects.get() == 20);
            assertThat(broker.problems).isEmpty();
        }
    }

    @Test
    void sendsTheSharedSecretAndNeverExceedsAFixedRate(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "s3cret\n", StandardCharsets.UTF_8);
        try (FakeBroker broker = FakeBroker.acking()) {
            LoadReport report = run(broker, Map.of("rate", "100", "secret-file", secret.toString()));

            assertThat(report.connected()).isEqualTo(20);
            assertThat(report.sent()).isPositive().isLessThanOrEqualTo(100 * 2);
            assertThat(report.acked()).isEqualTo(report.sent());
            assertThat(report.errors()).isZero();
            assertThat(broker.passwordsByClientId).hasSize(20).containsEntry("load-7", "s3cret");
            assertThat(broker.problems).isEmpty();
        }
    }

    @Test
    void publishesAtQos0WithoutWaitingForAcks() throws Exception {
        try (FakeBroker broker = FakeBroker.acking()) {
            LoadReport report = run(broker, Map.of("qos", "0", "rate", "50"));

            assertThat(report.sent()).isPositive().isLessThanOrEqualTo(50 * 2);
            assertThat(report.acked()).isZero();
            assertThat(report.ackP50Us()).isNull();
            assertThat(report.errors()).isZero();
            awaitTrue(() -> broker.qos0Publishes.get() == report.sent());
        }
    }

    @Test
    void publishesAtQos0AsFastAsTheSocketsTakeIt() throws Exception {
        try (FakeBroker broker = FakeBroker.acking()) {
            LoadReport report = run(broker, Map.of("devices", "5", "qos", "0", "duration", "1"));

            assertThat(report.sent()).isPositive();
            assertThat(report.msgsPerSecond()).isPositive();
            assertThat(report.errors()).isZero();
            awaitTrue(() -> broker.qos0Publishes.get() == report.sent());
        }
    }

    @Test
    void sendsPingreqWhenNothingElseIsWritten() throws Exception {
        try (FakeBroker broker = new FakeBroker(0, false)) {
            // keep-alive 2 s: PINGREQ after 1 s without a write; the one message in flight is never acked
            LoadOptions options = options(broker.port(), Map.of("devices", "2", "duration", "3"))
                    .withTimings(2, Duration.ofMillis(100));

            LoadReport report = new LoadRun(options).run();

            assertThat(report.sent()).isEqualTo(2);
            assertThat(broker.pingRequests.get()).isGreaterThanOrEqualTo(2);
            assertThat(report.errorKinds()).containsEntry("pingTimeout", 0L).containsEntry("closed", 0L);
        }
    }

    @Test
    void countsMessagesNeverAckedOnceTheWaitIsOver() throws Exception {
        try (FakeBroker broker = new FakeBroker(0, false)) {
            LoadOptions options = options(broker.port(), Map.of("devices", "5", "duration", "1"))
                    .withTimings(60, Duration.ofMillis(500));

            LoadReport report = new LoadRun(options).run();

            assertThat(report.connected()).isEqualTo(5);
            assertThat(report.sent()).isEqualTo(5);
            assertThat(report.acked()).isZero();
            assertThat(report.unacked()).isEqualTo(5);
            assertThat(report.errorKinds()).containsEntry("ackTimeout", 5L);
        }
    }

    @Test
    void keepsTheInFlightWindowFullWithoutAcks() throws Exception {
        try (FakeBroker broker = new FakeBroker(0, false)) {
            LoadOptions options = options(broker.port(), Map.of("devices", "5", "duration", "1", "in-flight", "4"))
                    .withTimings(60, Duration.ofMillis(300));

            LoadReport report = new LoadRun(options).run();

            // closed loop, 4 in flight per device and nothing acked: exactly 4 each, then silence
            assertThat(report.sent()).isEqualTo(5 * 4);
            assertThat(report.unacked()).isEqualTo(5 * 4);
            assertThat(report.inFlight()).isEqualTo(4);
            assertThat(broker.publishes.get()).isEqualTo(5 * 4);
        }
    }

    @Test
    void openLoopStopsAtTheWindowAndCountsLatencyFromTheSchedule() throws Exception {
        try (FakeBroker broker = new FakeBroker(0, false)) {
            // 1,000 msgs/s offered to 5 devices that may each have 3 unacked: 15 leave, the rest stay due
            LoadOptions options = options(
                            broker.port(),
                            Map.of(
                                    "devices",
                                    "5",
                                    "duration",
                                    "1",
                                    "rate",
                                    "1000",
                                    "in-flight",
                                    "3",
                                    "open-loop",
                                    "true"))
                    .withTimings(60, Duration.ofMillis(300));

            LoadReport report = new LoadRun(options).run();

            assertThat(report.sent()).isEqualTo(5 * 3);
            assertThat(report.openLoop()).isTrue();
            assertThat(report.sendLagP99Us()).isNotNull();
        }
    }

    @Test
    void openLoopAtAFixedRateIsAckedAndReportsTheLoadersOwnCpu() throws Exception {
        try (FakeBroker broker = FakeBroker.acking()) {
            LoadReport report = run(broker, Map.of("rate", "400", "open-loop", "true"));

            assertThat(report.sent()).isPositive().isLessThanOrEqualTo(400 * 2);
            assertThat(report.acked()).isEqualTo(report.sent());
            assertThat(report.ackP99Us()).isNotNull();
            assertThat(report.sendLagP99Us()).isNotNull();
            assertThat(report.cpuSeconds()).isPositive();
            assertThat(report.publishCpuSeconds()).isPositive().isLessThanOrEqualTo(report.cpuSeconds());
            assertThat(LatencyRecorder.decode(report.ackHistogram()).getTotalCount())
                    .isEqualTo(report.acked());
        }
    }

    @Test
    void mergesSeveralLoadersResults(@TempDir Path dir) throws Exception {
        try (FakeBroker broker = FakeBroker.acking()) {
            Path a = dir.resolve("a.json");
            Path b = dir.resolve("b.json");
            Path merged = dir.resolve("merged.json");
            for (Path out : List.of(a, b)) {
                LoadCommand.run(Map.of(
                        "devices", "5",
                        "rate", "0",
                        "in-flight", "2",
                        "duration", "1",
                        "id-prefix", out.getFileName().toString().substring(0, 1) + "-",
                        "port", String.valueOf(broker.port()),
                        "json-out", out.toString()));
            }

            LoadMerge.run(Map.of("inputs", a + "," + b, "json-out", merged.toString(), "label", "fake"));

            JsonMapper json = JsonMapper.builder().build();
            JsonNode one = json.readTree(Files.readString(a, StandardCharsets.UTF_8));
            JsonNode two = json.readTree(Files.readString(b, StandardCharsets.UTF_8));
            JsonNode both = json.readTree(Files.readString(merged, StandardCharsets.UTF_8));
            assertThat(both.get("system").asString()).isEqualTo("fake");
            assertThat(both.get("loaders").asInt()).isEqualTo(2);
            assertThat(both.get("devices").asInt()).isEqualTo(10);
            assertThat(both.get("acked").asLong())
                    .isEqualTo(one.get("acked").asLong() + two.get("acked").asLong());
            assertThat(both.get("msgsPerSecond").asDouble())
                    .isCloseTo(
                            one.get("msgsPerSecond").asDouble()
                                    + two.get("msgsPerSecond").asDouble(),
                            within(0.2));
            assertThat(LatencyRecorder.decode(both.get("ackHistogram").asString())
                            .getTotalCount())
                    .isEqualTo(both.get("acked").asLong());
            assertThat(both.get("ackMaxUs").asLong())
                    .isEqualTo(Math.max(
                            one.get("ackMaxUs").asLong(), two.get("ackMaxUs").asLong()));
            assertThat(broker.passwordsByClientId).containsKeys("a-1", "a-5", "b-1", "b-5");
        }
    }

    @Test
    void countsARefusingConnackAsAConnectFailure() throws Exception {
        try (FakeBroker broker = new FakeBroker(5, true)) {
            LoadReport report = run(broker, Map.of("duration", "1"));

            assertThat(report.connected()).isZero();
            assertThat(report.connectFailures()).isEqualTo(20);
            assertThat(report.errorKinds()).containsEntry("connackRefused", 20L);
            assertThat(report.enoughConnected()).isFalse();
            assertThat(report.sent()).isZero();
        }
    }

    @Test
    void countsRefusedConnectionsWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        LoadOptions options = options(port, Map.of("devices", "3", "duration", "1"));

        LoadReport report = new LoadRun(options).run();

        assertThat(report.connected()).isZero();
        assertThat(report.connectFailures()).isEqualTo(3);
        assertThat(report.errorKinds()).containsEntry("connectRefused", 3L);
    }

    private static LoadReport run(FakeBroker broker, Map<String, String> extra) throws InterruptedException {
        return new LoadRun(options(broker.port(), extra)).run();
    }

    private static LoadOptions options(int port, Map<String, String> extra) {
        Map<String, String> options = new HashMap<>(Map.of("devices", "20", "duration", "2", "threads", "2"));
        options.put("port", String.valueOf(port));
        options.putAll(extra);
        return LoadOptions.parse(options);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
