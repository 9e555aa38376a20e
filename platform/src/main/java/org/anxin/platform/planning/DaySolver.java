package org.anxin.platform.planning;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;

/**
 * Timefold Solver set up for a {@link DayPlan}: its construction heuristic places the visits not yet
 * planned, then its local search (late acceptance) improves the whole city's plan with
 * {@link NearbyMoves} (moves between nearby visits, and nearby visits taken off and put back) until
 * the time box is spent or the best score has not improved for a fifth of it.
 *
 * <p>Why not Timefold's own list moves: in the community edition they pick a visit's destination
 * among all of a city's routes at random, so almost every move tried puts a visit on a route across
 * town; nearby selection, which fixes that, is Enterprise-only. On the bench's city (issue 17,
 * docs/benchmarks.md, seventh run) the nearby moves ride less city-wide than the district-by-district
 * search that stood in for nearby selection before.
 */
final class DaySolver {
    private final SolverFactory<DayPlan> factory;
    private final SolutionManager<DayPlan, HardMediumSoftLongScore> scores;

    DaySolver(Duration timeBox) {
        Duration box = Duration.ofMillis(Math.max(200, timeBox.toMillis()));
        LocalSearchPhaseConfig search = new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(
                        new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(NearbyMoves.class));
        this.factory = SolverFactory.create(new SolverConfig()
                .withSolutionClass(DayPlan.class)
                .withEntityClasses(WorkerDay.class, PlannedVisit.class)
                .withConstraintProviderClass(DayConstraints.class)
                .withPhases(new ConstructionHeuristicPhaseConfig(), search)
                .withTerminationConfig(new TerminationConfig()
                        .withSpentLimit(box)
                        .withUnimprovedSpentLimit(Duration.ofMillis(Math.max(100, box.toMillis() / 5)))));
        this.scores = SolutionManager.create(factory);
    }

    /** The best plan found within the time box, starting from the lists the problem already has. */
    DayPlan solve(DayPlan problem) {
        DayPlan plan = factory.buildSolver().solve(problem);
        scores.update(plan);
        return plan;
    }

    /** The score of the plan as it stands, with every constraint's share and matches. */
    ScoreAnalysis<HardMediumSoftLongScore> explain(DayPlan plan) {
        return scores.analyze(plan);
    }
}
