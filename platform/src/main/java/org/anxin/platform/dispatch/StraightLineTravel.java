package org.anxin.platform.dispatch;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * ETA = distance × detour ÷ speed. Defaults (per city, configurable): walking 1.2 m/s (a slow
 * pace, fitting older volunteers; healthy adults walk 1.3–1.4 m/s); e-bike 4.2 m/s (15 km/h, an
 * urban average below the 25 km/h legal limit of GB 17761-2018); car 6.9 m/s (25 km/h, typical
 * peak-hour speed in large Chinese cities); detour factor 1.3 (road distance over straight-line
 * distance, 1.2–1.4 in measured urban grids).
 */
@Component
class StraightLineTravel implements TravelModel {
    private final double detour;
    private final Map<TravelMode, Double> speeds = new EnumMap<>(TravelMode.class);

    StraightLineTravel(
            @Value("${anxin.dispatch.detour-factor:1.3}") double detour,
            @Value("${anxin.dispatch.speed.walk:1.2}") double walk,
            @Value("${anxin.dispatch.speed.ebike:4.2}") double ebike,
            @Value("${anxin.dispatch.speed.car:6.9}") double car) {
        if (detour < 1 || walk <= 0 || ebike <= 0 || car <= 0) {
            throw new IllegalArgumentException("detour factor must be >= 1 and speeds > 0");
        }
        this.detour = detour;
        speeds.put(TravelMode.WALK, walk);
        speeds.put(TravelMode.EBIKE, ebike);
        speeds.put(TravelMode.CAR, car);
    }

    @Override
    public int etaSeconds(TravelMode mode, double meters) {
        return (int) Math.ceil(meters * detour / speeds.get(mode));
    }

    @Override
    public double reachMeters(TravelMode mode, int seconds) {
        return seconds * speeds.get(mode) / detour;
    }
}
