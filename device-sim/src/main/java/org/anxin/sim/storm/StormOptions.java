package org.anxin.sim.storm;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anxin.sim.OptionValues;

/**
 * What {@code device-sim storm} is asked to do; {@link #parse} refuses, naming the option,
 * anything it could not run.
 *
 * @param mqtt5Percent share of the devices speaking MQTT 5 (the rest MQTT 3.1.1): device n speaks
 *     MQTT 5 when {@code n % 100 < mqtt5Percent}
 * @param outageWaitSeconds after all are connected, how long to wait for the connections to drop
 * @param maxWaitSeconds after the first connection dropped, how long to wait for all to be back
 */
record StormOptions(
        int devices,
        String host,
        int port,
        List<InetAddress> sourceAddresses,
        byte[] password,
        String idPrefix,
        int mqtt5Percent,
        int connectsPerSecond,
        int keepAliveSeconds,
        int connAckTimeoutSeconds,
        Backoff backoff,
        int outageWaitSeconds,
        int maxWaitSeconds,
        int threads,
        Path readyFile,
        Path jsonOut,
        Path perDeviceOut,
        String label) {

    /** One source address has ~28k ephemeral ports; keep a margin for TIME_WAIT of retries. */
    static final int DEVICES_PER_SOURCE_ADDRESS = 12_500;

    static final String USAGE =
            """
            device-sim storm [options]     devices that reconnect as real ones do, to time a reconnect storm
              --devices N            devices, one connection each (1000)
              --host H --port P      gateway MQTT address (127.0.0.1, 1883)
              --source-addresses A,B local addresses to connect from, 12,500 devices each (127.0.0.1)
              --secret-file F        the devices' shared secret (user name = client id) (required)
              --id-prefix P          device ids P1 … PN (storm-)
              --mqtt5-percent P      share of devices speaking MQTT 5, the rest MQTT 3.1.1 (50)
              --ramp-per-second C    first connects per second, before the storm (1000)
              --keep-alive SECONDS   MQTT keep-alive (60)
              --connack-timeout S    a device gives up on a CONNACK after this, closes and backs off (10)
              --backoff-base S       first backoff (1); doubles after each failed attempt in a row,
              --backoff-cap S        up to this (60); each wait is random in the upper half of it
              --outage-wait S        once all are connected, wait this long for the connections to drop (120)
              --max-wait S           after the first drop, wait this long for all to be back (300)
              --threads T            event-loop threads (number of CPUs)
              --ready-file F         written once all devices are connected (or the ramp gave up)
              --json-out F           the results as one JSON object
              --per-device-out F     one line per device: id, lost and back (epoch ms, -1: never), attempts
              --label NAME           in the JSON (storm)
            The run ends by itself: when every device is back, or after --max-wait.
            """;

    private static final Set<String> KNOWN = Set.of(
            "devices",
            "host",
            "port",
            "source-addresses",
            "secret-file",
            "id-prefix",
            "mqtt5-percent",
            "ramp-per-second",
            "keep-alive",
            "connack-timeout",
            "backoff-base",
            "backoff-cap",
            "outage-wait",
            "max-wait",
            "threads",
            "ready-file",
            "json-out",
            "per-device-out",
            "label");

    static StormOptions parse(Map<String, String> options) {
        for (String name : options.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
            }
        }
        int devices = OptionValues.number(options, "devices", 1000, 1, 1_000_000);
        List<InetAddress> sources = OptionValues.sourceAddresses(options.getOrDefault("source-addresses", "127.0.0.1"));
        if ((long) sources.size() * DEVICES_PER_SOURCE_ADDRESS < devices) {
            throw new IllegalArgumentException("--devices " + devices + " needs at least "
                    + ((devices + DEVICES_PER_SOURCE_ADDRESS - 1) / DEVICES_PER_SOURCE_ADDRESS)
                    + " --source-addresses (" + DEVICES_PER_SOURCE_ADDRESS + " devices each: retries leave"
                    + " ports in TIME_WAIT)");
        }
        String secretFile = options.get("secret-file");
        if (secretFile == null) {
            throw new IllegalArgumentException("--secret-file is required (the devices' shared secret)");
        }
        return new StormOptions(
                devices,
                options.getOrDefault("host", "127.0.0.1"),
                OptionValues.number(options, "port", 1883, 1, 65_535),
                sources,
                OptionValues.secret(secretFile),
                options.getOrDefault("id-prefix", "storm-"),
                OptionValues.number(options, "mqtt5-percent", 50, 0, 100),
                OptionValues.number(options, "ramp-per-second", 1000, 1, 1_000_000),
                OptionValues.number(options, "keep-alive", 60, 2, 65_535),
                OptionValues.number(options, "connack-timeout", 10, 1, 600),
                new Backoff(decimal(options, "backoff-base", 1), decimal(options, "backoff-cap", 60)),
                OptionValues.number(options, "outage-wait", 120, 1, 86_400),
                OptionValues.number(options, "max-wait", 300, 1, 86_400),
                OptionValues.number(options, "threads", Runtime.getRuntime().availableProcessors(), 1, 256),
                path(options, "ready-file"),
                path(options, "json-out"),
                path(options, "per-device-out"),
                options.getOrDefault("label", "storm"));
    }

    String deviceId(int index) {
        return idPrefix + (index + 1);
    }

    boolean mqtt5(int index) {
        return (index + 1) % 100 < mqtt5Percent;
    }

    InetAddress sourceFor(int index) {
        return sourceAddresses.get(index % sourceAddresses.size());
    }

    private static Path path(Map<String, String> options, String name) {
        String value = options.get(name);
        return value == null ? null : Path.of(value);
    }

    private static double decimal(Map<String, String> options, String name, double fallback) {
        String text = options.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number of seconds, not '" + text + "'");
        }
    }
}
