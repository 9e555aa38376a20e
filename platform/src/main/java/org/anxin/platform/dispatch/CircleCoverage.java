package org.anxin.platform.dispatch;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Coverage of the emergency circle now, for the city dashboard: of some seniors' homes, how many an
 * available responder with the emergency skill can reach inside the circle, found as the desk's
 * coverage map finds it (one GEO search per home).
 */
@Component
public class CircleCoverage {
    /** A home by its position. */
    public record Home(double lat, double lon) {}

    /** Homes counted, and how many of them are inside someone's circle now. */
    public record Share(int circleMinutes, long homes, long covered) {}

    private final Dispatcher dispatcher;
    private final DispatchProperties properties;

    CircleCoverage(Dispatcher dispatcher, DispatchProperties properties) {
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    public Share emergency(List<Home> homes) {
        String skill = dispatcher.emergencySkill();
        long covered = homes.stream()
                .filter(h -> dispatcher.covered(h.lat(), h.lon(), "emergency", skill))
                .count();
        return new Share(properties.emergencyMinutes(), homes.size(), covered);
    }
}
