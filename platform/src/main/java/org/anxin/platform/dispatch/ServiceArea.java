package org.anxin.platform.dispatch;

import org.anxin.platform.system.Geo;

/** A provider's service area: a circle around its station. */
public record ServiceArea(double lat, double lon, int radiusMeters) {

    boolean contains(double pointLat, double pointLon) {
        return Geo.meters(lat, lon, pointLat, pointLon) <= radiusMeters;
    }
}
