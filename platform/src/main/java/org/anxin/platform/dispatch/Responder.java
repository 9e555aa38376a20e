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
        ResponderStatus status,
        double rating,
        int ratedOrders,
        int capacity,
        int load,
        String username,
        Double lat,
        Double lon,
        Instant positionAt) {

    /** What matching needs, with the provider's service area and rating (either may be null). */
    ResponderState state(ServiceArea area, Double providerRating) {
        return new ResponderState(
                id,
                name,
                mode,
                java.util.Set.copyOf(skills),
                shiftStart,
                shiftEnd,
                load,
                capacity,
                Matcher.rankingRating(rating, ratedOrders, providerRating),
                area);
    }
}
