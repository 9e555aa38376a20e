package org.anxin.sim.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code device-sim load-merge}: one result from several loader processes that ran against the same
 * server at the same time. Counts, rates and CPU add up; latency percentiles come from the merged
 * histograms (percentiles themselves cannot be averaged); the send lag is the worst loader's.
 */
public final class LoadMerge {
    public static final String USAGE =
            """
            device-sim load-merge [options] one result from several simultaneous `load` runs' JSON
              --inputs A,B,…         the loaders' --json-out files
              --json-out FILE        where the merged result goes
              --label NAME           the system under test (the first input's)
            """;

    private static final Logger log = LoggerFactory.getLogger("device-sim.load");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SUMMED =
            List.of("devices", "rateTarget", "connected", "connectFailures", "sent", "acked", "errors", "unacked");
    private static final List<String> SUMMED_DECIMALS =
            List.of("msgsPerSecond", "cpuSeconds", "publishCpuSeconds", "loaderCores");

    private LoadMerge() {}

    public static int run(Map<String, String> options) throws IOException {
        String inputs = options.get("inputs");
        String out = options.get("json-out");
        if (inputs == null || out == null) {
            throw new IllegalArgumentException("load-merge needs --inputs and --json-out\n" + USAGE);
        }
        List<JsonNode> runs = new ArrayList<>();
        for (String input : inputs.split(",")) {
            runs.add(JSON.readTree(Files.readString(Path.of(input.trim()), StandardCharsets.UTF_8)));
        }
        Map<String, Object> merged = merge(runs, options.get("label"));
        Files.writeString(Path.of(out), JSON.writeValueAsString(merged) + "\n", StandardCharsets.UTF_8);
        log.info(
                "{} loaders: {} msgs/s, ack µs p50 {} p99 {} p99.9 {}, loader CPU {} s in the publish phase → {}",
                runs.size(),
                merged.get("msgsPerSecond"),
                merged.get("ackP50Us"),
                merged.get("ackP99Us"),
                merged.get("ackP999Us"),
                merged.get("publishCpuSeconds"),
                out);
        return 0;
    }

    static Map<String, Object> merge(List<JsonNode> runs, String label) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("load-merge: no inputs");
        }
        JsonNode first = runs.get(0);
        Map<String, Object> merged = new LinkedHashMap<>();
        merged.put("system", label != null ? label : first.path("system").asString());
        merged.put("loaders", runs.size());
        merged.put("qos", first.path("qos").asInt());
        merged.put("durationSeconds", first.path("durationSeconds").asLong());
        merged.put("inFlight", first.path("inFlight").asInt());
        merged.put("openLoop", first.path("openLoop").asBoolean());
        for (String field : SUMMED) {
            merged.put(
                    field, runs.stream().mapToLong(r -> r.path(field).asLong()).sum());
        }
        for (String field : SUMMED_DECIMALS) {
            merged.put(
                    field,
                    Math.round(runs.stream()
                                            .mapToDouble(r -> r.path(field).asDouble())
                                            .sum()
                                    * 100)
                            / 100.0);
        }
        Histogram acks = new Histogram(LatencyRecorder.HIGHEST_MICROS, 3);
        Long sendLag = null;
        for (JsonNode run : runs) {
            JsonNode histogram = run.get("ackHistogram");
            if (histogram != null && histogram.isString()) {
                acks.add(LatencyRecorder.decode(histogram.asString()));
            }
            JsonNode lag = run.get("sendLagP99Us");
            if (lag != null && lag.isNumber()) {
                sendLag = Math.max(sendLag == null ? 0 : sendLag, lag.asLong());
            }
        }
        boolean hasAcks = acks.getTotalCount() > 0;
        merged.put("ackP50Us", hasAcks ? acks.getValueAtPercentile(50) : null);
        merged.put("ackP90Us", hasAcks ? acks.getValueAtPercentile(90) : null);
        merged.put("ackP99Us", hasAcks ? acks.getValueAtPercentile(99) : null);
        merged.put("ackP999Us", hasAcks ? acks.getValueAtPercentile(99.9) : null);
        merged.put("ackMaxUs", hasAcks ? acks.getMaxValue() : null);
        merged.put("sendLagP99Us", sendLag);
        merged.put("ackHistogram", LatencyRecorder.encode(acks));
        return merged;
    }
}
