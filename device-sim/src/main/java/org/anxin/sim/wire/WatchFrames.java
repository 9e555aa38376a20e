package org.anxin.sim.wire;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Frames a "3G"/SeTracker watch writes: {@code [3G*4700186508*000B*LK,0,10,100]}. Written from
 * the public protocol descriptions, independently of the gateway's decoder.
 */
public final class WatchFrames {
    /** Status word bits of a position or alarm report. */
    public static final int LOW_BATTERY = 1 << 17;

    public static final int SOS = 1 << 16;
    public static final int REMOVED = 1 << 20;
    public static final int FALL = 1 << 21;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("ddMMyy", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss", Locale.ROOT);

    private WatchFrames() {}

    /** {@code [MAKER*ID*LEN*CONTENT]}, LEN the content's length as four hex digits. */
    public static String frame(String maker, String id, String content) {
        int length = content.getBytes(StandardCharsets.US_ASCII).length;
        return "[" + maker + "*" + id + "*" + String.format(Locale.ROOT, "%04X", length) + "*" + content + "]";
    }

    /** The heartbeat: {@code LK,steps,rolls,battery}. */
    public static String heartbeat(String maker, String id, int steps, int rolls, int battery) {
        return frame(maker, id, "LK," + steps + "," + rolls + "," + battery);
    }

    /**
     * A position ({@code UD}) or alarm ({@code AL}) report: date, time, fix flag, latitude,
     * hemisphere, longitude, hemisphere, speed, course, altitude, satellites, signal, battery,
     * steps, rolls, status word. Without a fix: {@code V} and zeros.
     */
    public static String report(
            String keyword,
            String maker,
            String id,
            Instant time,
            Double lat,
            Double lon,
            int battery,
            int steps,
            int status) {
        boolean fix = lat != null && lon != null;
        String content = String.join(
                ",",
                keyword,
                DATE.format(time.atOffset(ZoneOffset.UTC)),
                TIME.format(time.atOffset(ZoneOffset.UTC)),
                fix ? "A" : "V",
                fix ? String.format(Locale.ROOT, "%.6f", Math.abs(lat)) : "0.000000",
                fix && lat < 0 ? "S" : "N",
                fix ? String.format(Locale.ROOT, "%.6f", Math.abs(lon)) : "0.000000",
                fix && lon < 0 ? "W" : "E",
                "0.00",
                "0.0",
                "0.0",
                fix ? "8" : "0",
                "80",
                Integer.toString(battery),
                Integer.toString(steps),
                "0",
                String.format(Locale.ROOT, "%08X", status));
        return frame(maker, id, content);
    }
}
