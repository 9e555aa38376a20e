package org.anxin.platform.planning;

import static org.anxin.platform.planning.Days.HOUR;
import static org.anxin.platform.planning.Days.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.anxin.platform.dispatch.TravelMode;
import org.junit.jupiter.api.Test;

/** Timefold on a day small enough that the best plan is known by hand. */
class DaySolverTest {
    private final Days days = new Days(10);
    private final DaySolver solver = new DaySolver(Duration.ofSeconds(2));

    @Test
    void findsTheKnownOptimumOfASmallDay() {
        assertKnownOptimum(solver.solve(smallDay()));
    }

    /** Two searches side by side (ANXIN_PLAN_SEARCHES=2), each on its own copy: the same optimum. */
    @Test
    void twoSearchesSideBySideFindTheKnownOptimumToo() {
        assertKnownOptimum(new DaySolver(Duration.ofSeconds(2), 2).solve(smallDay()));
    }

    /**
     * A copy has entities of its own with the same facts, days and started visits, so one search
     * changing it leaves the original as it was.
     */
    @Test
    void aCopyIsAProblemOfItsOwn() {
        DayPlan original = smallDay();
        WorkerDay w1 = worker(original, 1);
        w1.visits(List.of(original.visits().get(1), original.visits().get(0)), 1);
        original.visits()
                .get(3)
                .pinnedWorker(2L)
                .lastWorker(2L)
                .previousWorker(1L)
                .areaProviders(Set.of(1L));

        DayPlan copy = original.copy();
        new DaySolver(Duration.ofSeconds(1)).solve(copy);

        assertThat(copy.visits()).hasSameSizeAs(original.visits());
        for (int i = 0; i < original.visits().size(); i++) {
            PlannedVisit a = original.visits().get(i);
            PlannedVisit b = copy.visits().get(i);
            assertThat(b).isNotSameAs(a);
            assertThat(b)
                    .usingRecursiveComparison()
                    .comparingOnlyFields(
                            "orderId",
                            "seniorId",
                            "place",
                            "windowFrom",
                            "windowTo",
                            "durationSeconds",
                            "toleranceSeconds",
                            "skill",
                            "priority",
                            "lastWorkerId",
                            "areaProviders",
                            "previousWorkerId",
                            "pinnedWorkerId")
                    .isEqualTo(a);
        }
        WorkerDay c1 = worker(copy, 1);
        assertThat(c1).isNotSameAs(w1);
        assertThat(c1.startedVisits()).isEqualTo(1);
        assertThat(c1.visits().get(0).orderId()).isEqualTo(12L);
        assertThat(c1.visits()).allMatch(v -> copy.visits().contains(v) && v.worker() == c1);
        // the original's lists are as they were set, whatever the search did to the copy's
        assertThat(w1.visits()).extracting(PlannedVisit::orderId).containsExactly(12L, 11L);
        assertThat(worker(original, 2).visits()).isEmpty();
        assertThat(original.visits().get(3).worker()).isNull();
    }

    /**
     * Places on a line, a minute apart; W1 (bathing, cleaning) lives at 0, W2 (cleaning) at 9, W3
     * (bathing) ends her shift after 20 minutes, before any 30-minute visit could be done.
     */
    private DayPlan smallDay() {
        WorkerDay w1 = days.worker(1, "bathing", "cleaning");
        WorkerDay w2 = new WorkerDay(
                2, "w2", 1, Set.of("cleaning"), TravelMode.EBIKE, days.places[9], 0, 8 * HOUR, days.travel);
        WorkerDay w3 = new WorkerDay(
                3, "w3", 1, Set.of("bathing"), TravelMode.EBIKE, days.places[0], 0, 20 * MINUTE, days.travel);
        PlannedVisit bathAt1 = days.visit(11, 1, 0, 120, "bathing");
        PlannedVisit bathAt2 = days.visit(12, 2, 0, 5, "bathing"); // must come first
        PlannedVisit cleanAt8 = days.visit(13, 8, 0, 240, "cleaning");
        PlannedVisit cleanAt7 = days.visit(14, 7, 0, 5, "cleaning"); // must come first
        PlannedVisit nursing = days.visit(15, 5, 0, 240, "nursing"); // nobody can
        return new DayPlan(
                new ArrayList<>(List.of(w1, w2, w3)),
                new ArrayList<>(List.of(bathAt1, bathAt2, cleanAt8, cleanAt7, nursing)));
    }

    private static void assertKnownOptimum(DayPlan best) {
        WorkerDay b1 = worker(best, 1);
        WorkerDay b2 = worker(best, 2);
        assertThat(b1.visits()).extracting(PlannedVisit::orderId).containsExactly(12L, 11L);
        assertThat(b2.visits()).extracting(PlannedVisit::orderId).containsExactly(14L, 13L);
        assertThat(worker(best, 3).visits()).isEmpty();
        // travel 0→2→1→0 and 9→7→8→9: 4 + 4 minutes; balance 2 × 2² × 30 s; the nursing visit unplanned
        assertThat(best.score())
                .isEqualTo(HardMediumSoftLongScore.of(0, -1, -(8L * MINUTE + 2 * 4 * DayConstraints.BALANCE_SECONDS)));
        assertThat(b1.route().stops()).extracting(Route.Stop::start).containsExactly(2L * MINUTE, 33L * MINUTE);
    }

    @Test
    void neverMovesTheStartedVisitsAtTheHeadOfARoute() {
        WorkerDay w1 = days.worker(1, "c");
        WorkerDay w2 =
                new WorkerDay(2, "w2", 1, Set.of("c"), TravelMode.EBIKE, days.places[9], 0, 8 * HOUR, days.travel);
        // w1 (based at 0) has set off for the visit at 9: it stays hers, although w2 lives there
        PlannedVisit far = days.visit(21, 9, 0, 480, "c");
        PlannedVisit near = days.visit(22, 1, 0, 480, "c");
        w1.visits(Days.list(far), 1);
        DayPlan best = solver.solve(new DayPlan(List.of(w1, w2), List.of(far, near)));
        assertThat(worker(best, 1).visits().get(0).orderId()).isEqualTo(21L);
        assertThat(worker(best, 2).visits()).extracting(PlannedVisit::orderId).doesNotContain(21L);
    }

    @Test
    void weighingAConstraintZeroTakesItOutOfTheScore() {
        WorkerDay w1 = days.worker(1, "c");
        WorkerDay w2 =
                new WorkerDay(2, "w2", 1, Set.of("c"), TravelMode.EBIKE, days.places[9], 0, 8 * HOUR, days.travel);
        // both visits with w1: 0→1→2→0 is 4 minutes of travel, and w2 idle makes the load unbalanced
        PlannedVisit one = days.visit(31, 1, 0, 480, "c");
        PlannedVisit two = days.visit(32, 2, 0, 480, "c");
        w1.visits(Days.list(one, two), 0);
        DayPlan plan = new DayPlan(List.of(w1, w2), List.of(one, two));

        long weighed = solver.explain(plan).score().softScore();
        long travelOnly = solver.explain(
                        plan.weighing(java.util.Map.of(DayConstraints.BALANCE, HardMediumSoftLongScore.ZERO)))
                .score()
                .softScore();

        assertThat(travelOnly).isEqualTo(-4L * MINUTE);
        assertThat(weighed).isLessThan(travelOnly);
    }

    @Test
    void aCityDayKeepsEveryVisitOnceAndTheStartedOnesInPlace() {
        // 24 workers at places 0..23 of a line, a minute apart, and a visit at each place; the day starts
        // crosswise (worker i has the visit at 23 - i), and the first three workers have set off for theirs
        Days line = new Days(24);
        List<WorkerDay> workers = new ArrayList<>();
        List<PlannedVisit> visits = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            workers.add(new WorkerDay(
                    i + 1, "w" + i, 1, Set.of("c"), TravelMode.EBIKE, line.places[i], 0, 8 * HOUR, line.travel));
            visits.add(line.visit(100 + i, i, 0, 480, "c"));
        }
        for (int i = 0; i < 24; i++) {
            workers.get(i).visits(List.of(visits.get(23 - i)), i < 3 ? 1 : 0);
        }
        DaySolver solver = new DaySolver(Duration.ofSeconds(6));
        HardMediumSoftLongScore start =
                solver.explain(new DayPlan(workers, visits)).score();

        DayPlan best = solver.solve(new DayPlan(workers, visits));

        // every visit planned exactly once, on the worker it names; the three set off for stay first
        assertThat(best.score().hardScore()).isZero();
        assertThat(best.score().mediumScore()).isZero();
        assertThat(best.workers().stream().flatMap(w -> w.visits().stream()).map(PlannedVisit::orderId))
                .containsExactlyInAnyOrderElementsOf(
                        visits.stream().map(PlannedVisit::orderId).toList());
        best.workers().forEach(w -> assertThat(w.visits()).allMatch(v -> v.worker() == w));
        for (int i = 0; i < 3; i++) {
            assertThat(worker(best, i + 1).visits())
                    .extracting(PlannedVisit::orderId)
                    .startsWith(100L + 23 - i);
        }
        // and the score is the plan's own, better than the crosswise start
        assertThat(solver.explain(best).score()).isEqualTo(best.score());
        assertThat(best.score()).isGreaterThan(start);
    }

    private static WorkerDay worker(DayPlan plan, long id) {
        return plan.workers().stream()
                .filter(w -> w.workerId() == id)
                .findFirst()
                .orElseThrow();
    }
}
