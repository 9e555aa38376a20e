package org.anxin.platform.planning;

import java.util.Arrays;
import java.util.List;
import org.anxin.platform.order.HungarianForBench;

/**
 * Lower bounds on the total travel of any plan that serves every visit of a problem (for the
 * day-plan benchmark; not a test). Every route is base → visits → the same base, so each served
 * visit has exactly one arc in and one arc out.
 *
 * <ul>
 *   <li>{@link #cheapestIn}: each visit's cheapest possible arc in (from another visit or a base),
 *       summed: the weakest bound, it ignores the rides home.
 *   <li>{@link #assignment}: the assignment relaxation of the routing problem: every visit and
 *       every base picks a successor (a visit, or a base: a visit before the ride home; a base's own
 *       base: a worker who stays home), each taken exactly once, at least cost (Hungarian method).
 *       Routes become cycles that may start at one base and end at another, or loop among visits,
 *       but every real plan is one such assignment, so its least cost bounds every plan from below.
 * </ul>
 *
 * An arc is allowed only if some plan could use it: both visits' skills held by one worker, the
 * second visit still reachable within its window and tolerance after the first one's earliest end,
 * a base's worker holding the visit's skill and able to reach it in the shift.
 */
final class TravelBound {
    private TravelBound() {}

    static long cheapestIn(DayPlan problem) {
        long[][] cost = arcs(problem);
        int n = problem.visits().size();
        long sum = 0;
        for (int j = 0; j < n; j++) {
            long best = Long.MAX_VALUE;
            for (long[] row : cost) {
                best = Math.min(best, row[j]);
            }
            if (best == HungarianForBench.INFEASIBLE) {
                throw new IllegalStateException("visit " + problem.visits().get(j) + " cannot be reached at all");
            }
            sum += best;
        }
        return sum;
    }

    static long assignment(DayPlan problem) {
        long[][] cost = arcs(problem);
        int[] next = HungarianForBench.assign(cost);
        long sum = 0;
        for (int i = 0; i < next.length; i++) {
            if (next[i] < 0) {
                throw new IllegalStateException("no feasible successor assignment: row " + i);
            }
            sum += cost[i][next[i]];
        }
        return sum;
    }

    /** Nodes 0..n-1 the visits, n..n+m-1 the workers' bases; cost[from][to] in seconds, or INFEASIBLE. */
    static long[][] arcs(DayPlan problem) {
        List<PlannedVisit> visits = problem.visits();
        List<WorkerDay> workers = problem.workers();
        int n = visits.size();
        int m = workers.size();
        long[][] cost = new long[n + m][n + m];
        for (long[] row : cost) {
            Arrays.fill(row, HungarianForBench.INFEASIBLE);
        }
        for (int i = 0; i < n; i++) {
            PlannedVisit a = visits.get(i);
            for (int j = 0; j < n; j++) {
                PlannedVisit b = visits.get(j);
                if (i == j) {
                    continue;
                }
                // the quickest ride between them of any worker who could do both
                long earliestEnd = a.windowFrom() + a.durationSeconds();
                for (WorkerDay w : workers) {
                    if (w.skills().contains(a.skill()) && w.skills().contains(b.skill())) {
                        int leg = w.travel().seconds(w.mode(), a.place(), b.place());
                        if (earliestEnd + leg <= b.windowTo() + b.toleranceSeconds() && leg < cost[i][j]) {
                            cost[i][j] = leg;
                        }
                    }
                }
            }
            for (int k = 0; k < m; k++) {
                WorkerDay w = workers.get(k);
                if (!w.skills().contains(a.skill())) {
                    continue;
                }
                int out = w.travel().seconds(w.mode(), w.base(), a.place());
                int home = w.travel().seconds(w.mode(), a.place(), w.base());
                long arrive = Math.max(w.shiftStart() + out, a.windowFrom());
                if (arrive <= a.windowTo() + a.toleranceSeconds()
                        && arrive + a.durationSeconds() + home <= w.shiftEnd()) {
                    cost[n + k][i] = out;
                    cost[i][n + k] = home;
                }
            }
        }
        for (int k = 0; k < m; k++) {
            cost[n + k][n + k] = 0;
        }
        return cost;
    }
}
