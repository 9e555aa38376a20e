package org.anxin.sim.load;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.anxin.sim.OptionValues;

/**
 * What {@code device-sim load} is asked to do. {@link #parse} turns command-line options into
 * it and refuses, with a message naming the option, anything it could not run.
 *
 * @param rate total messages per second over all devices; 0 = as fast as acks allow (QoS 1: one
 *     message in flight per device)
 * @param password the shared device secret, or null for anonymous connections
 * @param ackWait how long outstanding PUBACKs are awaited after the publish phase
 * @param idle hold the connections (keep-alive only) for the duration instead of publishing
 * @param platform the platform's REST API, for registering devices and SOS probes; null when not used
 * @param registerWithApi register every load device through {@code POST /api/seniors} and
 *     {@code POST /api/devices} before the ramp (MQTT devices then use the secret each got)
 * @param sosEvery press SOS on a fresh, API-registered MQTT device this often during the publish
 *     phase and time it to the operator feed; zero = never
 * @param sosWave the first part of the publish phase, right after the ramp (the devices' reconnect
 *     wave), whose presses are reported apart from the steady state after it
 * @param sosWarmup presses made one at a time before the ramp, on the idle platform (its alarm path
 *     runs for the first time there), reported apart
 * @param inFlight QoS 1 messages a device may have unacked at once (1 … {@value
 *     LoadConnection#WINDOW}); unpaced, each device keeps this many going
 * @param openLoop with a rate: every message has a scheduled send time, and its latency is counted
 *     from that time, not from when it left, so a loader that fell behind (its windows full, or
 *     its own CPU short) shows as latency instead of hiding it (coordinated omission)
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
        Duration ackWait,
        LoadProtocol protocol,
        boolean idle,
        Platform platform,
        boolean registerWithApi,
        Duration sosEvery,
        Duration sosWave,
        int sosWarmup,
        int inFlight,
        boolean openLoop) {

    /** The platform's REST API and a user who may register seniors and devices and work alarms. */
    public record Platform(String baseUrl, String user, String password) {
        public Platform {
            baseUrl = baseUrl.replaceAll("/+$", "");
        }

        @Override
        public String toString() {
            return "Platform[" + baseUrl + ", user " + user + "]";
        }
    }

    /** One source address has ~28k ephemeral ports (32768–60999); keep a margin. */
    public static final int CONNECTIONS_PER_SOURCE_ADDRESS = 25_000;

    static final String USAGE =
            """
            device-sim load [options]      load from many lean connections (Netty, no Paho)
              --devices N            connections, one device each (1000)
              --rate R               total messages/s over all devices; 0 = as fast as acks allow (0)
              --qos Q                MQTT: 0 or 1 (1); watch and GT06 messages are always acked
              --duration SECONDS     length of the publish (or idle) phase, after the ramp (20)
              --protocol P           mqtt: PUBLISH → PUBACK; watch: LK → [..*LK]; gt06: status → ack (mqtt)
              --idle true            hold the connections with keep-alives only, publish nothing (false)
              --keep-alive SECONDS   MQTT keep-alive; watch/GT06 heartbeat at half of it when idle (60)
              --host H --port P      server address (127.0.0.1, 1883)
              --ramp-per-second C    new connections per second (1000)
              --source-addresses A,B local addresses to connect from, 25,000 connections each (127.0.0.1)
              --secret-file F        one secret for all devices (user name = client id); absent: anonymous
              --id-prefix P          mqtt: ids P1 … PN (load-); watch: 10 digits, P then the number
                                     zero-padded (88 → 8800000001); gt06: 15-digit IMEIs likewise (86)
              --json-out FILE        also write the results as one JSON object
              --label NAME           the system under test, in the JSON (unknown)
              --threads T            event-loop threads (number of CPUs)
              --api URL              platform REST API, for --register api and --sos-every
              --user NAME            platform user who may register devices and work alarms (admin)
              --password-env VAR     environment variable holding that user's password (ANXIN_ADMIN_PASSWORD)
              --register api         register every device (one senior each) through the REST API first
              --sos-every SECONDS    mqtt: a fresh API-registered device presses SOS this often (decimals
                                     allowed, e.g. 0.25); the press → alarm-on-the-operator-feed latency
                                     is reported (0 = none)
              --sos-wave SECONDS     presses in this first part of the publish phase (right after the
                                     ramp: the reconnect wave) are reported apart from the rest (10)
              --sos-warmup N         presses made one at a time before the ramp, on the idle platform,
                                     reported apart (0)
              --in-flight W          mqtt QoS 1: messages a device may have unacked at once, 1-64; with
                                     --rate 0 each device keeps W going (1 with --rate 0, else 64)
              --open-loop true       mqtt, with --rate: messages leave on a fixed schedule whatever the
                                     acks, and latency counts from the scheduled time (false)
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
            "threads",
            "idle",
            "keep-alive",
            "api",
            "user",
            "password-env",
            "register",
            "sos-every",
            "sos-wave",
            "sos-warmup",
            "in-flight",
            "open-loop");

    public LoadOptions {
        sourceAddresses = List.copyOf(sourceAddresses);
    }

    public static LoadOptions parse(Map<String, String> options) {
        return parse(options, System.getenv());
    }

    static LoadOptions parse(Map<String, String> options, Map<String, String> environment) {
        for (String name : options.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
            }
        }
        LoadProtocol protocol = LoadProtocol.named(options.getOrDefault("protocol", "mqtt"));
        int devices = OptionValues.number(options, "devices", 1000, 1, Integer.MAX_VALUE);
        int qos = OptionValues.number(options, "qos", 1, 0, 1);
        if (protocol != LoadProtocol.MQTT) {
            qos = 1; // every measured watch and GT06 message is answered
        }
        List<InetAddress> sources = OptionValues.sourceAddresses(options.getOrDefault("source-addresses", "127.0.0.1"));
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
        String prefix = options.getOrDefault("id-prefix", protocol.defaultPrefix());
        protocol.checkPrefix(prefix, devices);
        boolean idle = bool(options, "idle");
        String register = options.getOrDefault("register", "none");
        if (!register.equals("none") && !register.equals("api")) {
            throw new IllegalArgumentException("--register must be api or none, not '" + register + "'");
        }
        Duration sosEvery = seconds(options, "sos-every", 0.05, 3_600);
        if (!sosEvery.isZero() && (protocol != LoadProtocol.MQTT || idle)) {
            throw new IllegalArgumentException("--sos-every needs --protocol mqtt and a publish phase (not --idle)");
        }
        Platform platform = null;
        if (register.equals("api") || !sosEvery.isZero()) {
            String api = options.get("api");
            if (api == null || !api.matches("https?://.+")) {
                throw new IllegalArgumentException("--register api and --sos-every need --api http://host:port");
            }
            String variable = options.getOrDefault("password-env", "ANXIN_ADMIN_PASSWORD");
            String password = environment.get(variable);
            if (password == null || password.isBlank()) {
                throw new IllegalArgumentException(
                        "set " + variable + " to the platform user's password (it is never taken on the command line)");
            }
            platform = new Platform(api, options.getOrDefault("user", "admin"), password);
        }
        String json = options.get("json-out");
        int rate = OptionValues.number(options, "rate", 0, 0, Integer.MAX_VALUE);
        int inFlight = OptionValues.number(
                options, "in-flight", rate == 0 ? 1 : LoadConnection.WINDOW, 1, LoadConnection.WINDOW);
        boolean openLoop = bool(options, "open-loop");
        if (openLoop && (rate == 0 || protocol != LoadProtocol.MQTT || qos != 1 || idle)) {
            throw new IllegalArgumentException("--open-loop needs --protocol mqtt, --qos 1 and a --rate above 0");
        }
        if (options.containsKey("in-flight") && protocol != LoadProtocol.MQTT) {
            throw new IllegalArgumentException("--in-flight is for --protocol mqtt");
        }
        return new LoadOptions(
                devices,
                rate,
                qos,
                Duration.ofSeconds(OptionValues.number(options, "duration", 20, 1, 86_400)),
                options.getOrDefault("host", "127.0.0.1"),
                OptionValues.number(options, "port", 1883, 1, 65_535),
                OptionValues.number(options, "ramp-per-second", 1000, 1, 1_000_000),
                sources,
                OptionValues.secret(options.get("secret-file")),
                json == null ? null : Path.of(json),
                prefix,
                options.getOrDefault("label", "unknown"),
                OptionValues.number(options, "threads", Runtime.getRuntime().availableProcessors(), 1, 256),
                OptionValues.number(options, "keep-alive", 60, 2, 65_535),
                Duration.ofSeconds(10),
                protocol,
                idle,
                platform,
                register.equals("api"),
                sosEvery,
                Duration.ofSeconds(OptionValues.number(options, "sos-wave", 10, 0, 86_400)),
                OptionValues.number(options, "sos-warmup", 0, 0, 1_000),
                inFlight,
                openLoop);
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
                wait,
                protocol,
                idle,
                platform,
                registerWithApi,
                sosEvery,
                sosWave,
                sosWarmup,
                inFlight,
                openLoop);
    }

    String deviceId(int n) {
        return protocol.deviceId(idPrefix, n);
    }

    private static boolean bool(Map<String, String> options, String name) {
        String text = options.getOrDefault(name, "false");
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("--" + name + " must be true or false, not '" + text + "'");
        }
        return text.equals("true");
    }

    /** Decimal seconds, 0 or between {@code min} and {@code max}; 0 when absent. */
    private static Duration seconds(Map<String, String> options, String name, double min, double max) {
        String text = options.get(name);
        if (text == null) {
            return Duration.ZERO;
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number of seconds, not '" + text + "'");
        }
        if (value != 0 && !(value >= min && value <= max)) {
            throw new IllegalArgumentException(
                    "--" + name + " must be 0 or between " + min + " and " + max + " seconds, not " + text.trim());
        }
        return Duration.ofNanos(Math.round(value * 1e9));
    }

    private static String exampleSources(long count) {
        StringBuilder example = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            example.append(i == 1 ? "" : ",").append("127.0.0.").append(i);
        }
        return example.toString();
    }
}
