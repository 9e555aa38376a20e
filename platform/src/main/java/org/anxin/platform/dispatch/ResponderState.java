package org.anxin.platform.dispatch;

import java.time.LocalTime;
import java.util.Set;

/**
 * What matching needs of a responder, kept in Redis beside the GEO index, with the service area
 * of the responder's provider (null: the whole city). {@code rating} is the ranking rating
 * ({@link Matcher#rankingRating}), not the responder's own.
 */
record ResponderState(
        long id,
        String name,
        TravelMode mode,
        Set<String> skills,
        LocalTime shiftStart,
        LocalTime shiftEnd,
        int load,
        int capacity,
        double rating,
        ServiceArea area) {

    ResponderState(
            long id,
            String name,
            TravelMode mode,
            Set<String> skills,
            LocalTime shiftStart,
            LocalTime shiftEnd,
            int load,
            int capacity,
            double rating) {
        this(id, name, mode, skills, shiftStart, shiftEnd, load, capacity, rating, null);
    }

    /** Whether the place is inside the provider's service area (always, without one). */
    boolean serves(double lat, double lon) {
        return area == null || area.contains(lat, lon);
    }

    /** Whether {@code time} (city time) falls in the shift; no shift means always. */
    boolean onShift(LocalTime time) {
        if (shiftStart == null || shiftEnd == null) {
            return true;
        }
        if (shiftStart.isBefore(shiftEnd)) {
            return !time.isBefore(shiftStart) && time.isBefore(shiftEnd);
        }
        return !time.isBefore(shiftStart) || time.isBefore(shiftEnd); // over midnight
    }

    String encode() {
        return name.replace('|', ' ') + "|" + mode + "|" + String.join(",", skills) + "|"
                + (shiftStart == null ? "" : shiftStart) + "|" + (shiftEnd == null ? "" : shiftEnd) + "|" + load + "|"
                + capacity + "|" + rating + "|"
                + (area == null ? "||" : area.lat() + "|" + area.lon() + "|" + area.radiusMeters());
    }

    static ResponderState decode(long id, String text) {
        String[] f = text.split("\\|", -1);
        return new ResponderState(
                id,
                f[0],
                TravelMode.valueOf(f[1]),
                f[2].isEmpty() ? Set.of() : Set.of(f[2].split(",")),
                f[3].isEmpty() ? null : LocalTime.parse(f[3]),
                f[4].isEmpty() ? null : LocalTime.parse(f[4]),
                Integer.parseInt(f[5]),
                Integer.parseInt(f[6]),
                Double.parseDouble(f[7]),
                f.length < 11 || f[8].isEmpty()
                        ? null
                        : new ServiceArea(Double.parseDouble(f[8]), Double.parseDouble(f[9]), Integer.parseInt(f[10])));
    }
}
