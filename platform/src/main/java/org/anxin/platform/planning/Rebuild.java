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
 * Ruin and recreate in one {@link RouteEdit}: strings of consecutive visits cut from a few nearby
 * workers' days (slack induction by string removals, Christiaens and Vanden Berghe, Transportation
 * Science 2020), then each visit put back where it adds least riding and lateness without breaking a
 * hard rule. Cutting whole stretches of several nearby routes frees room in all of them at once,
 * which moving one visit at a time does not, so the search can rearrange a neighbourhood in one
 * step. Each visit is tried at every position of the days it was cut from and of the days its
 * neighbours are on, skipping a position now and then ({@link #BLINK_PER_MILLE}, the paper's
 * "blinks") so that two equally good plans are not always rebuilt the same way. Visits not yet
 * planned near the seed are taken along and planned if they fit. Timefold's own ruin-and-recreate
 * move fails in 1.32 when visits may stay unplanned (timefold-solver PR #2448); this one never
 * unplans a visit: if one that was planned cannot be put back, there is no move.
 */
final class Rebuild {
    /** Positions skipped per thousand tried; the paper's 1 %. */
    static final int BLINK_PER_MILLE = 10;

    private final Neighbours neighbours;
    private final Random random;
    private final int blinkPerMille;

    Rebuild(Neighbours neighbours, Random random) {
        this(neighbours, random, BLINK_PER_MILLE);
    }

    /** With another blink rate (0 in tests: every position tried). */
    Rebuild(Neighbours neighbours, Random random, int blinkPerMille) {
        this.neighbours = neighbours;
        this.random = random;
        this.blinkPerMille = blinkPerMille;
    }

    /**
     * Strings of consecutive visits cut from up to {@code routes} days near {@code seed} (the seed's
     * own day first, then the days of its neighbours, nearest first), each string of a random length
     * up to {@code maxLength} and holding the visit that chose its day, then put back one by one;
     * null when nothing could be cut or a cut visit cannot be put back.
     */
    RouteEdit strings(PlannedVisit seed, int routes, int maxLength) {
        List<PlannedVisit> ruined = new ArrayList<>();
        Set<WorkerDay> cut = Collections.newSetFromMap(new IdentityHashMap<>());
        List<PlannedVisit> around = new ArrayList<>();
        around.add(seed);
        around.addAll(List.of(neighbours.of(seed)));
        for (PlannedVisit u : around) {
            WorkerDay w = u.worker();
            if (w == null) {
                // not planned yet: taken along, planned if it fits
                ruined.add(u);
                continue;
            }
            if (cut.size() >= routes || cut.contains(w)) {
                continue;
            }
            int at = w.visits().indexOf(u);
            int first = w.startedVisits();
            if (at < first) {
                continue;
            }
            cut.add(w);
            int length = 1 + random.nextInt(Math.min(maxLength, w.visits().size() - first));
            int lo = Math.max(first, at - length + 1);
            int hi = Math.min(at, w.visits().size() - length);
            int start = lo + random.nextInt(hi - lo + 1);
            ruined.addAll(w.visits().subList(start, start + length));
        }
        if (cut.isEmpty()) {
            return null;
        }
        return recreate(ruined);
    }

    /**
     * The ruined visits off their days, then each put back, in a random order or by window, where
     * it adds least; null when one that was planned cannot be put back.
     */
    private RouteEdit recreate(List<PlannedVisit> ruined) {
        Map<WorkerDay, List<PlannedVisit>> lists = new LinkedHashMap<>();
        Map<PlannedVisit, WorkerDay> placed = new IdentityHashMap<>();
        Set<PlannedVisit> optional = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PlannedVisit v : ruined) {
            if (v.worker() == null) {
                optional.add(v);
            } else {
                lists.computeIfAbsent(v.worker(), w -> new ArrayList<>(w.visits()))
                        .remove(v);
            }
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
                    if (random.nextInt(1000) < blinkPerMille) {
                        continue;
                    }
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
                if (optional.contains(v)) {
                    continue;
                }
                return null;
            }
            lists.put(bestWorker, bestList);
            costs.put(bestWorker, bestDelta + costs.get(bestWorker));
            placed.put(v, bestWorker);
        }
        List<PlannedVisit> assigned =
                optional.stream().filter(placed::containsKey).toList();
        return new RouteEdit("rebuild", lists, assigned);
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
