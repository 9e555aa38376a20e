package org.anxin.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The event contract's shared samples, docs/events/samples.json, also read by the platform's tests. */
public final class Samples {
    private Samples() {}

    public static JsonNode load() throws java.io.IOException {
        Path root = Path.of(System.getProperty("anxin.root", ".."));
        return JsonMapper.builder().build().readTree(Files.readString(root.resolve("docs/events/samples.json")));
    }
}
