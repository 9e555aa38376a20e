package org.anxin.platform.planning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

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

    /**
     * Marks for the visits a move takes off their days and the days listed as candidates for a
     * visit, so that both questions are a field read rather than a hash look-up (they were a fifth
     * of the solver's time): every move and every round of candidates takes a number never used
     * before, in any plan or thread, so a mark left by an earlier one never matches.
     */
    private static final AtomicLong MARKS = new AtomicLong();

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
        long move = MARKS.incrementAndGet();
        Slots slots = new Slots(move);
        // the days edited, in the order first cut from: the edit's lists, and every visit's candidates
        Map<WorkerDay, List<PlannedVisit>> lists = new LinkedHashMap<>();
        List<PlannedVisit> optional = new ArrayList<>();
        WorkerDay[] placedOn = new WorkerDay[ruined.size()];
        for (int i = 0; i < ruined.size(); i++) {
            PlannedVisit v = ruined.get(i);
            v.rebuildMark = move; // off its day: where it goes now is placedOn[rebuildSlot]
            v.rebuildSlot = i;
            WorkerDay w = v.worker();
            if (w == null) {
                optional.add(v);
            } else {
                int slot = slots.of(w);
                if (slots.lists.get(slot) == w.visits()) {
                    slots.lists.set(slot, new ArrayList<>(w.visits()));
                    lists.put(w, slots.lists.get(slot));
                }
                slots.lists.get(slot).remove(v);
            }
        }
        if (random.nextBoolean()) {
            Collections.shuffle(ruined, random);
        } else {
            ruined.sort(Comparator.comparingLong(PlannedVisit::windowFrom));
        }
        // blinks drawn from a generator of this move's own, seeded from the solver's: one draw
        // per position tried, and java.util.Random's synchronised draws cost more than the pricing
        SplittableRandom blinks = new SplittableRandom(random.nextLong());
        List<WorkerDay> candidates = new ArrayList<>();
        for (PlannedVisit v : ruined) {
            long round = MARKS.incrementAndGet();
            candidates.clear();
            for (WorkerDay w : lists.keySet()) {
                w.rebuildMark = round;
                candidates.add(w);
            }
            for (PlannedVisit u : neighbours.of(v)) {
                WorkerDay w = u.rebuildMark == move ? placedOn[u.rebuildSlot] : u.worker();
                if (w != null && w.rebuildMark != round) {
                    w.rebuildMark = round;
                    candidates.add(w);
                }
            }
            int bestSlot = -1;
            int bestAt = -1;
            long bestDelta = Long.MAX_VALUE;
            for (WorkerDay w : candidates) {
                if (!w.skills().contains(v.skill())) {
                    continue;
                }
                int slot = slots.of(w);
                List<PlannedVisit> list = slots.lists.get(slot);
                if (list.size() >= w.maxVisits()) {
                    continue;
                }
                DaySchedule day = slots.day(slot);
                long base = day.cost();
                if (base < 0) {
                    continue;
                }
                for (int at = w.startedVisits(); at <= list.size(); at++) {
                    if (blinkPerMille > 0 && blinks.nextInt(1000) < blinkPerMille) {
                        continue;
                    }
                    if (day.detour(at, v) >= bestDelta) {
                        continue;
                    }
                    long limit = bestDelta == Long.MAX_VALUE ? Long.MAX_VALUE : base + bestDelta;
                    long c = day.costWith(at, v, limit);
                    if (c >= 0 && c - base < bestDelta) {
                        bestDelta = c - base;
                        bestSlot = slot;
                        bestAt = at;
                    }
                }
            }
            if (bestSlot < 0) {
                if (v.worker() == null) {
                    continue; // not planned before the move: it may stay so
                }
                return null;
            }
            WorkerDay bestWorker = slots.workers.get(bestSlot);
            List<PlannedVisit> bestList = new ArrayList<>(slots.lists.get(bestSlot));
            bestList.add(bestAt, v);
            slots.lists.set(bestSlot, bestList);
            slots.days.set(bestSlot, null); // its schedule is made again when next needed
            lists.put(bestWorker, bestList);
            placedOn[v.rebuildSlot] = bestWorker;
        }
        List<PlannedVisit> assigned =
                optional.stream().filter(v -> placedOn[v.rebuildSlot] != null).toList();
        return new RouteEdit("rebuild", lists, assigned);
    }

    /**
     * The days one move looks at, each in a slot of its own (found through the day's mark, not a
     * hash look-up): its visits as the move leaves them so far, and their schedule once priced.
     */
    private static final class Slots {
        private final long move;
        final List<WorkerDay> workers = new ArrayList<>();
        final List<List<PlannedVisit>> lists = new ArrayList<>();
        final List<DaySchedule> days = new ArrayList<>();

        Slots(long move) {
            this.move = move;
        }

        int of(WorkerDay w) {
            if (w.rebuildMove != move) {
                w.rebuildMove = move;
                w.rebuildSlot = workers.size();
                workers.add(w);
                lists.add(w.visits());
                days.add(null);
            }
            return w.rebuildSlot;
        }

        DaySchedule day(int slot) {
            DaySchedule day = days.get(slot);
            if (day == null) {
                day = new DaySchedule(workers.get(slot), lists.get(slot));
                days.set(slot, day);
            }
            return day;
        }
    }
}
