package org.anxin.platform.alarm;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.anxin.platform.system.Geo;

/**
 * A safe zone around a senior: a circle, or a polygon of {@code [lat, lon]} vertices, watched at
 * all hours or only from {@code activeFrom} to {@code activeTo} (city time; a window whose end is
 * before its start runs over midnight). Being outside it within those hours raises a
 * GEOFENCE_EXIT alarm, once per way out.
 *
 * @param outside whether the senior's last fix was outside
 * @param alerted whether this way out has raised its alarm
 */
public record Geofence(
        long id,
        long seniorId,
        String name,
        Double centerLat,
        Double centerLon,
        Double radiusMeters,
        List<double[]> polygon,
        LocalTime activeFrom,
        LocalTime activeTo,
        boolean outside,
        boolean alerted) {

    Geofence withState(boolean outside, boolean alerted) {
        return new Geofence(
                id,
                seniorId,
                name,
                centerLat,
                centerLon,
                radiusMeters,
                polygon,
                activeFrom,
                activeTo,
                outside,
                alerted);
    }

    boolean contains(double lat, double lon) {
        if (radiusMeters != null) {
            return Geo.meters(centerLat, centerLon, lat, lon) <= radiusMeters;
        }
        return Geo.inPolygon(lat, lon, polygon);
    }

    /** Whether the zone is watched at this moment, in the city's zone. */
    boolean activeAt(Instant at, ZoneId zone) {
        if (activeFrom == null) {
            return true;
        }
        LocalTime time = at.atZone(zone).toLocalTime();
        if (activeFrom.isBefore(activeTo)) {
            return !time.isBefore(activeFrom) && time.isBefore(activeTo);
        }
        return !time.isBefore(activeFrom) || time.isBefore(activeTo);
    }
}
