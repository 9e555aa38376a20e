package org.anxin.platform.planning;

import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each visit's nearest other visits of one plan, nearest first: the shorter ride either way, plus a
 * quarter of the hours between their windows (a visit at 08:00 next door is a poor neighbour of one
 * at 15:00). Computed once per plan from its {@link TravelTimes}, so a move can pick a neighbour in
 * constant time.
 */
final class Neighbours {
    private final Map<PlannedVisit, PlannedVisit[]> nearest = new IdentityHashMap<>();

    Neighbours(List<PlannedVisit> visits, WorkerDay anyWorker, int k) {
        int n = visits.size();
        Integer[] order = new Integer[n];
        long[] distance = new long[n];
        for (int a = 0; a < n; a++) {
            PlannedVisit from = visits.get(a);
            for (int b = 0; b < n; b++) {
                order[b] = b;
                distance[b] = b == a ? Long.MAX_VALUE : distance(anyWorker, from, visits.get(b));
            }
            Arrays.sort(order, Comparator.comparingLong(b -> distance[b]));
            int size = Math.min(k, n - 1);
            PlannedVisit[] near = new PlannedVisit[Math.max(0, size)];
            for (int i = 0; i < near.length; i++) {
                near[i] = visits.get(order[i]);
            }
            nearest.put(from, near);
        }
    }

    /** The visit's nearest others, nearest first (empty for a visit this table was not made for). */
    PlannedVisit[] of(PlannedVisit visit) {
        return nearest.getOrDefault(visit, new PlannedVisit[0]);
    }

    static long distance(WorkerDay w, PlannedVisit a, PlannedVisit b) {
        int ride = Math.min(
                w.travel().seconds(w.mode(), a.place(), b.place()), w.travel().seconds(w.mode(), b.place(), a.place()));
        long apart = Math.max(0, Math.max(a.windowFrom() - b.windowTo(), b.windowFrom() - a.windowTo()));
        return ride + apart / 4;
    }
}
