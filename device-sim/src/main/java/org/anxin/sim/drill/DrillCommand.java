package org.anxin.sim.drill;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.anxin.sim.load.ApiRegistrar;
import org.anxin.sim.load.ApiSession;
import org.anxin.sim.load.LoadOptions;
import org.anxin.sim.load.LoadProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code device-sim drill}: the load of bench/drill.sh. MQTT buttons and GT06 trackers, registered
 * through the platform's API, each sending a LOCATION event every interval and retrying it until
 * acked; every ack goes to {@code acked.tsv} in the output directory, which the drill then counts
 * against the database.
 */
public final class DrillCommand {
    private static final Logger log = LoggerFactory.getLogger("device-sim");

    public static final String USAGE =
            """
            device-sim drill [options]     devices that retry every event until acked; each ack is logged
              --api URL              platform base URL, to register the devices (http://127.0.0.1:8080)
              --user NAME            platform user allowed to register seniors and devices (admin)
              --password-env VAR     environment variable holding that user's password (ANXIN_ADMIN_PASSWORD)
              --mqtt URL             gateway MQTT address (tcp://127.0.0.1:1883)
              --gt06 URL             gateway GT06 address (tcp://127.0.0.1:5023)
              --mqtt-devices N       MQTT buttons (50)
              --gt06-devices N       GT06 trackers (50)
              --interval-ms MS       time between a device's events, at least 1000 (1000)
              --duration SECONDS     how long new events are sent (60)
              --drain SECONDS        how long events in flight are then still retried (60)
              --run-id DIGITS        1 to 4 digits that make this run's device ids unique (1)
              --out DIR              where acked.tsv and summary.json are written (required)
            """;

    private DrillCommand() {}

    private static final Set<String> OPTIONS = Set.of(
            "api",
            "user",
            "password-env",
            "mqtt",
            "gt06",
            "mqtt-devices",
            "gt06-devices",
            "interval-ms",
            "duration",
            "drain",
            "run-id",
            "out");

    public static int run(Map<String, String> options) throws Exception {
        for (String option : options.keySet()) {
            if (!OPTIONS.contains(option)) {
                throw new IllegalArgumentException("unknown option --" + option + "\n" + USAGE);
            }
        }
        String out = options.get("out");
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required\n" + USAGE);
        }
        int mqttDevices = count(options, "mqtt-devices", 50);
        int gt06Devices = count(options, "gt06-devices", 50);
        long interval = Long.parseLong(options.getOrDefault("interval-ms", "1000"));
        if (interval < 1000) {
            throw new IllegalArgumentException("--interval-ms must be at least 1000 (events carry whole seconds)");
        }
        String runId = options.getOrDefault("run-id", "1");
        if (!runId.matches("[0-9]{1,4}")) {
            throw new IllegalArgumentException("--run-id must be 1 to 4 digits, not '" + runId + "'");
        }
        String passwordVariable = options.getOrDefault("password-env", "ANXIN_ADMIN_PASSWORD");
        String password = System.getenv(passwordVariable);
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("set " + passwordVariable + " to the platform user's password");
        }
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "60")));
        Duration drain = Duration.ofSeconds(Long.parseLong(options.getOrDefault("drain", "60")));
        URI gt06 = URI.create(options.getOrDefault("gt06", "tcp://127.0.0.1:5023"));
        String mqtt = options.getOrDefault("mqtt", "tcp://127.0.0.1:1883");
        Path dir = Files.createDirectories(Path.of(out));

        ApiSession session = ApiSession.signIn(new LoadOptions.Platform(
                options.getOrDefault("api", "http://127.0.0.1:8080"), options.getOrDefault("user", "admin"), password));
        ApiRegistrar registrar = new ApiRegistrar(session);
        String mqttPrefix = "drill" + runId + "-";
        String gt06Prefix = String.format(Locale.ROOT, "86%04d", Integer.parseInt(runId));
        String[] secrets = registrar.register(mqttDevices, i -> mqttPrefix + i, LoadProtocol.MQTT, "演练 MQTT");
        registrar.register(gt06Devices, i -> imei(gt06Prefix, i), LoadProtocol.GT06, "演练 GT06");
        log.info(
                "registered {} MQTT and {} GT06 devices; sending for {} s",
                mqttDevices,
                gt06Devices,
                duration.toSeconds());

        try (AckLog acks = new AckLog(dir.resolve("acked.tsv"))) {
            Drill drill = new Drill(acks, duration, drain);
            List<DrillDevice> devices = new ArrayList<>();
            for (int i = 1; i <= mqttDevices; i++) {
                devices.add(new MqttDrillDevice(mqttPrefix + i, secrets[i - 1], mqtt, interval, drill));
            }
            for (int i = 1; i <= gt06Devices; i++) {
                devices.add(new Gt06DrillDevice(imei(gt06Prefix, i), gt06.getHost(), gt06.getPort(), interval, drill));
            }
            // SIGTERM (bench/drill.sh at the end of its faults): stop sending, drain, write the summary
            CountDownLatch finished = new CountDownLatch(1);
            Thread hook = new Thread(
                    () -> {
                        drill.stop();
                        try {
                            finished.await(drain.toSeconds() + 30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "drill-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            List<Thread> threads = new ArrayList<>();
            for (DrillDevice device : devices) {
                Thread thread = new Thread(device, "drill-" + device.id());
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            String summary = String.format(
                    Locale.ROOT,
                    "{\"mqttDevices\":%d,\"gt06Devices\":%d,\"acked\":%d,\"resent\":%d,\"reconnects\":%d,"
                            + "\"gaveUp\":%d}%n",
                    mqttDevices,
                    gt06Devices,
                    acks.acked.get(),
                    acks.resent.get(),
                    acks.reconnects.get(),
                    acks.gaveUp.get());
            acks.close();
            Files.writeString(dir.resolve("summary.json"), summary);
            log.info("drill load done: {}", summary.strip());
            finished.countDown();
        }
        return 0;
    }

    private static String imei(String prefix, int i) {
        return prefix + String.format(Locale.ROOT, "%09d", i);
    }

    private static int count(Map<String, String> options, String name, int fallback) {
        int n = Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
        if (n < 0 || n > 5_000) {
            throw new IllegalArgumentException("--" + name + " must be 0 to 5000, not " + n);
        }
        return n;
    }
}
