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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Timefold Solver set up for a {@link DayPlan}: its construction heuristic places the visits not yet
 * planned, then one local search phase improves the whole city's plan with {@link NearbyMoves}
 * (mostly strings of nearby visits cut and put back, and moves between nearby visits) under
 * simulated annealing: a worse plan is taken with a chance that falls with how much worse it is and
 * with the time spent, from {@link #START_TEMPERATURE} (about a minute and a half of riding) at the
 * start to none at the end of the box. It always runs the whole box: annealing finds its best plans
 * as the temperature falls near the end, and a limit on time without a better score cut one of the
 * bench's runs off at 66 of 120 s (ninth run). Timefold keeps the best plan seen.
 *
 * <p>Why this acceptor: late acceptance, then annealing after its stall (the eighth run in
 * docs/benchmarks.md), stalled where the random seed led it, 18–25 % below greedy on the bench's
 * target row; annealing from the start with the string moves ended 21–28 % below, most runs 25–27 %
 * (ninth run), 24–27 % below, 8 runs of 9 at 25 % or more, once its rebuilds were priced twice
 * as fast (tenth run), and 21.9–26.8 % below, 7 runs of 10 at 25 % or more, once they skipped
 * positions by their detour and found days by mark (eleventh and twelfth runs). Runs vary: the temperature follows the clock, so even one seed does not
 * repeat.
 *
 * <p>Several searches ({@code ANXIN_PLAN_SEARCHES}) may run side by side, each on a copy of the
 * problem ({@link DayPlan#copy()}) with a random seed of its own, each on a thread (and a core) of
 * its own for the whole box; the best plan is kept. Timefold's multithreaded solving, which would
 * share one search between cores, is Enterprise-only; independent searches need nothing shared but
 * the facts (places, travel times), which the solver only reads.
 *
 * <p>Why not Timefold's own list moves: in the community edition they pick a visit's destination
 * among all of a city's routes at random, so almost every move tried puts a visit on a route across
 * town; nearby selection, which fixes that, is Enterprise-only.
 */
final class DaySolver {
    static final String START_TEMPERATURE = "0hard/0medium/100soft";

    /** One per search: Timefold's default seed first, then seeds 1, 2, … (or the bench's own). */
    private final List<SolverFactory<DayPlan>> factories = new ArrayList<>();

    private final SolutionManager<DayPlan, HardMediumSoftLongScore> scores;

    DaySolver(Duration timeBox) {
        this(timeBox, 1);
    }

    /**
     * {@code searches} independent searches at once, each on a problem of its own with a random
     * seed of its own, the best plan kept: each takes a core for the whole box.
     */
    DaySolver(Duration timeBox, int searches) {
        this(timeBox, defaultSeeds(searches));
    }

    /** With a random seed other than Timefold's default, for the bench's robustness runs. */
    DaySolver(Duration timeBox, Long seed) {
        this(timeBox, Collections.singletonList(seed));
    }

    /** One search per seed ({@code null}: Timefold's default), side by side, the best plan kept. */
    DaySolver(Duration timeBox, List<Long> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one search");
        }
        Duration box = Duration.ofMillis(Math.max(200, timeBox.toMillis()));
        for (Long seed : seeds) {
            LocalSearchPhaseConfig search = new LocalSearchPhaseConfig()
                    .withMoveSelectorConfig(
                            new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(NearbyMoves.class))
                    .withAcceptorConfig(new LocalSearchAcceptorConfig()
                            .withSimulatedAnnealingStartingTemperature(START_TEMPERATURE))
                    .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
            SolverConfig config = new SolverConfig()
                    .withSolutionClass(DayPlan.class)
                    .withEntityClasses(WorkerDay.class, PlannedVisit.class)
                    .withConstraintProviderClass(DayConstraints.class)
                    .withTerminationConfig(new TerminationConfig().withSpentLimit(box))
                    .withPhases(new ConstructionHeuristicPhaseConfig(), search);
            if (seed != null) {
                config.withRandomSeed(seed);
            }
            factories.add(SolverFactory.create(config));
        }
        this.scores = SolutionManager.create(factories.get(0));
    }

    private static List<Long> defaultSeeds(int searches) {
        if (searches < 1) {
            throw new IllegalArgumentException("at least one search");
        }
        List<Long> seeds = new ArrayList<>();
        seeds.add(null);
        for (long seed = 1; seeds.size() < searches; seed++) {
            seeds.add(seed);
        }
        return seeds;
    }

    /** The best plan found within the time box, starting from the lists the problem already has. */
    DayPlan solve(DayPlan problem) {
        DayPlan plan = factories.size() == 1 ? factories.get(0).buildSolver().solve(problem) : bestOfAll(problem);
        scores.update(plan);
        return plan;
    }

    /** Every search at once, each on its own copy of the problem (the first on the problem itself). */
    private DayPlan bestOfAll(DayPlan problem) {
        List<DayPlan> problems = new ArrayList<>();
        problems.add(problem);
        while (problems.size() < factories.size()) {
            problems.add(problem.copy()); // before any search starts to change the problem
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(factories.size(), task -> {
            Thread thread = new Thread(task, "day-solver-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<DayPlan>> runs = new ArrayList<>();
            for (int i = 0; i < factories.size(); i++) {
                SolverFactory<DayPlan> factory = factories.get(i);
                DayPlan own = problems.get(i);
                runs.add(pool.submit(() -> factory.buildSolver().solve(own)));
            }
            DayPlan best = null;
            for (Future<DayPlan> run : runs) {
                DayPlan plan = run.get();
                if (best == null || plan.score().compareTo(best.score()) > 0) {
                    best = plan;
                }
            }
            return best;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("planning was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause
                    ? cause
                    : new IllegalStateException("a search failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The score of the plan as it stands, with every constraint's share and matches. */
    ScoreAnalysis<HardMediumSoftLongScore> explain(DayPlan plan) {
        return scores.analyze(plan);
    }
}
