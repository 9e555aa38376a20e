package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/drill.sh} on a small load, as a test: the cluster of {@code ./anxin cluster} as
 * separate processes (standalone PostgreSQL and Redis, two platform JVMs, two gateway JVMs, HAProxy),
 * MQTT buttons and GT06 trackers that retry every event until acked, and in turn {@code kill -9} of
 * gateway A (its devices reconnect through the balancer to B), of platform node 1 (node 2 claims its
 * pending stream entries), of Redis and of PostgreSQL, each restarted. Every acknowledged event must
 * be stored exactly once and the acks must come back after every fault.
 *
 * <p>Needs haproxy and psql ({@code .ci/run} installs them) and the exec jars of {@code mvn package}.
 */
class FaultDrillIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void noAcknowledgedEventIsLostOrStoredTwiceAcrossKillsOfEveryKindOfNode() throws Exception {
        for (String tool : List.of("haproxy", "psql")) {
            assertThat(onPath(tool))
                    .as("%s must be installed for the drill (Debian: apt-get install haproxy postgresql-client)", tool)
                    .isTrue();
        }
        Path target = Files.createDirectories(ROOT.resolve("e2e/target"));
        Path result = target.resolve("fault-drill.json");
        Path log = target.resolve("fault-drill.log");
        Files.deleteIfExists(result);
        ProcessBuilder drill = new ProcessBuilder("bash", "bench/drill.sh")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        drill.environment()
                .putAll(java.util.Map.of(
                        "MQTT_DEVICES", "20",
                        "GT06_DEVICES", "20",
                        "STEADY", "20",
                        "DOWN", "5",
                        "DRAIN", "60",
                        "DRILL_RESULT", result.toString()));
        Process process = drill.start();
        boolean finished = process.waitFor(30, TimeUnit.MINUTES);
        if (!finished) {
            process.destroy(); // SIGTERM: the script stops everything it started
            process.waitFor(2, TimeUnit.MINUTES);
        }
        assertThat(finished)
                .as("bench/drill.sh within 30 minutes; its output:\n%s", tail(log))
                .isTrue();
        assertThat(process.exitValue())
                .as("bench/drill.sh exit code; its output:\n%s", tail(log))
                .isZero();

        JsonNode report = JsonMapper.builder().build().readTree(Files.readString(result));
        assertThat(report.get("distinctAcked").asLong()).as("acked events").isGreaterThan(1_000);
        assertThat(report.get("lost").asLong())
                .as("acked but not stored: %s", report.get("lostSamples"))
                .isZero();
        assertThat(report.get("duplicated").asLong()).as("stored twice").isZero();
        assertThat(report.get("gaveUp").asLong())
                .as("events never acked within the drain")
                .isZero();
        assertThat(report.get("faults"))
                .extracting(f -> f.get("fault").asString())
                .containsExactly("gateway_a", "platform_node1", "redis", "postgresql");
        for (JsonNode fault : report.get("faults")) {
            assertThat(fault.get("recoverSeconds").isNull())
                    .as(
                            "acks back at 90 %% of the rate before kill -9 %s",
                            fault.get("fault").asString())
                    .isFalse();
        }
    }

    private static boolean onPath(String tool) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
