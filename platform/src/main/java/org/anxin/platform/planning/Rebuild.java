package org.anxin.platform.planning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A few nearby visits taken off their days and each put back where it adds least riding and
 * lateness without breaking a hard rule (ruin and recreate, one {@link RouteEdit}): the visits
 * nearest a seed visit, or every visit of the seed's day with that day left out (so that a worker
 * can be freed and her rides out and home saved). Each visit is tried at every position of the days
 * its neighbours are on and of the days the visits came from. Timefold's own ruin-and-recreate move
 * fails in 1.32 when visits may stay unplanned (timefold-solver PR #2448); this one never leaves a
 * visit unplanned: if one cannot be put back, there is no move.
 */
final class Rebuild {
    private final Neighbours neighbours;
    private final Random random;

    Rebuild(Neighbours neighbours, Random random) {
        this.neighbours = neighbours;
        this.random = random;
    }

    /** Takes {@code count} visits near {@code seed} (or, when {@code wholeDay}, the seed's day) and puts them back. */
    RouteEdit around(PlannedVisit seed, int count, boolean wholeDay) {
        WorkerDay home = seed.worker();
        if (home == null) {
            return null;
        }
        List<PlannedVisit> ruined = new ArrayList<>();
        if (wholeDay) {
            ruined.addAll(
                    home.visits().subList(home.startedVisits(), home.visits().size()));
        } else {
            ruined.add(seed);
            for (PlannedVisit u : neighbours.of(seed)) {
                if (ruined.size() >= count) {
                    break;
                }
                if (u.worker() != null
                        && u.worker().visits().indexOf(u) >= u.worker().startedVisits()) {
                    ruined.add(u);
                }
            }
        }
        if (ruined.isEmpty() || !ruined.contains(seed)) {
            return null;
        }
        Map<WorkerDay, List<PlannedVisit>> lists = new LinkedHashMap<>();
        Map<PlannedVisit, WorkerDay> placed = new IdentityHashMap<>();
        for (PlannedVisit v : ruined) {
            lists.computeIfAbsent(v.worker(), w -> new ArrayList<>(w.visits())).remove(v);
        }
        Set<PlannedVisit> out = Collections.newSetFromMap(new IdentityHashMap<>());
        out.addAll(ruined);
        if (random.nextBoolean()) {
            Collections.shuffle(ruined, random);
        } else {
            ruined.sort(Comparator.comparingLong(PlannedVisit::windowFrom));
        }
        Map<WorkerDay, Long> costs = new HashMap<>();
        for (PlannedVisit v : ruined) {
            Set<WorkerDay> candidates = new LinkedHashSet<>(lists.keySet());
            for (PlannedVisit u : neighbours.of(v)) {
                WorkerDay w = out.contains(u) ? placed.get(u) : u.worker();
                if (w != null) {
                    candidates.add(w);
                }
            }
            if (wholeDay) {
                candidates.remove(home);
            }
            List<PlannedVisit> bestList = null;
            WorkerDay bestWorker = null;
            long bestDelta = Long.MAX_VALUE;
            for (WorkerDay w : candidates) {
                if (!w.skills().contains(v.skill())) {
                    continue;
                }
                List<PlannedVisit> list = lists.getOrDefault(w, w.visits());
                if (list.size() >= w.maxVisits()) {
                    continue;
                }
                long base = costs.computeIfAbsent(w, x -> cost(x, list));
                if (base < 0) {
                    continue;
                }
                for (int at = w.startedVisits(); at <= list.size(); at++) {
                    List<PlannedVisit> trial = new ArrayList<>(list);
                    trial.add(at, v);
                    long c = cost(w, trial);
                    if (c >= 0 && c - base < bestDelta) {
                        bestDelta = c - base;
                        bestList = trial;
                        bestWorker = w;
                    }
                }
            }
            if (bestWorker == null) {
                return null;
            }
            lists.put(bestWorker, bestList);
            costs.put(bestWorker, bestDelta + costs.get(bestWorker));
            placed.put(v, bestWorker);
        }
        return new RouteEdit(wholeDay ? "rebuild day" : "rebuild nearby", lists, List.of());
    }

    /** Travel plus weighed lateness of the day with these visits, or -1 if it breaks a hard rule. */
    static long cost(WorkerDay w, List<PlannedVisit> visits) {
        Route r = Route.of(w, visits);
        if (r.beyondToleranceSeconds() > 0
                || r.overtimeSeconds(w) > 0
                || r.breakLateSeconds(w) > 0
                || r.workSeconds() > w.maxWorkSeconds()) {
            return -1;
        }
        return r.travelSeconds() + DayConstraints.LATE_WEIGHT * r.withinToleranceSeconds();
    }
}
