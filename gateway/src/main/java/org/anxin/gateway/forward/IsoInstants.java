package org.anxin.gateway.forward;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@link Instant#toString()}, character for character, without a {@code DateTimeFormatter} run per
 * event: the date and time to the second are formatted once per second and kept, the fraction is
 * appended as ISO-8601 does it (none, or 3, 6 or 9 digits). Years 0 … 9999 only (others go the
 * slow way). Not thread-safe: one per forwarder thread.
 */
final class IsoInstants {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z. */
    private static final long MIN_SECOND = -62_167_219_200L;

    private static final long MAX_SECOND = 253_402_300_800L;

    private long cachedSecond = Long.MIN_VALUE;
    private String cachedPrefix;
    private final StringBuilder text = new StringBuilder(32);

    String format(Instant instant) {
        long second = instant.getEpochSecond();
        if (second < MIN_SECOND || second >= MAX_SECOND) {
            return instant.toString();
        }
        if (second != cachedSecond) {
            cachedPrefix = SECONDS.format(instant);
            cachedSecond = second;
        }
        text.setLength(0);
        text.append(cachedPrefix);
        int nano = instant.getNano();
        if (nano > 0) {
            int digits;
            int value;
            if (nano % 1_000_000 == 0) {
                digits = 3;
                value = nano / 1_000_000;
            } else if (nano % 1_000 == 0) {
                digits = 6;
                value = nano / 1_000;
            } else {
                digits = 9;
                value = nano;
            }
            text.append('.');
            int start = text.length();
            text.append(value);
            while (text.length() - start < digits) {
                text.insert(start, '0');
            }
        }
        return text.append('Z').toString();
    }
}
