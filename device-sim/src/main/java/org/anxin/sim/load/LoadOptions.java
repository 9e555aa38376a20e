package org.anxin.sim.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code device-sim load} is asked to do. {@link #parse} turns command-line options into
 * it and refuses, with a message naming the option, anything it could not run.
 *
 * @param rate total messages per second over all devices; 0 = as fast as acks allow (QoS 1: one
 *     message in flight per device)
 * @param password the shared device secret, or null for anonymous connections
 * @param ackWait how long outstanding PUBACKs are awaited after the publish phase
 */
public record LoadOptions(
        int devices,
        int rate,
        int qos,
        Duration duration,
        String host,
        int port,
        int connectsPerSecond,
        List<InetAddress> sourceAddresses,
        byte[] password,
        Path jsonOut,
        String idPrefix,
        String label,
        int threads,
        int keepAliveSeconds,
        Duration ackWait) {

    /** One source address has ~28k ephemeral ports (32768–60999); keep a margin. */
    public static final int CONNECTIONS_PER_SOURCE_ADDRESS = 25_000;

    static final String USAGE =
            """
            device-sim load [options]      MQTT 3.1.1 load from many lean connections (Netty, no Paho)
              --devices N            connections, one device each (1000)
              --rate R               total messages/s over all devices; 0 = as fast as acks allow (0)
              --qos Q                0 or 1 (1)
              --duration SECONDS     length of the publish phase, after the ramp (20)
              --protocol mqtt        the only one so far (mqtt)
              --host H --port P      broker address (127.0.0.1, 1883)
              --ramp-per-second C    new connections per second (1000)
              --source-addresses A,B local addresses to connect from, 25,000 connections each (127.0.0.1)
              --secret-file F        one secret for all devices (user name = client id); absent: anonymous
              --id-prefix P          device ids are P1 … PN (load-)
              --json-out FILE        also write the results as one JSON object
              --label NAME           the system under test, in the JSON (unknown)
              --threads T            event-loop threads (number of CPUs)
            """;

    private static final Set<String> KNOWN = Set.of(
            "devices",
            "rate",
            "qos",
            "duration",
            "protocol",
            "host",
            "port",
            "ramp-per-second",
            "source-addresses",
            "secret-file",
            "json-out",
            "id-prefix",
            "label",
            "threads");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public LoadOptions {
        sourceAddresses = List.copyOf(sourceAddresses);
    }

    public static LoadOptions parse(Map<String, String> options) {
        for (String name : options.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
            }
        }
        String protocol = options.getOrDefault("protocol", "mqtt");
        if (!"mqtt".equals(protocol)) {
            throw new IllegalArgumentException("--protocol " + protocol + " is not supported; load speaks mqtt only");
        }
        int devices = number(options, "devices", 1000, 1, Integer.MAX_VALUE);
        int qos = number(options, "qos", 1, 0, 1);
        List<InetAddress> sources = sourceAddresses(options.getOrDefault("source-addresses", "127.0.0.1"));
        long capacity = (long) CONNECTIONS_PER_SOURCE_ADDRESS * sources.size();
        if (devices > capacity) {
            long needed = (devices + CONNECTIONS_PER_SOURCE_ADDRESS - 1L) / CONNECTIONS_PER_SOURCE_ADDRESS;
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "--devices %d is more than %d source address(es) can hold (%,d connections each, one"
                            + " address has ~28k ephemeral ports): give at least %d, e.g. --source-addresses %s",
                    devices,
                    sources.size(),
                    CONNECTIONS_PER_SOURCE_ADDRESS,
                    needed,
                    exampleSources(needed)));
        }
        String prefix = options.getOrDefault("id-prefix", "load-");
        if (prefix.isEmpty() || prefix.chars().anyMatch(c -> c == '/' || c == '+' || c == '#')) {
            throw new IllegalArgumentException("--id-prefix must be non-empty and free of '/', '+' and '#'");
        }
        String json = options.get("json-out");
        return new LoadOptions(
                devices,
                number(options, "rate", 0, 0, Integer.MAX_VALUE),
                qos,
                Duration.ofSeconds(number(options, "duration", 20, 1, 86_400)),
                options.getOrDefault("host", "127.0.0.1"),
                number(options, "port", 1883, 1, 65_535),
                number(options, "ramp-per-second", 1000, 1, 1_000_000),
                sources,
                secret(options.get("secret-file")),
                json == null ? null : Path.of(json),
                prefix,
                options.getOrDefault("label", "unknown"),
                number(options, "threads", Runtime.getRuntime().availableProcessors(), 1, 256),
                60,
                Duration.ofSeconds(10));
    }

    /** The same run with another keep-alive and wait for outstanding acks (tests). */
    LoadOptions withTimings(int keepAlive, Duration wait) {
        return new LoadOptions(
                devices,
                rate,
                qos,
                duration,
                host,
                port,
                connectsPerSecond,
                sourceAddresses,
                password,
                jsonOut,
                idPrefix,
                label,
                threads,
                keepAlive,
                wait);
    }

    String deviceId(int n) {
        return idPrefix + n;
    }

    private static int number(Map<String, String> options, String name, int fallback, int min, int max) {
        String text = options.get(name);
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + text + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "--" + name + " must be between " + min + " and " + max + ", not " + value);
        }
        return (int) value;
    }

    private static List<InetAddress> sourceAddresses(String list) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            String text = part.trim();
            if (!isIpLiteral(text)) {
                throw new IllegalArgumentException(
                        "--source-addresses takes IP addresses separated by commas, not '" + text + "'");
            }
            try {
                addresses.add(InetAddress.getByName(text));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("--source-addresses: '" + text + "' is not an IP address");
            }
        }
        return addresses;
    }

    /** Only literals: a name would be looked up in DNS, and a load generator has no business there. */
    private static boolean isIpLiteral(String text) {
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            for (int group = 1; group <= 4; group++) {
                if (Integer.parseInt(v4.group(group)) > 255) {
                    return false;
                }
            }
            return true;
        }
        return IPV6.matcher(text).matches();
    }

    private static String exampleSources(long count) {
        StringBuilder example = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            example.append(i == 1 ? "" : ",").append("127.0.0.").append(i);
        }
        return example.toString();
    }

    private static byte[] secret(String file) {
        if (file == null) {
            return null;
        }
        String secret;
        try {
            secret = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("--secret-file " + file + " cannot be read: " + e.getMessage());
        }
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("--secret-file " + file + " is empty");
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
