package org.anxin.platform.planning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A worker's day as it would unfold: leave the base at shift start, travel to each visit in
 * order, wait for its window to open, serve it, and take the break at the first visit's end
 * that falls after the break window has opened (late if that is after the window's latest
 * start: the solver has to put a visit's end inside it); then travel back to base.
 * Times are epoch seconds. {@code beyondToleranceSeconds}: seconds late beyond each visit's tolerance,
 * summed (arriving that late is not allowed); {@code withinToleranceSeconds}: seconds late within it,
 * summed (allowed, but to be kept small).
 */
record Route(
        List<Stop> stops,
        long breakStart,
        long returnAt,
        long travelSeconds,
        long workSeconds,
        long beyondToleranceSeconds,
        long withinToleranceSeconds) {

    /** One visit on the route: when the worker arrives, starts, and leaves. */
    record Stop(PlannedVisit visit, long arrival, long start, long end) {
        /** Seconds the start is after the window's end (0 when inside). */
        long lateSeconds() {
            return Math.max(0, start - visit.windowTo());
        }
    }

    static final long NO_BREAK = -1;

    static Route of(WorkerDay w, List<PlannedVisit> visits) {
        List<Stop> stops = new ArrayList<>(visits.size());
        long t = w.shiftStart();
        Place at = w.base();
        long travel = 0;
        long work = 0;
        long breakStart = NO_BREAK;
        long beyond = 0;
        long within = 0;
        // one pass, no streams: the solver routes a worker's day for every move it tries
        for (PlannedVisit v : visits) {
            if (breakStart == NO_BREAK && w.breakSeconds() > 0 && t >= w.breakFrom()) {
                breakStart = t;
                t += w.breakSeconds();
            }
            int leg = w.travel().seconds(w.mode(), at, v.place());
            long start = Math.max(t + leg, v.windowFrom());
            long arrival = t + leg;
            long end = start + v.durationSeconds();
            stops.add(new Stop(v, arrival, start, end));
            long late = Math.max(0, start - v.windowTo());
            beyond += Math.max(0, late - v.toleranceSeconds());
            within += Math.min(late, v.toleranceSeconds());
            travel += leg;
            work += leg + v.durationSeconds();
            t = end;
            at = v.place();
        }
        int home = visits.isEmpty() ? 0 : w.travel().seconds(w.mode(), at, w.base());
        travel += home;
        work += home;
        if (breakStart == NO_BREAK && w.breakSeconds() > 0 && !visits.isEmpty() && t + home > w.breakFrom()) {
            // the day runs into the break window: the break comes after the last visit
            breakStart = Math.max(t, w.breakFrom());
            t = breakStart + w.breakSeconds();
        }
        return new Route(
                Collections.unmodifiableList(stops),
                breakStart,
                visits.isEmpty() ? w.shiftStart() : t + home,
                travel,
                work,
                beyond,
                within);
    }

    /** Seconds the break starts after its window has closed (0 when on time or not needed). */
    long breakLateSeconds(WorkerDay w) {
        return breakStart == NO_BREAK ? 0 : Math.max(0, breakStart - w.breakTo());
    }

    /** Seconds the worker is back at base after the shift's end. */
    long overtimeSeconds(WorkerDay w) {
        return Math.max(0, returnAt - w.shiftEnd());
    }
}
