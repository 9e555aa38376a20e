package org.anxin.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;

/**
 * Reading the command-line values the load commands share ({@code load}, {@code storm}): whole
 * numbers in a range, source addresses, the shared device secret, and writing a run's JSON result.
 * Every bad value is an {@link IllegalArgumentException} whose message names the option.
 */
public final class OptionValues {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private OptionValues() {}

    /** {@code --name}: a whole number (underscores allowed) from {@code min} to {@code max}; {@code fallback} when absent. */
    public static int number(Map<String, String> options, String name, int fallback, int min, int max) {
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

    /** {@code --source-addresses}: IP literals separated by commas (never a name: no DNS for a load generator). */
    public static List<InetAddress> sourceAddresses(String list) {
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

    /** {@code --secret-file}: the one secret of all load devices, stripped; null when no file is named. */
    public static byte[] secret(String file) {
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

    /** Writes a run's JSON result to {@code out} (its directory made if needed), and says where. */
    public static void writeJson(Path out, String json, Logger log) throws IOException {
        Path file = out.toAbsolutePath();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
        log.info("results written to {}", file);
    }
}
