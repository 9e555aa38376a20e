package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.anxin.sim.city.City;
import org.anxin.sim.city.CityScenario;
import org.anxin.sim.city.Counters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The simulated city against the whole system for a bounded time: MQTT buttons, "3G" watches and
 * GT06 locators registered through the API, pressing SOS and falling at a high rate. Every press
 * it made becomes an alarm of that kind for that device, and there is none it did not make.
 */
class CityScenarioIT {
    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    private Stack stack;

    @BeforeEach
    void system() {
        stack = STACK.stack();
    }

    @Test
    void everyPressBecomesAnAlarmAndNothingElseDoes() throws Exception {
        Path state = Files.createTempDirectory("anxin-city-it");
        try {
            CityScenario city = new CityScenario(new CityScenario.Settings(
                    stack.baseUrl(),
                    "admin",
                    stack.adminPassword(),
                    "tcp://127.0.0.1:" + stack.mqttPort(),
                    "tcp://127.0.0.1:" + stack.watchPort(),
                    "tcp://127.0.0.1:" + stack.gt06Port(),
                    new CityScenario.Mix(40, 30, 30),
                    0.3,
                    10,
                    2,
                    City.named("chengdu"), // away from the Hangzhou seniors of the other tests
                    1_080, // about one SOS every 3 s across the city
                    540,
                    Duration.ofSeconds(20),
                    state,
                    7));

            city.run(); // returns after 20 s, devices disconnected

            Counters counters = city.counters();
            List<String> devices = city.deviceIds();
            assertThat(devices).hasSize(10);
            assertThat(devices.stream().filter(id -> id.startsWith("btn-"))).isNotEmpty();
            assertThat(devices.stream().filter(id -> id.matches("88[0-9]{8}"))).isNotEmpty(); // watches
            assertThat(devices.stream().filter(id -> id.matches("86[0-9]{13}"))).isNotEmpty(); // GT06 IMEIs
            assertThat(counters.acked()).isPositive();
            Set<String> pressed = counters.presses().stream()
                    .map(p -> p.deviceId() + " " + p.type())
                    .collect(Collectors.toSet());
            assertThat(pressed).isNotEmpty();
            assertThat(pressed.stream().map(p -> p.split(" ")[0]).distinct().count())
                    .isGreaterThan(1);

            Api admin = stack.admin();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(alarmsOf(admin, devices)).isEqualTo(pressed));
        } finally {
            TempDirs.delete(state);
        }
    }

    /** "deviceId TYPE" for every SOS and FALL alarm of these devices, whatever its status. */
    private static Set<String> alarmsOf(Api admin, List<String> devices) {
        return admin.get("/api/alarms")
                .json()
                .valueStream()
                .filter(a -> devices.contains(a.get("deviceId").asString()))
                .filter(a -> Set.of("SOS", "FALL").contains(a.get("type").asString()))
                .map(a -> a.get("deviceId").asString() + " " + a.get("type").asString())
                .collect(Collectors.toSet());
    }
}
