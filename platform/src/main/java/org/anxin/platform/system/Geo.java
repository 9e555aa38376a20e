package org.anxin.platform.system;

import java.util.List;

/** Distances on the WGS-84 sphere and point-in-zone tests, good to a metre at city scale. */
public final class Geo {
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private Geo() {}

    /** Great-circle (haversine) distance in metres. */
    public static double meters(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /**
     * Ray casting on the polygon's vertices as {@code [lat, lon]}; fine for zones a few km
     * across, far from the poles and the antimeridian.
     */
    public static boolean inPolygon(double lat, double lon, List<double[]> polygon) {
        boolean inside = false;
        for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
            double[] a = polygon.get(i);
            double[] b = polygon.get(j);
            if ((a[0] > lat) != (b[0] > lat) && lon < (b[1] - a[1]) * (lat - a[0]) / (b[0] - a[0]) + a[1]) {
                inside = !inside;
            }
        }
        return inside;
    }
}
