package org.anxin.platform.planning;

import java.util.List;

/**
 * A worker's day as {@link Route#of} unfolds it, kept visit by visit, so that putting one more
 * visit in is priced from the place it goes in, not from the start of the day, and only until
 * the day is back on its old times (a wait for a window took up the delay), after which it goes
 * on as before. The rebuild tries every position of every nearby day for each visit it puts
 * back, so this is where the solver spends its time; {@code RebuildTest} holds it to
 * {@code Route.of}.
 */
final class DaySchedule {
    private final WorkerDay w;
    private final List<PlannedVisit> visits;
    private final int[][] legs;
    // the day as it stands before visit i, and (at i = n) after the last one
    private final long[] time;
    private final int[] place;
    private final long[] travel;
    private final long[] within;
    private final long[] work;
    private final boolean[] breakTaken;
    private final long totalWork;
    private final long cost;

    DaySchedule(WorkerDay w, List<PlannedVisit> visits) {
        this.w = w;
        this.visits = visits;
        this.legs = w.travel().matrix(w.mode());
        int n = visits.size();
        time = new long[n + 1];
        place = new int[n + 1];
        travel = new long[n + 1];
        within = new long[n + 1];
        work = new long[n + 1];
        breakTaken = new boolean[n + 1];
        Walk walk = new Walk(this, w.shiftStart(), w.base().index(), 0, 0, 0, false);
        keep(0, walk);
        for (int i = 0; i < n; i++) {
            if (!walk.visit(visits.get(i))) {
                totalWork = -1;
                cost = -1;
                return;
            }
            keep(i + 1, walk);
        }
        cost = walk.home(n > 0, Long.MAX_VALUE);
        totalWork = walk.work;
    }

    private void keep(int i, Walk walk) {
        time[i] = walk.time;
        place[i] = walk.place;
        travel[i] = walk.travel;
        within[i] = walk.within;
        work[i] = walk.work;
        breakTaken[i] = walk.breakTaken;
    }

    /**
     * The riding {@code extra} adds when put in before visit {@code at}: there and on to the next
     * stop (or back to base), less the ride it replaces. What {@link #costWith} adds to {@link
     * #cost()} is this plus the lateness of the visits it pushes later, so the rebuild skips a
     * position whose detour alone is no better than the best found, without walking the day.
     * Only a break can make that lateness shrink (a day pushed past the start of the break
     * window takes the break earlier, which may leave a later visit less late), so now and then
     * such a skip passes over a position the break would have made best by a little: a choice
     * of the heuristic, like the blinks, not a wrong price.
     */
    long detour(int at, PlannedVisit extra) {
        int from = place[at];
        int to = extra.place().index();
        int next =
                at < visits.size() ? visits.get(at).place().index() : w.base().index();
        return (long) legs[from][to] + legs[to][next] - legs[from][next];
    }

    /** Travel plus weighed lateness, or -1 if the day breaks a hard rule. */
    long cost() {
        return cost;
    }

    /**
     * {@link #cost()} with {@code extra} put in before visit {@code at} (at the end when {@code
     * at} is the number of visits), or {@code limit} as soon as it is sure to be at least that;
     * -1 if it breaks a hard rule (or this day already did).
     */
    long costWith(int at, PlannedVisit extra, long limit) {
        if (cost < 0) {
            return -1;
        }
        Walk walk = new Walk(this, time[at], place[at], travel[at], within[at], work[at], breakTaken[at]);
        if (!walk.visit(extra)) {
            return -1;
        }
        if (walk.cost() >= limit) {
            return limit;
        }
        int n = visits.size();
        for (int i = at; i < n; i++) {
            if (!walk.visit(visits.get(i))) {
                return -1;
            }
            if (walk.time == time[i + 1] && walk.breakTaken == breakTaken[i + 1]) {
                // back on the old times: the rest of the day goes as it did
                if (totalWork + walk.work - work[i + 1] > w.maxWorkSeconds()) {
                    return -1;
                }
                long more = walk.travel - travel[i + 1] + DayConstraints.LATE_WEIGHT * (walk.within - within[i + 1]);
                return Math.min(cost + more, limit);
            }
            if (walk.cost() >= limit) {
                return limit;
            }
        }
        return walk.home(true, limit);
    }

    /** The day unfolding from one moment: where the worker is, and what it has cost so far. */
    private static final class Walk {
        private final DaySchedule day;
        long time;
        int place;
        long travel;
        long within;
        long work;
        boolean breakTaken;

        Walk(DaySchedule day, long time, int place, long travel, long within, long work, boolean breakTaken) {
            this.day = day;
            this.time = time;
            this.place = place;
            this.travel = travel;
            this.within = within;
            this.work = work;
            this.breakTaken = breakTaken;
        }

        long cost() {
            return travel + DayConstraints.LATE_WEIGHT * within;
        }

        /** The break if it is due, the ride, a wait for the window, the visit; false if a rule breaks. */
        boolean visit(PlannedVisit v) {
            WorkerDay w = day.w;
            if (!breakTaken && w.breakSeconds() > 0 && time >= w.breakFrom()) {
                if (time > w.breakTo()) {
                    return false; // the break starts after its window
                }
                breakTaken = true;
                time += w.breakSeconds();
            }
            int to = v.place().index();
            int leg = day.legs[place][to];
            long start = Math.max(time + leg, v.windowFrom());
            long late = Math.max(0, start - v.windowTo());
            if (late > v.toleranceSeconds()) {
                return false; // later than the visit allows
            }
            within += late;
            travel += leg;
            work += leg + v.durationSeconds();
            time = start + v.durationSeconds();
            place = to;
            return work <= w.maxWorkSeconds();
        }

        /** The ride back to base, and the break if the day ran into its window: the cost, or -1. */
        long home(boolean visited, long limit) {
            if (!visited) {
                return 0;
            }
            WorkerDay w = day.w;
            int home = day.legs[place][w.base().index()];
            travel += home;
            work += home;
            if (work > w.maxWorkSeconds()) {
                return -1;
            }
            long back = time + home;
            if (!breakTaken && w.breakSeconds() > 0 && back > w.breakFrom()) {
                // the day runs into the break window: the break comes after the last visit
                long breakStart = Math.max(time, w.breakFrom());
                if (breakStart > w.breakTo()) {
                    return -1;
                }
                back = breakStart + w.breakSeconds() + home;
            }
            if (back > w.shiftEnd()) {
                return -1; // back at base after the shift
            }
            return Math.min(cost(), limit);
        }
    }
}
