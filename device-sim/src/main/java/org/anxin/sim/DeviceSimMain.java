package org.anxin.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.anxin.sim.city.City;
import org.anxin.sim.city.CityScenario;
import org.anxin.sim.drill.DrillCommand;
import org.anxin.sim.load.LoadCommand;
import org.anxin.sim.storm.StormCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code device-sim city …}: a simulated city of devices, an honest black-box client of Anxin;
 * {@code device-sim load …}: many lean MQTT connections publishing at a set rate, against any
 * MQTT 3.1.1 broker.
 */
public final class DeviceSimMain {
    private static final Logger log = LoggerFactory.getLogger("device-sim");
    static final String CITY_USAGE =
            """
            usage: device-sim city [options]
              --api URL              platform base URL (http://127.0.0.1:8080)
              --user NAME            platform user allowed to register seniors and devices (admin)
              --password-env VAR     environment variable holding that user's password (ANXIN_ADMIN_PASSWORD)
              --mqtt URL             gateway MQTT address (tcp://127.0.0.1:1883)
              --watch URL            gateway "3G" watch address (tcp://127.0.0.1:5093)
              --gt06 URL             gateway GT06 address (tcp://127.0.0.1:5023)
              --mix M,W,G            percent of MQTT buttons, "3G" watches, GT06 locators (60,25,15)
              --taken-off-at-night P share of watches taken off each night, reported once (0.3)
              --seniors N            seniors, one device each (36)
              --responders N         responders registered as RESPONDER users (12)
              --city NAME            hangzhou | shenyang | chengdu (hangzhou)
              --sos-per-hour R       SOS presses per hour across the city (2)
              --fall-per-hour R      falls per hour across the city (1)
              --duration SECONDS     run time, 0 = until stopped (0)
              --state-dir DIR        where registrations and device secrets are kept (./data/sim)
              --seed N               the city's people and homes (42)
            """;
    private static final String USAGE = CITY_USAGE + LoadCommand.USAGE + DrillCommand.USAGE + StormCommand.USAGE;

    private DeviceSimMain() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** The exit code: 0 done (or help asked for), 2 a usage error. */
    static int run(String[] args) throws Exception {
        if (args.length == 0) {
            log.info(USAGE);
            return 2;
        }
        if (isHelp(args[0]) || "help".equals(args[0])) {
            log.info(USAGE);
            return 0;
        }
        String usage =
                switch (args[0]) {
                    case "city" -> CITY_USAGE;
                    case "load" -> "usage: " + LoadCommand.USAGE;
                    case "drill" -> "usage: " + DrillCommand.USAGE;
                    case "storm" -> "usage: " + StormCommand.USAGE;
                    default -> null;
                };
        if (usage == null) {
            log.error("unknown command {}\n{}", args[0], USAGE);
            return 2;
        }
        if (Arrays.stream(args, 1, args.length).anyMatch(DeviceSimMain::isHelp)) {
            log.info(usage);
            return 0;
        }
        try {
            return switch (args[0]) {
                case "city" -> city(options(args));
                case "drill" -> DrillCommand.run(options(args));
                case "storm" -> StormCommand.run(options(args));
                default -> LoadCommand.run(options(args));
            };
        } catch (IllegalArgumentException e) {
            log.error(e.getMessage());
            return 2;
        }
    }

    private static boolean isHelp(String arg) {
        return "--help".equals(arg) || "-h".equals(arg);
    }

    private static int city(Map<String, String> options) throws Exception {
        String passwordVariable = options.getOrDefault("password-env", "ANXIN_ADMIN_PASSWORD");
        String password = System.getenv(passwordVariable);
        if (password == null || password.isBlank()) {
            log.error(
                    "set {} to the password of the platform user (it is never taken on the command line)",
                    passwordVariable);
            return 2;
        }
        CityScenario scenario = new CityScenario(new CityScenario.Settings(
                options.getOrDefault("api", "http://127.0.0.1:8080"),
                options.getOrDefault("user", "admin"),
                password,
                options.getOrDefault("mqtt", "tcp://127.0.0.1:1883"),
                options.getOrDefault("watch", "tcp://127.0.0.1:5093"),
                options.getOrDefault("gt06", "tcp://127.0.0.1:5023"),
                CityScenario.Mix.parse(options.getOrDefault("mix", "60,25,15")),
                Double.parseDouble(options.getOrDefault("taken-off-at-night", "0.3")),
                Integer.parseInt(options.getOrDefault("seniors", "36")),
                Integer.parseInt(options.getOrDefault("responders", "12")),
                City.named(options.getOrDefault("city", "hangzhou")),
                Double.parseDouble(options.getOrDefault("sos-per-hour", "2")),
                Double.parseDouble(options.getOrDefault("fall-per-hour", "1")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "0"))),
                Path.of(options.getOrDefault("state-dir", "./data/sim")),
                Long.parseLong(options.getOrDefault("seed", "42"))));
        Runtime.getRuntime().addShutdownHook(new Thread(scenario::stop, "device-sim-stop"));
        scenario.run();
        return 0;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + args[i] + "\n" + USAGE);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
