package org.anxin.platform.dispatch;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * ETA = distance × detour ÷ speed. Defaults (per city, configurable): walking 1.2 m/s (a slow
 * pace, fitting older volunteers; healthy adults walk 1.3–1.4 m/s); e-bike 4.2 m/s (15 km/h, an
 * urban average below the 25 km/h legal limit of GB 17761-2018); car 6.9 m/s (25 km/h, typical
 * peak-hour speed in large Chinese cities); detour factor 1.3 (road distance over straight-line
 * distance, 1.2–1.4 in measured urban grids). Checked at start ({@link DispatchProperties}).
 */
@Component
class StraightLineTravel implements TravelModel {
    private final double detour;
    private final DispatchProperties.Speed speeds;

    @Autowired
    StraightLineTravel(DispatchProperties properties) {
        this(
                properties.detourFactor(),
                properties.speed().walk(),
                properties.speed().ebike(),
                properties.speed().car());
    }

    StraightLineTravel(double detour, double walk, double ebike, double car) {
        if (detour < 1 || walk <= 0 || ebike <= 0 || car <= 0) {
            throw new IllegalArgumentException("detour factor must be >= 1 and speeds > 0");
        }
        this.detour = detour;
        this.speeds = new DispatchProperties.Speed(walk, ebike, car);
    }

    @Override
    public int etaSeconds(TravelMode mode, double meters) {
        return (int) Math.ceil(meters * detour / speeds.of(mode));
    }

    @Override
    public double reachMeters(TravelMode mode, int seconds) {
        return seconds * speeds.of(mode) / detour;
    }
}
