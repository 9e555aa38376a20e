package org.anxin.platform.planning;

import static org.anxin.platform.planning.Days.HOUR;
import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.domain.solution.descriptor.SolutionDescriptor;
import ai.timefold.solver.core.preview.api.move.MoveTestContext;
import ai.timefold.solver.core.preview.api.move.MoveTester;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.anxin.platform.dispatch.TravelMode;
import org.junit.jupiter.api.Test;

/** The nearby moves: what each does to the lists, that Timefold can undo them, and that the score follows. */
class NearbyMovesTest {
    private final Days days = new Days(12);
    private final WorkerDay ann = days.worker(1, "c");
    private final WorkerDay bob =
            new WorkerDay(2, "bob", 1, Set.of("c"), TravelMode.EBIKE, days.places[11], 0, 8 * HOUR, days.travel);
    private final PlannedVisit a1 = days.visit(11, 1, 0, 480, "c");
    private final PlannedVisit a2 = days.visit(12, 2, 0, 480, "c");
    private final PlannedVisit a3 = days.visit(13, 3, 0, 480, "c");
    private final PlannedVisit b1 = days.visit(21, 10, 0, 480, "c");
    private final PlannedVisit b2 = days.visit(22, 9, 0, 480, "c");
    private final PlannedVisit loose = days.visit(31, 4, 0, 480, "c");
    private final DaySolver solver = new DaySolver(Duration.ofSeconds(1));

    private DayPlan plan() {
        ann.visits(List.of(a1, a2, a3), 0);
        bob.visits(List.of(b1, b2), 0);
        return new DayPlan(List.of(ann, bob), List.of(a1, a2, a3, b1, b2, loose));
    }

    private static MoveTestContext<DayPlan> tester(DayPlan plan) {
        return MoveTester.build(
                        SolutionDescriptor.buildSolutionDescriptor(DayPlan.class, WorkerDay.class, PlannedVisit.class)
                                .getMetaModel())
                .using(plan);
    }

    @Test
    void aVisitPutBesideItsNeighbourLandsNextToItOnTheNeighboursDay() {
        DayPlan plan = plan();
        tester(plan).execute(NearbyMoves.Drawer.beside(a3, b2, true));

        assertThat(ann.visits()).containsExactly(a1, a2);
        assertThat(bob.visits()).containsExactly(b1, b2, a3);
        assertThat(a3.worker()).isSameAs(bob);
    }

    @Test
    void anUnplannedVisitPutBesideANeighbourIsPlanned() {
        DayPlan plan = plan();
        tester(plan).execute(NearbyMoves.Drawer.beside(loose, a3, false));

        assertThat(ann.visits()).containsExactly(a1, a2, loose, a3);
        assertThat(loose.worker()).isSameAs(ann);
    }

    @Test
    void tailsCrossTwoRoutesSoThatTheTwoVisitsFollowEachOther() {
        DayPlan plan = plan();
        tester(plan).execute(NearbyMoves.Drawer.tails(a1, b2, true));

        assertThat(ann.visits()).containsExactly(a1, b2);
        assertThat(bob.visits()).containsExactly(b1, a2, a3);
        assertThat(List.of(a2, a3)).allMatch(v -> v.worker() == bob);
        assertThat(b2.worker()).isSameAs(ann);
    }

    @Test
    void swapAndReverseAndSegmentsRearrangeAsNamed() {
        DayPlan plan = plan();
        MoveTestContext<DayPlan> context = tester(plan);

        context.execute(NearbyMoves.Drawer.reverse(a1, a3));
        assertThat(ann.visits()).containsExactly(a1, a3, a2);
        context.execute(NearbyMoves.Drawer.swap(a1, b1));
        assertThat(ann.visits()).containsExactly(b1, a3, a2);
        assertThat(bob.visits()).containsExactly(a1, b2);
        context.execute(NearbyMoves.Drawer.segmentBeside(a3, 2, b2, true));
        assertThat(ann.visits()).containsExactly(b1);
        assertThat(bob.visits()).containsExactly(a1, b2, a3, a2);
        assertThat(List.of(a1, b2, a3, a2)).allMatch(v -> v.worker() == bob);
    }

    @Test
    void stringsCutFromNearbyDaysArePutBackOnceEachAndTakeAnUnplannedNeighbourAlong() {
        DayPlan plan = plan();
        Rebuild rebuild = new Rebuild(new Neighbours(plan.visits(), ann, NearbyMoves.K), new Random(1), 0);

        // strings of one: b2 from bob's day and, nearest on another day, a3 from ann's; loose is unplanned
        RouteEdit move = rebuild.strings(b2, 2, 1);
        tester(plan).execute(move);

        List<PlannedVisit> all = new ArrayList<>(ann.visits());
        all.addAll(bob.visits());
        assertThat(all).containsExactlyInAnyOrder(a1, a2, a3, b1, b2, loose);
        assertThat(ann.visits()).allMatch(v -> v.worker() == ann);
        assertThat(bob.visits()).allMatch(v -> v.worker() == bob);
        assertThat(loose.worker()).isNotNull();
        assertThat(ann.visits()).containsSubsequence(a1, a2);
    }

    @Test
    void aRebuildThatCannotPutAVisitBackIsNoMove() {
        PlannedVisit odd = days.visit(41, 5, 0, 480, "d");
        ann.visits(List.of(a1, odd), 0);
        bob.visits(List.of(b1, b2), 0);
        DayPlan plan = new DayPlan(List.of(ann, bob), List.of(a1, odd, b1, b2));
        Rebuild rebuild = new Rebuild(new Neighbours(plan.visits(), ann, NearbyMoves.K), new Random(1), 0);

        // no worker has skill d (as after a skills edit): once cut, odd has nowhere to go
        assertThat(rebuild.strings(odd, 2, 2)).isNull();
        assertThat(ann.visits()).containsExactly(a1, odd);
    }

    @Test
    void aMoveDoneAndUndoneLeavesTheListsAndTheScoreAsBefore() {
        DayPlan plan = plan();
        HardMediumSoftLongScore before = solver.explain(plan).score();
        List<List<PlannedVisit>> moved = new ArrayList<>();

        tester(plan).executeTemporarily(NearbyMoves.Drawer.tails(a2, b1, false), view -> {
            moved.add(List.copyOf(ann.visits()));
            moved.add(List.copyOf(bob.visits()));
        });

        assertThat(moved).containsExactly(List.of(a1, a2, b2), List.of(b1, a3));
        assertThat(ann.visits()).containsExactly(a1, a2, a3);
        assertThat(bob.visits()).containsExactly(b1, b2);
        assertThat(List.of(a1, a2, a3)).allMatch(v -> v.worker() == ann);
        assertThat(List.of(b1, b2)).allMatch(v -> v.worker() == bob);
        assertThat(solver.explain(plan).score()).isEqualTo(before);
    }

    @Test
    void aMoveThatWouldTouchAStartedVisitIsNotDoable() {
        DayPlan plan = plan();
        ann.visits(List.of(a1, a2, a3), 2);

        assertThat(NearbyMoves.Drawer.beside(b1, a1, true).isMoveDoable(null)).isFalse();
        assertThat(NearbyMoves.Drawer.tails(b1, a1, false).isMoveDoable(null)).isFalse();
        assertThat(NearbyMoves.Drawer.beside(b1, a2, true).isMoveDoable(null)).isTrue();
        assertThat(plan.visits()).hasSize(6);
    }

    @Test
    void solvingWithOnlyNearbyMovesUnderFullAssertKeepsScoreAndListsConsistent() {
        // Timefold's FULL_ASSERT recomputes the score from scratch after every move and its undo and
        // fails on any difference from the incremental score: a move that misreports its change fails here
        DayPlan problem = DayPlanBench.onlyServed(DayPlanBench.greedy(DayPlanBench.city(120, 8, 40, 5)));
        assertConsistentUnderFullAssert(problem);
    }

    @Test
    void unplannedVisitsArePlannedByNearbyMovesUnderFullAssert() {
        // greedy leaves some of the day's visits unplanned: moves that plan them must report it too
        DayPlan problem = DayPlanBench.greedy(DayPlanBench.city(120, 8, 60, 5));
        long unplanned =
                problem.visits().stream().filter(v -> v.worker() == null).count();
        assertThat(unplanned).isPositive();

        DayPlan best = assertConsistentUnderFullAssert(problem);

        assertThat(best.visits().stream().filter(v -> v.worker() == null).count())
                .isLessThan(unplanned);
    }

    private DayPlan assertConsistentUnderFullAssert(DayPlan problem) {
        int planned =
                (int) problem.visits().stream().filter(v -> v.worker() != null).count();
        DayPlan best = SolverFactory.<DayPlan>create(new SolverConfig()
                        .withSolutionClass(DayPlan.class)
                        .withEntityClasses(WorkerDay.class, PlannedVisit.class)
                        .withConstraintProviderClass(DayConstraints.class)
                        .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                        .withPhases(new LocalSearchPhaseConfig()
                                .withMoveSelectorConfig(
                                        new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(NearbyMoves.class))
                                .withTerminationConfig(new TerminationConfig().withStepCountLimit(200))))
                .buildSolver()
                .solve(problem);

        List<PlannedVisit> onRoutes =
                best.workers().stream().flatMap(w -> w.visits().stream()).toList();
        assertThat(onRoutes).hasSizeGreaterThanOrEqualTo(planned).doesNotHaveDuplicates();
        best.workers().forEach(w -> assertThat(w.visits()).allMatch(v -> v.worker() == w));
        assertThat(best.visits().stream().filter(v -> v.worker() != null)).hasSize(onRoutes.size());
        assertThat(solver.explain(best).score()).isEqualTo(best.score());
        return best;
    }
}
