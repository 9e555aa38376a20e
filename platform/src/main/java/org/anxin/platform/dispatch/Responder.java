package org.anxin.platform.dispatch;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/** A staff member or volunteer who can be sent; live position and status included. */
public record Responder(
        long id,
        String name,
        String phone,
        long providerId,
        List<String> skills,
        TravelMode mode,
        LocalTime shiftStart,
        LocalTime shiftEnd,
        String status,
        double rating,
        int capacity,
        int load,
        String username,
        Double lat,
        Double lon,
        Instant positionAt) {

    ResponderState state(ServiceArea area) {
        return new ResponderState(
                id, name, mode, java.util.Set.copyOf(skills), shiftStart, shiftEnd, load, capacity, rating, area);
    }
}
