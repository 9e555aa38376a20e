package org.anxin.platform.planning;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;

/**
 * Timefold Solver set up for a {@link DayPlan}: its construction heuristic places the visits not yet
 * planned, then two local search phases improve the whole city's plan with {@link NearbyMoves}
 * (moves between nearby visits, and nearby visits taken off and put back): late acceptance until the
 * best score has not improved for a tenth of the time box, then {@link #ESCAPE} (another acceptor,
 * which takes worse plans in other ways and so leaves the optimum the first phase stalled in) until
 * the box is spent or the best score has not improved for a fifth of it. Timefold keeps the best
 * plan across both phases.
 *
 * <p>Why not Timefold's own list moves: in the community edition they pick a visit's destination
 * among all of a city's routes at random, so almost every move tried puts a visit on a route across
 * town; nearby selection, which fixes that, is Enterprise-only. On the bench's city (issue 17,
 * docs/benchmarks.md, seventh and eighth runs) the nearby moves ride less city-wide than the
 * district-by-district search that stood in for nearby selection before.
 */
final class DaySolver {
    /** The second phase's acceptor: see docs/benchmarks.md, eighth run, for the ones tried. */
    static final LocalSearchAcceptorConfig ESCAPE =
            new LocalSearchAcceptorConfig().withSimulatedAnnealingStartingTemperature("0hard/0medium/100soft");

    private final SolverFactory<DayPlan> factory;
    private final SolutionManager<DayPlan, HardMediumSoftLongScore> scores;

    DaySolver(Duration timeBox) {
        this(timeBox, ESCAPE, null);
    }

    /** With another second-phase acceptor (none: one phase only) or random seed, for the bench. */
    DaySolver(Duration timeBox, LocalSearchAcceptorConfig escape, Long seed) {
        Duration box = Duration.ofMillis(Math.max(200, timeBox.toMillis()));
        LocalSearchPhaseConfig first = new LocalSearchPhaseConfig().withMoveSelectorConfig(nearby());
        SolverConfig config = new SolverConfig()
                .withSolutionClass(DayPlan.class)
                .withEntityClasses(WorkerDay.class, PlannedVisit.class)
                .withConstraintProviderClass(DayConstraints.class)
                .withTerminationConfig(new TerminationConfig()
                        .withSpentLimit(box)
                        .withUnimprovedSpentLimit(Duration.ofMillis(Math.max(100, box.toMillis() / 5))));
        if (escape == null) {
            config.withPhases(new ConstructionHeuristicPhaseConfig(), first);
        } else {
            first.withTerminationConfig(new TerminationConfig()
                    .withUnimprovedSpentLimit(Duration.ofMillis(Math.max(50, box.toMillis() / 10))));
            LocalSearchPhaseConfig second = new LocalSearchPhaseConfig()
                    .withMoveSelectorConfig(nearby())
                    .withAcceptorConfig(escape)
                    .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
            config.withPhases(new ConstructionHeuristicPhaseConfig(), first, second);
        }
        if (seed != null) {
            config.withRandomSeed(seed);
        }
        this.factory = SolverFactory.create(config);
        this.scores = SolutionManager.create(factory);
    }

    private static MoveIteratorFactoryConfig nearby() {
        return new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(NearbyMoves.class);
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
