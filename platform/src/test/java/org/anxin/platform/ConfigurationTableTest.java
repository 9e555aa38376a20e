package org.anxin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table against {@code application.yml}: every
 * {@code ${ANXIN_X:default}} placeholder is listed there with the same default, and the table
 * lists nothing else but the gateway's and launcher's own variables named here.
 */
class ConfigurationTableTest {
    private static final Path YML = Path.of("src/main/resources/application.yml");
    private static final Path README = Path.of("../README.md");

    /** Read by the gateway or the launcher, not by the platform. */
    static final Set<String> NOT_PLATFORM = Set.of(
            "ANXIN_GATEWAY_NODE",
            "ANXIN_GATEWAY_METRICS_PORT",
            "ANXIN_GATEWAY_METRICS_HOST",
            "ANXIN_MQTT_WS_PORT",
            "ANXIN_MQTT_WS_PATH",
            "ANXIN_MQTT_TLS_PORT",
            "ANXIN_TLS_KEYSTORE",
            "ANXIN_TLS_KEYSTORE_PASSWORD",
            "ANXIN_MQTT_MAX_PACKET",
            "ANXIN_MQTT_MAX_KEEPALIVE",
            "ANXIN_MQTT_ADMISSION",
            "ANXIN_MQTT_CONNECT_QUEUE",
            "ANXIN_MQTT_CONNECT_BATCH",
            "ANXIN_TCP_HEARTBEAT_SECONDS",
            "ANXIN_LOG_FRAMES",
            "ANXIN_PROXY_TRUSTED");

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\$\\{(ANXIN_[A-Z0-9_]+):([^{}\"]*(?:\\{[^}]*}[^{}\"]*)*)}");
    private static final Pattern VARIABLE = Pattern.compile("`(ANXIN_[A-Z0-9_]+)`");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    @Test
    void readmeListsEveryPlaceholderOfApplicationYmlWithItsDefault() {
        Map<String, String> yml = placeholders(read(YML));
        Map<String, String> readme = table(read(README));
        assertThat(readme)
                .as("README configuration table (defaults: `value`, or 'unset' for empty) against application.yml")
                .isEqualTo(yml);
    }

    @Test
    void readsDefaultsWithBracesAndRowsWithSeveralVariables() {
        assertThat(placeholders("  a: ${ANXIN_A:https://t/{z}/{x}.png}\n  b: \"${ANXIN_B:08:00}\"\n  c: ${ANXIN_C:}\n"))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("ANXIN_A", "https://t/{z}/{x}.png", "ANXIN_B", "08:00", "ANXIN_C", ""));
        String readme =
                "## Configuration (environment variables)\n\n| variable | default | meaning |\n| --- | --- | --- |\n"
                        + "| `ANXIN_A`, `ANXIN_B` | `1`, `x` | two |\n| `ANXIN_C` | unset (`ANXIN_A` then) | none |\n\n## Next\n";
        assertThat(table(readme))
                .containsExactlyInAnyOrderEntriesOf(Map.of("ANXIN_A", "1", "ANXIN_B", "x", "ANXIN_C", ""));
    }

    static Map<String, String> placeholders(String yml) {
        Map<String, String> found = new TreeMap<>();
        Matcher m = PLACEHOLDER.matcher(yml);
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return found;
    }

    /** Variable to default, from the table under "## Configuration". */
    static Map<String, String> table(String readme) {
        int start = readme.indexOf("## Configuration");
        assertThat(start).as("README has a '## Configuration' section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        Map<String, String> found = new TreeMap<>();
        for (String line :
                readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            String[] cells = line.split("(?<!\\\\)\\|");
            if (cells.length < 3 || !cells[1].contains("`ANXIN_")) {
                continue;
            }
            List<String> names = all(VARIABLE, cells[1]);
            if (NOT_PLATFORM.containsAll(names)) {
                continue;
            }
            String cell = cells[2].strip();
            List<String> defaults =
                    cell.startsWith("unset") ? names.stream().map(n -> "").toList() : all(CODE, cell);
            assertThat(defaults)
                    .as("defaults in the row of %s: one `value` per variable, or 'unset'", names)
                    .hasSameSizeAs(names);
            for (int i = 0; i < names.size(); i++) {
                found.put(names.get(i), defaults.get(i));
            }
        }
        return found;
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> values = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
