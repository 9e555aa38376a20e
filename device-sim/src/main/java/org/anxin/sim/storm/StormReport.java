package org.anxin.sim.storm;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a storm run measured. {@code backSeconds}: seconds from the first dropped connection to each
 * device's accepted CONNECT, sorted, one per device that came back.
 */
record StormReport(
        StormOptions options,
        int connectedAtReady,
        double rampSeconds,
        long stormStartEpochMillis,
        long lostAfterReady,
        long back,
        double[] backSeconds,
        Map<String, Long> rampCounters,
        Map<String, Long> outageCounters,
        Map<String, Long> stormCounters,
        double stormSeconds,
        double stormCpuSeconds) {

    long leftOut() {
        return options.devices() - back;
    }

    boolean outageSeen() {
        return stormStartEpochMillis >= 0;
    }

    /** The {@code q}-quantile of the back times (the ⌈q·n⌉-th fastest over all devices), or null. */
    Double backQuantile(double q) {
        if (back < options.devices() && q == 1.0 || backSeconds.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(q * options.devices());
        if (rank > backSeconds.length) {
            return null; // fewer devices back than the quantile needs
        }
        return StormRun.round(backSeconds[Math.max(0, rank - 1)]);
    }

    String summary() {
        return String.format(
                java.util.Locale.ROOT,
                "storm %s: %d devices, %d connected before, %d lost, %d back (left out %d); back 50 %% %s s,"
                        + " 99 %% %s s, 100 %% %s s; busy %d, unavailable %d+%d, CONNACK timeouts %d, attempts %d;"
                        + " loader CPU %.1f s",
                options.label(),
                options.devices(),
                connectedAtReady,
                lostAfterReady,
                back,
                leftOut(),
                backQuantile(0.5),
                backQuantile(0.99),
                backQuantile(1.0),
                stormCounters.get("connAckBusy"),
                stormCounters.get("connAckUnavailable"),
                stormCounters.get("connAckUnavailable5"),
                stormCounters.get("connAckTimeouts"),
                stormCounters.get("attempts"),
                stormCpuSeconds);
    }

    String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("label", options.label());
        json.put("devices", options.devices());
        json.put("mqtt5Percent", options.mqtt5Percent());
        json.put("backoffBaseSeconds", options.backoff().baseSeconds());
        json.put("backoffCapSeconds", options.backoff().capSeconds());
        json.put("connAckTimeoutSeconds", options.connAckTimeoutSeconds());
        json.put("connectedAtReady", connectedAtReady);
        json.put("rampSeconds", StormRun.round(rampSeconds));
        json.put("outageSeen", outageSeen());
        json.put("stormStartEpochMs", stormStartEpochMillis);
        json.put("lost", lostAfterReady);
        json.put("back", back);
        json.put("leftOut", leftOut());
        json.put("backP50Seconds", backQuantile(0.5));
        json.put("backP99Seconds", backQuantile(0.99));
        json.put("backAllSeconds", backQuantile(1.0));
        json.put("stormSeconds", StormRun.round(stormSeconds));
        json.put("loaderCpuSeconds", StormRun.round(stormCpuSeconds));
        json.put("ramp", rampCounters);
        json.put("storm", stormCounters);
        json.put("beforeOutage", outageCounters);
        return JsonMapper.builder().build().writeValueAsString(json);
    }
}
