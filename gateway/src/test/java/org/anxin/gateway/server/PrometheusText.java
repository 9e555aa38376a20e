package org.anxin.gateway.server;

import java.util.HashMap;
import java.util.Map;

/** The samples of a Prometheus text-format scrape, keyed by series as printed: {@code name{labels}}. */
final class PrometheusText {
    private PrometheusText() {}

    static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }
}
