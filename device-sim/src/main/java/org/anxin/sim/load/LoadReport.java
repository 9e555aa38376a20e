package org.anxin.sim.load;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a load run measured. Latencies are send → PUBACK per message, in microseconds (null at
 * QoS 0). {@code msgsPerSecond} counts, over the publish phase only, the PUBACKs received at QoS 1
 * and the messages sent at QoS 0.
 *
 * <p>Open loop, latency counts from each message's scheduled send time and {@code sendLagP99Us} is
 * how late the loader itself sent them. {@code cpuSeconds} is the loader process's CPU time over
 * the whole run, {@code publishCpuSeconds} over the publish phase (÷ duration = the loader's cores):
 * a loader near its CPU limit, or late against its schedule, is measuring itself. {@code
 * ackHistogram} is the latency histogram (HdrHistogram, compressed, base64), so that several
 * loaders' runs can be merged ({@code device-sim load-merge}).
 */
public record LoadReport(
        String system,
        int devices,
        int qos,
        int rateTarget,
        long durationSeconds,
        double connectPerSecond,
        long connected,
        long connectFailures,
        long sent,
        long acked,
        double msgsPerSecond,
        Long ackP50Us,
        Long ackP90Us,
        Long ackP99Us,
        Long ackP999Us,
        Long ackMaxUs,
        long errors,
        Map<String, Long> errorKinds,
        long unacked,
        double rampSeconds,
        int threads,
        String transport,
        List<String> sourceAddresses,
        String protocol,
        Double registrationSeconds,
        SosResult sos,
        int inFlight,
        boolean openLoop,
        Long sendLagP99Us,
        double cpuSeconds,
        double publishCpuSeconds,
        String ackHistogram) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public LoadReport {
        errorKinds = Collections.unmodifiableMap(new LinkedHashMap<>(errorKinds));
        sourceAddresses = List.copyOf(sourceAddresses);
    }

    /** At least 95 % of the devices got a CONNACK 0. */
    public boolean enoughConnected() {
        return connected * 100 >= devices * 95L;
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("system", system);
        json.put("devices", devices);
        json.put("qos", qos);
        json.put("rateTarget", rateTarget);
        json.put("durationSeconds", durationSeconds);
        json.put("connectPerSecond", round(connectPerSecond));
        json.put("connected", connected);
        json.put("connectFailures", connectFailures);
        json.put("sent", sent);
        json.put("acked", acked);
        json.put("msgsPerSecond", round(msgsPerSecond));
        json.put("ackP50Us", ackP50Us);
        json.put("ackP90Us", ackP90Us);
        json.put("ackP99Us", ackP99Us);
        json.put("ackP999Us", ackP999Us);
        json.put("ackMaxUs", ackMaxUs);
        json.put("errors", errors);
        json.put("errorKinds", errorKinds);
        json.put("unacked", unacked);
        json.put("rampSeconds", round(rampSeconds));
        json.put("threads", threads);
        json.put("transport", transport);
        json.put("sourceAddresses", sourceAddresses);
        json.put("protocol", protocol);
        if (registrationSeconds != null) {
            json.put("registrationSeconds", round(registrationSeconds));
        }
        json.put("inFlight", inFlight);
        json.put("openLoop", openLoop);
        json.put("sendLagP99Us", sendLagP99Us);
        json.put("cpuSeconds", round(cpuSeconds * 10) / 10.0);
        json.put("publishCpuSeconds", round(publishCpuSeconds * 10) / 10.0);
        json.put("loaderCores", durationSeconds == 0 ? 0 : round(publishCpuSeconds / durationSeconds * 10) / 10.0);
        json.put("ackHistogram", ackHistogram);
        if (sos != null) {
            json.put("sosCount", sos.all().pressed());
            json.put("sosSeen", sos.all().seen());
            json.put("sosP50Ms", sos.all().p50Ms());
            json.put("sosP99Ms", sos.all().p99Ms());
            json.put("sosMaxMs", sos.all().maxMs());
            json.put("sosWarmup", sos.warmup());
            json.put("sosWaveSeconds", sos.waveSeconds());
            json.put("sosWave", sos.wave());
            json.put("sosSteady", sos.steady());
            // [seconds into the publish phase, ms to the feed or null, ms until the platform raised
            // the alarm or null], one per press
            json.put(
                    "sosPresses",
                    sos.presses().stream()
                            .map(p -> Arrays.asList(p.atSeconds(), ms(p.micros()), ms(p.toRaiseMicros())))
                            .toList());
        }
        return JSON.writeValueAsString(json);
    }

    public String summary() {
        return String.format(
                Locale.ROOT,
                """
                load results (%s)
                  devices            %,d (QoS %d, %s, %d s)
                  connected          %,d, failed %,d, %.0f connects/s (ramp %.1f s)
                  sent / acked       %,d / %,d (unacked %,d)
                  msgs/s             %,.0f over the publish phase
                  ack latency µs     p50 %s  p90 %s  p99 %s  p99.9 %s  max %s%s
                  loader CPU         %.1f s in all, %.1f s in the publish phase (%.2f cores)
                  errors             %,d %s%s""",
                system + ", " + protocol,
                devices,
                qos,
                (rateTarget == 0 ? "as fast as acks allow" : String.format(Locale.ROOT, "target %,d msg/s", rateTarget))
                        + (qos == 1 ? ", in flight ≤ " + inFlight + " per device" : ""),
                durationSeconds,
                connected,
                connectFailures,
                connectPerSecond,
                rampSeconds,
                sent,
                acked,
                unacked,
                msgsPerSecond,
                micros(ackP50Us),
                micros(ackP90Us),
                micros(ackP99Us),
                micros(ackP999Us),
                micros(ackMaxUs),
                openLoop ? "  (open loop: from the schedule; sent late by p99 " + micros(sendLagP99Us) + ")" : "",
                cpuSeconds,
                publishCpuSeconds,
                durationSeconds == 0 ? 0 : publishCpuSeconds / durationSeconds,
                errors,
                nonZero(errorKinds),
                sos == null
                        ? ""
                        : sosLine("SOS warm-up, idle", sos.warmup())
                                + sosLine("SOS → operator feed", sos.all())
                                + sosLine("  first " + sos.waveSeconds() + " s", sos.wave())
                                + sosLine("  after that", sos.steady()));
    }

    private static String sosLine(String label, SosResult.Part part) {
        return String.format(
                Locale.ROOT,
                "%n  %-21s%d pressed, %d seen; ms p50 %s  p99 %s  max %s",
                label,
                part.pressed(),
                part.seen(),
                part.p50Ms(),
                part.p99Ms(),
                part.maxMs());
    }

    private static Map<String, Long> nonZero(Map<String, Long> counts) {
        Map<String, Long> nonZero = new LinkedHashMap<>();
        counts.forEach((kind, count) -> {
            if (count != 0) {
                nonZero.put(kind, count);
            }
        });
        return nonZero;
    }

    private static String micros(Long value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%,d", value);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static Double ms(Long micros) {
        return micros == null ? null : Math.round(micros / 100.0) / 10.0;
    }
}
