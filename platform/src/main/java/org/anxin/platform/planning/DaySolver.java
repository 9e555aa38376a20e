package org.anxin.platform.planning;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Timefold Solver set up for a {@link DayPlan}, in two stages within the time box.
 *
 * <ol>
 *   <li>The whole city: construction heuristic then local search, for a third of the box (on a day
 *       with few workers, all of it; when every visit is planned already, a moment), ended earlier when the best score has not improved for a
 *       fifth of the box.
 *   <li>District by district, for the rest of the box: the workers are grouped by where their day
 *       starts ({@link Districts}, about {@link #DISTRICT_WORKERS} each), and each district's days
 *       (its workers, their visits, and the visits still unplanned) are solved by Timefold's local
 *       search in turn, for a share of the time; then new districts are drawn, until the box is
 *       spent or three rounds in a row find nothing better. A move Timefold picks at random within a
 *       district is a move between nearby routes: this is what Timefold's nearby selection and
 *       partitioned search (both Enterprise-only) would give the community edition, which picks
 *       among all 80 routes of a city.
 * </ol>
 *
 * Every rule of the day is per worker or per visit, so a district's better score is the city's.
 */
final class DaySolver {
    static final int DISTRICT_WORKERS = 10;
    private static final Duration DISTRICT_TURN = Duration.ofSeconds(1);
    private static final Duration MIN_TURN = Duration.ofMillis(100);
    private static final Duration MIN_CITY = Duration.ofMillis(200);
    private static final int FRUITLESS_ROUNDS = 3;

    private final Duration timeBox;
    private final SolverFactory<DayPlan> factory;
    private final SolutionManager<DayPlan, HardMediumSoftLongScore> scores;

    DaySolver(Duration timeBox) {
        this.timeBox = Duration.ofMillis(Math.max(200, timeBox.toMillis()));
        // Timefold's own local search (late acceptance over its list moves): a shorter late-acceptance
        // list (50) or simulated annealing found less within one-second district turns in the bench
        LocalSearchPhaseConfig search = new LocalSearchPhaseConfig();
        this.factory = SolverFactory.create(new SolverConfig()
                .withSolutionClass(DayPlan.class)
                .withEntityClasses(WorkerDay.class, PlannedVisit.class)
                .withConstraintProviderClass(DayConstraints.class)
                .withPhases(new ConstructionHeuristicPhaseConfig(), search)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(this.timeBox)));
        this.scores = SolutionManager.create(factory);
    }

    /** The best plan found within the time box, starting from the lists the problem already has. */
    DayPlan solve(DayPlan problem) {
        long deadline = System.nanoTime() + timeBox.toNanos();
        boolean districts = problem.workers().size() >= 2 * DISTRICT_WORKERS;
        // a day that starts with every visit planned (a re-plan, a warm start) gains least from the
        // city-wide search: it gets a moment, the districts the rest
        boolean allPlanned = problem.visits().stream().allMatch(v -> v.worker() != null);
        long cityMillis = !districts ? timeBox.toMillis() : allPlanned ? MIN_CITY.toMillis() : timeBox.toMillis() / 3;
        cityMillis = Math.max(MIN_CITY.toMillis(), cityMillis);
        DayPlan plan = factory.buildSolver(limit(new TerminationConfig()
                        .withSpentLimit(Duration.ofMillis(cityMillis))
                        .withUnimprovedSpentLimit(Duration.ofMillis(Math.max(100, timeBox.toMillis() / 5)))))
                .solve(problem);
        if (districts) {
            byDistrict(plan, deadline);
        }
        scores.update(plan);
        return plan;
    }

    /** The score of the plan as it stands, with every constraint's share and matches. */
    ScoreAnalysis<HardMediumSoftLongScore> explain(DayPlan plan) {
        return scores.analyze(plan);
    }

    private void byDistrict(DayPlan plan, long deadline) {
        Random random = new Random(plan.visits().size());
        HardMediumSoftLongScore best = scores.update(plan);
        int fruitless = 0;
        while (fruitless < FRUITLESS_ROUNDS) {
            List<List<WorkerDay>> districts = Districts.of(plan.workers(), DISTRICT_WORKERS, random);
            // whole milliseconds: Timefold's spent limit takes no finer
            long turnMillis =
                    Math.min(DISTRICT_TURN.toMillis(), (deadline - System.nanoTime()) / 1_000_000 / districts.size());
            if (turnMillis < MIN_TURN.toMillis()) {
                return;
            }
            SolverConfigOverride<DayPlan> limit =
                    limit(new TerminationConfig().withSpentLimit(Duration.ofMillis(turnMillis)));
            for (List<WorkerDay> workers : districts) {
                solveDistrict(plan, workers, limit);
            }
            HardMediumSoftLongScore score = scores.update(plan);
            fruitless = score.compareTo(best) > 0 ? 0 : fruitless + 1;
            best = score.compareTo(best) > 0 ? score : best;
        }
    }

    /** Solves one district's part of the plan and puts the result back into the plan. */
    private void solveDistrict(DayPlan plan, List<WorkerDay> workers, SolverConfigOverride<DayPlan> limit) {
        List<PlannedVisit> visits = new ArrayList<>();
        workers.forEach(w -> visits.addAll(w.visits()));
        plan.visits().stream().filter(v -> v.worker() == null).forEach(visits::add);
        DayPlan best = factory.buildSolver(limit).solve(plan.part(workers, visits));
        Map<Long, PlannedVisit> visitById = new HashMap<>();
        visits.forEach(v -> visitById.put(v.orderId(), v));
        Map<Long, WorkerDay> workerById = new HashMap<>();
        workers.forEach(w -> workerById.put(w.workerId(), w));
        visits.forEach(v -> v.worker(null));
        for (WorkerDay solved : best.workers()) {
            WorkerDay w = workerById.get(solved.workerId());
            w.visits(
                    solved.visits().stream()
                            .map(v -> visitById.get(v.orderId()))
                            .toList(),
                    w.startedVisits());
        }
    }

    private static SolverConfigOverride<DayPlan> limit(TerminationConfig termination) {
        return new SolverConfigOverride<DayPlan>().withTerminationConfig(termination);
    }
}
