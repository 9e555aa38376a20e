package org.anxin.platform.device;

import java.util.Locale;

/**
 * How a device knew where it was. Gateways say so in the event's {@code attrs} as
 * {@code "fix":"GPS"|"LBS"|"WIFI"} (docs/events.md); a fix they did not label is taken as
 * satellite (GPS), the only kind the protocols decoded so far send with a position.
 */
public enum FixSource {
    GPS,
    /** cell towers (base-station location): hundreds of metres off. */
    LBS,
    WIFI,
    /** no fix at all. */
    NONE;

    /** The source of an event's fix: {@link #NONE} without a position. */
    public static FixSource of(Double lat, String attrs) {
        if (lat == null) {
            return NONE;
        }
        if (attrs != null) {
            String compact = attrs.replace(" ", "").toUpperCase(Locale.ROOT);
            if (compact.contains("\"FIX\":\"LBS\"")) {
                return LBS;
            }
            if (compact.contains("\"FIX\":\"WIFI\"") || compact.contains("\"FIX\":\"WI-FI\"")) {
                return WIFI;
            }
        }
        return GPS;
    }
}
