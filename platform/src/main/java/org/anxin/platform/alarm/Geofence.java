package org.anxin.platform.alarm;

import java.util.List;
import org.anxin.platform.system.Geo;

/**
 * A safe zone around a senior: a circle, or a polygon of {@code [lat, lon]} vertices. Leaving
 * it raises a GEOFENCE_EXIT alarm, once per way out.
 */
public record Geofence(
        long id,
        long seniorId,
        String name,
        Double centerLat,
        Double centerLon,
        Double radiusMeters,
        List<double[]> polygon,
        boolean outside) {

    Geofence withOutside(boolean value) {
        return new Geofence(id, seniorId, name, centerLat, centerLon, radiusMeters, polygon, value);
    }

    boolean contains(double lat, double lon) {
        if (radiusMeters != null) {
            return Geo.meters(centerLat, centerLon, lat, lon) <= radiusMeters;
        }
        return Geo.inPolygon(lat, lon, polygon);
    }
}
