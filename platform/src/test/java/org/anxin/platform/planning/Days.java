package org.anxin.platform.planning;

import java.util.List;
import java.util.Set;
import org.anxin.platform.dispatch.TravelMode;

/**
 * Small hand-made days for constraint and solver tests: places 0..n on a line, one minute of
 * travel between neighbours, the day starting at 0 (08:00 in the story).
 */
final class Days {
    static final int MINUTE = 60;
    static final int HOUR = 3600;

    final Place[] places;
    final TravelTimes travel;

    Days(int n) {
        places = new Place[n];
        int[][] m = new int[n][n];
        for (int a = 0; a < n; a++) {
            places[a] = new Place(a, 0, a);
            for (int b = 0; b < n; b++) {
                m[a][b] = Math.abs(a - b) * MINUTE;
            }
        }
        travel = new TravelTimes(m);
    }

    WorkerDay worker(long id, String... skills) {
        return new WorkerDay(id, "w" + id, 1, Set.of(skills), TravelMode.EBIKE, places[0], 0, 8 * HOUR, travel);
    }

    /** A visit at place {@code at}, window [from, to] minutes, 30 minutes long, 10 minutes' tolerance. */
    PlannedVisit visit(long id, int at, int fromMinute, int toMinute, String skill) {
        return new PlannedVisit(
                id, 100 + id, places[at], fromMinute * MINUTE, toMinute * MINUTE, 30 * MINUTE, 10 * MINUTE, skill, 1);
    }

    static List<PlannedVisit> list(PlannedVisit... visits) {
        return List.of(visits);
    }
}
