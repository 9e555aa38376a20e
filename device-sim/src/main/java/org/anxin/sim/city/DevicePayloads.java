package org.anxin.sim.city;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The JSON an Anxin MQTT button or fall detector publishes on
 * {@code anxin/v1/devices/{id}/events}, written the way the device firmware does: fixed key
 * order, seconds-precision UTC time, 7 decimals at most for a position.
 */
public final class DevicePayloads {
    private DevicePayloads() {}

    /** {@code {"type":"SOS","ts":"2026-11-22T08:00:00Z","lat":41.55,"lon":121.24,"battery":80}} */
    public static String event(String type, Instant ts, Double lat, Double lon, Integer battery) {
        StringBuilder json = new StringBuilder("{\"type\":\"").append(type).append('"');
        if (ts != null) {
            json.append(",\"ts\":\"").append(ts.truncatedTo(ChronoUnit.SECONDS)).append('"');
        }
        if (lat != null && lon != null) {
            json.append(",\"lat\":").append(degrees(lat)).append(",\"lon\":").append(degrees(lon));
        }
        if (battery != null) {
            json.append(",\"battery\":").append(battery);
        }
        return json.append('}').toString();
    }

    static String degrees(double value) {
        String text = String.format(Locale.ROOT, "%.7f", value);
        // trailing zeros are not sent: 41.5500000 → 41.55
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text + "0" : text;
    }
}
