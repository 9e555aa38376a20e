package org.anxin.platform.planning;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.anxin.platform.dispatch.TravelMode;
import org.anxin.platform.dispatch.TravelModel;
import org.anxin.platform.system.Geo;

/**
 * Travel seconds between every pair of places of one plan, per travel mode, from the
 * dispatcher's {@link TravelModel}: computed once per plan so the solver's millions of moves
 * read an array instead of a haversine.
 */
final class TravelTimes {
    private final Map<TravelMode, int[][]> seconds = new EnumMap<>(TravelMode.class);

    TravelTimes(List<Place> places, TravelModel model) {
        int n = places.size();
        double[][] meters = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                Place p = places.get(a);
                Place q = places.get(b);
                meters[a][b] = Geo.meters(p.lat(), p.lon(), q.lat(), q.lon());
                meters[b][a] = meters[a][b];
            }
        }
        for (TravelMode mode : TravelMode.values()) {
            int[][] s = new int[n][n];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    s[a][b] = a == b ? 0 : model.etaSeconds(mode, meters[a][b]);
                }
            }
            seconds.put(mode, s);
        }
    }

    /** The same given seconds for every mode (a road-distance matrix, or a test's). */
    TravelTimes(int[][] matrix) {
        for (TravelMode mode : TravelMode.values()) {
            seconds.put(mode, matrix);
        }
    }

    int seconds(TravelMode mode, Place from, Place to) {
        return seconds.get(mode)[from.index()][to.index()];
    }

    /** The whole matrix of one mode, by {@link Place#index()}: for loops over many legs. */
    int[][] matrix(TravelMode mode) {
        return seconds.get(mode);
    }
}
