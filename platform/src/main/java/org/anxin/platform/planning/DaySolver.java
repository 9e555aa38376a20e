package org.anxin.platform.planning;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;

/**
 * Timefold Solver set up for a {@link DayPlan}: construction heuristic then local search, ended
 * by the time box or, earlier, when the best score has not improved for a fifth of it.
 */
final class DaySolver {
    private final SolverFactory<DayPlan> factory;
    private final SolutionManager<DayPlan, HardMediumSoftLongScore> scores;

    DaySolver(Duration timeBox) {
        long millis = Math.max(200, timeBox.toMillis());
        SolverConfig config = new SolverConfig()
                .withSolutionClass(DayPlan.class)
                .withEntityClasses(WorkerDay.class, PlannedVisit.class)
                .withConstraintProviderClass(DayConstraints.class)
                .withTerminationConfig(new TerminationConfig()
                        .withSpentLimit(Duration.ofMillis(millis))
                        .withUnimprovedSpentLimit(Duration.ofMillis(Math.max(100, millis / 5))));
        this.factory = SolverFactory.create(config);
        this.scores = SolutionManager.create(factory);
    }

    /** The best plan found within the time box, starting from the lists the problem already has. */
    DayPlan solve(DayPlan problem) {
        return factory.buildSolver().solve(problem);
    }

    /** The score of the plan as it stands, with every constraint's share and matches. */
    ScoreAnalysis<HardMediumSoftLongScore> explain(DayPlan plan) {
        return scores.analyze(plan);
    }
}
