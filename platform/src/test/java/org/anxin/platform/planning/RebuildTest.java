package org.anxin.platform.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The rebuild's fast insertion cost against the day as {@link Route#of} unfolds it: the same cost
 * for every day, visit and position, including the days that break a rule.
 */
class RebuildTest {

    /** What {@link DaySchedule} must price a day at: the whole route built, then its rules checked. */
    private static long reference(WorkerDay w, List<PlannedVisit> visits) {
        Route r = Route.of(w, visits);
        if (r.beyondToleranceSeconds() > 0
                || r.overtimeSeconds(w) > 0
                || r.breakLateSeconds(w) > 0
                || r.workSeconds() > w.maxWorkSeconds()) {
            return -1;
        }
        return r.travelSeconds() + DayConstraints.LATE_WEIGHT * r.withinToleranceSeconds();
    }

    @Test
    void theInsertionCostIsTheRoutesCostForEveryDayVisitAndPosition() {
        int feasible = 0;
        int broken = 0;
        int cutShort = 0;
        int brokenDays = 0;
        for (long seed = 1; seed <= 3; seed++) {
            DayPlan plan = DayPlanBench.greedy(DayPlanBench.city(300, 20, 200, seed));
            Random random = new Random(seed);
            for (WorkerDay w : plan.workers()) {
                if (random.nextInt(3) == 0) {
                    w.limits(10, (3 + random.nextInt(4)) * 3600); // a short day's work: that rule is met too
                }
            }
            for (int trial = 0; trial < 4_000; trial++) {
                WorkerDay w = plan.workers().get(random.nextInt(plan.workers().size()));
                List<PlannedVisit> list = new ArrayList<>(w.visits());
                if (random.nextInt(4) == 0) {
                    Collections.shuffle(list, random); // an order that is often late or over time
                }
                if (!list.isEmpty() && random.nextBoolean()) {
                    list.remove(random.nextInt(list.size()));
                }
                PlannedVisit v = plan.visits().get(random.nextInt(plan.visits().size()));
                list.remove(v);
                int at = random.nextInt(list.size() + 1);
                List<PlannedVisit> with = new ArrayList<>(list);
                with.add(at, v);
                long expected = reference(w, with);

                DaySchedule day = new DaySchedule(w, list);
                long base = reference(w, list);
                assertThat(day.cost()).isEqualTo(base);
                if (base < 0) {
                    // a day that already breaks a rule is not built on (a visit put in might mend it)
                    assertThat(day.costWith(at, v, Long.MAX_VALUE)).isEqualTo(-1);
                    brokenDays++;
                    continue;
                }
                assertThat(day.costWith(at, v, Long.MAX_VALUE)).isEqualTo(expected);
                long limit = random.nextInt(4 * 3600);
                long bounded = day.costWith(at, v, limit);
                if (expected >= 0) {
                    assertThat(bounded).isEqualTo(Math.min(expected, limit));
                    assertThat(day.detour(at, v))
                            .isEqualTo(Route.of(w, with).travelSeconds()
                                    - Route.of(w, list).travelSeconds());
                    feasible++;
                    cutShort += expected >= limit ? 1 : 0;
                } else {
                    // broken: found so, or given up on at the limit first; never taken
                    assertThat(bounded).isIn(-1L, limit);
                    broken++;
                }
            }
        }
        // the trials reached every branch
        assertThat(feasible).isGreaterThan(1_000);
        assertThat(broken).isGreaterThan(1_000);
        assertThat(cutShort).isGreaterThan(100);
        assertThat(brokenDays).isGreaterThan(100);
    }
}
