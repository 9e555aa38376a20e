package org.anxin.platform.dispatch;

import java.time.LocalTime;
import java.util.Set;

/** What matching needs of a responder, kept in Redis beside the GEO index. */
record ResponderState(
        long id,
        String name,
        TravelMode mode,
        Set<String> skills,
        LocalTime shiftStart,
        LocalTime shiftEnd,
        int load,
        int capacity,
        double rating) {

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
                + capacity + "|" + rating;
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
                Double.parseDouble(f[7]));
    }
}
