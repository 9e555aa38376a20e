package org.anxin.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anxin.platform.DeviceStream;
import org.anxin.platform.HttpApi;
import org.anxin.platform.PlatformIT;
import org.junit.jupiter.api.Test;

/**
 * {@code /actuator/prometheus}: who may read it, and that the desk's own figures move with what
 * happens — an alarm answered is timed, alarms are counted by state, the stream backlog is there
 * for every partition.
 */
class MetricsIT extends PlatformIT {
    private static final String PATH = "/actuator/prometheus";
    /** What Prometheus asks for. */
    private static final String TEXT = "text/plain;version=0.0.4";

    @Test
    void onlyAdminsAndTheScrapeAccountReadTheMetrics() {
        assertThat(anonymous().get(PATH).status()).isEqualTo(401);
        createUser("metrics-it-operator", "operator-pass-1", "OPERATOR");
        assertThat(as("metrics-it-operator", "operator-pass-1").get(PATH).status())
                .isEqualTo(403);
        assertThat(as("metrics", "not-the-password").get(PATH).status()).isEqualTo(401);
        assertThat(scraper().get(PATH, TEXT).expect(200).body()).contains("# TYPE");
        assertThat(admin().get(PATH, TEXT).status()).isEqualTo(200);
        // the scrape account opens nothing else
        assertThat(scraper().get("/api/seniors").status()).isEqualTo(401);
        assertThat(scraper().get("/api/alarms").status()).isEqualTo(401);
    }

    @Test
    void guessingTheScrapePasswordLocksLikeAPortalSignIn() {
        HttpApi guesser = as("metrics-it-guesser", "wrong");
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(guesser.get(PATH, TEXT).status()).isEqualTo(401);
        }
        assertThat(guesser.get(PATH, TEXT).status()).isEqualTo(429);
    }

    @Test
    void theStreamBacklogIsReportedForEveryPartitionOfBothLanes() {
        // one event through each lane's first partition, so both groups exist
        DeviceStream.xadd(redis, DeviceStream.entry("metrics-it-unknown", "HEARTBEAT", Instant.now(), Instant.now()));
        await(() -> value(
                        scrape(),
                        "anxin_ingest_pending",
                        "stream=\"" + DeviceStream.stream("metrics-it-unknown") + "\"")
                .isPresent());
        String text = scrape();
        for (String lane : new String[] {"anxin:alarms:", "anxin:events:"}) {
            for (int partition = 0; partition < 8; partition++) {
                String stream = "stream=\"" + lane + partition + "\"";
                assertThat(text)
                        .contains("anxin_ingest_pending{" + stream)
                        .contains("anxin_ingest_lag_seconds{" + stream);
            }
        }
        // stored and acknowledged: nothing pending, no lag
        await(() ->
                value(scrape(), "anxin_ingest_pending", "stream=\"" + DeviceStream.stream("metrics-it-unknown") + "\"")
                                .orElse(-1)
                        == 0);
    }

    @Test
    void anAnsweredAlarmIsTimedAndAlarmsAreCountedByState() {
        long senior = createSenior("褚秀兰");
        createDevice("metrics-it-1", senior);
        double answeredBefore = value(scrape(), "anxin_alarm_answer_seconds_count", "type=\"FALL\"")
                .orElse(0);
        DeviceStream.xadd(redis, DeviceStream.entry("metrics-it-1", "FALL", Instant.now(), Instant.now()));
        long id = awaitValue(() -> admin().get("/api/alarms?status=RAISED")
                .json()
                .valueStream()
                .filter(alarm -> alarm.path("deviceId").asString("").equals("metrics-it-1"))
                .map(alarm -> alarm.get("id").asLong())
                .findFirst()
                .orElse(null));
        // the gauge and the desk's list agree (read again until both are taken between two changes)
        await(() -> value(scrape(), "anxin_alarms", "status=\"RAISED\"").orElse(-1) == countByStatus("RAISED"));

        admin().post("/api/alarms/" + id + "/acknowledge").expect(200);

        String after = scrape();
        assertThat(value(after, "anxin_alarm_answer_seconds_count", "type=\"FALL\""))
                .hasValue(answeredBefore + 1);
        assertThat(after).contains("http_server_requests_seconds_count");
        await(() ->
                value(scrape(), "anxin_alarms", "status=\"ACKNOWLEDGED\"").orElse(-1) == countByStatus("ACKNOWLEDGED"));
    }

    /** Alarms in this state as the desk's list shows them, counted here rather than by the metric's query. */
    private long countByStatus(String status) {
        var alarms = admin().get("/api/alarms?status=" + status).json();
        assertThat(alarms.size()).as("below the list's cap of 500").isLessThan(500);
        return alarms.size();
    }

    private HttpApi scraper() {
        return as("metrics", METRICS_PASSWORD);
    }

    private String scrape() {
        return scraper().get(PATH, TEXT).expect(200).body();
    }

    /** The sample of {@code name} whose labels include {@code label}, if any. */
    private static OptionalDouble value(String text, String name, String label) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$")
                .matcher(text);
        while (sample.find()) {
            if (sample.group(1).contains(label)) {
                return OptionalDouble.of(Double.parseDouble(sample.group(2)));
            }
        }
        return OptionalDouble.empty();
    }
}
