package org.anxin.platform.planning;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anxin.platform.system.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes and revises day plans. Each run claims the day first ({@link PlanStore}), so with several
 * platform nodes one solves a day at a time and the others are told so (409); the solver runs
 * outside any transaction, and the result is stored in one. A change that arrives while a day is
 * being solved marks it, and the solving node runs again once it has stored its plan.
 */
@Service
class DayPlanner {
    private static final Logger log = LoggerFactory.getLogger(DayPlanner.class);
    static final String SYSTEM = "system";

    private final PlanStore store;
    private final DayProblems problems;
    private final DaySolver solver;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration staleAfter;
    private final String node = "node-" + UUID.randomUUID();

    DayPlanner(
            PlanStore store, DayProblems problems, TransactionTemplate tx, Clock clock, PlanningProperties properties) {
        this.store = store;
        this.problems = problems;
        this.solver = new DaySolver(properties.timeBox(), properties.searches());
        this.tx = tx;
        this.clock = clock;
        // a node that has held a claim for this long without storing a plan has died meanwhile
        this.staleAfter = properties.timeBox().multipliedBy(3).plusMinutes(2);
    }

    /** Plans (or re-plans) the day now; 409 if another run is solving it. */
    void plan(LocalDate date, String by, String reason) {
        if (!claim(date, reason)) {
            throw busy(date);
        }
        solveClaimed(date, by);
    }

    /** The nightly run: plans the day only if nobody has planned it (nor is planning it) yet. */
    boolean planIfNew(LocalDate date) {
        Boolean claimed = tx.execute(s -> store.claimNew(date, node, clock.instant(), "nightly plan"));
        if (!Boolean.TRUE.equals(claimed)) {
            return false;
        }
        solveClaimed(date, SYSTEM);
        return true;
    }

    /** Re-plans the day if a change asked for it and nobody is solving it (who then does it). */
    void replanIfWanted(LocalDate date) {
        boolean wanted = store.header(date)
                .map(h -> h.replanWanted() && h.status() == PlanStatus.READY)
                .orElse(false);
        if (wanted && claim(date, "re-plan: orders or workers changed")) {
            solveClaimed(date, SYSTEM);
        }
    }

    /** The desk moves a visit to a worker's day at a place in it, pins it there, and the plan is re-scored. */
    void move(LocalDate date, long orderId, long responderId, int position, String by) {
        if (store.header(date).filter(h -> h.status() == PlanStatus.READY).isEmpty()) {
            throw ApiProblem.conflict("day " + date + " has no plan to change yet: make one first");
        }
        if (!claim(date, "moved by the desk: order " + orderId)) {
            throw busy(date);
        }
        try {
            DayProblems.Revision before = revision(date);
            Map<Long, Long> pins = new HashMap<>(before.pins());
            pins.put(orderId, responderId);
            DayProblems.Problem problem =
                    problems.build(date, new DayProblems.Revision(before.before(), before.absent(), pins));
            new DayMove(problem.plan()).apply(orderId, responderId, position);
            tx.executeWithoutResult(s -> store.pin(date, orderId, responderId, by, clock.instant()));
            finish(date, problem, problem.plan(), 0, by);
        } catch (RuntimeException e) {
            tx.executeWithoutResult(s -> store.release(date, node, "move failed: " + e.getMessage()));
            throw e;
        }
    }

    /** The worker is out for the day: their visits go to others, the rest move as little as possible. */
    void absent(LocalDate date, long responderId, String by) {
        tx.executeWithoutResult(s -> store.addAbsence(date, responderId, by, clock.instant()));
        if (store.header(date).isPresent()) {
            plan(date, by, "re-plan: responder " + responderId + " is out");
        }
    }

    private boolean claim(LocalDate date, String reason) {
        Instant now = clock.instant();
        return Boolean.TRUE.equals(tx.execute(s -> store.claim(date, node, now, now.minus(staleAfter), reason)));
    }

    private void solveClaimed(LocalDate date, String by) {
        boolean again = true;
        while (again) {
            try {
                DayProblems.Problem problem = problems.build(date, revision(date));
                long started = System.nanoTime();
                DayPlan best = solver.solve(problem.plan());
                long millis = (System.nanoTime() - started) / 1_000_000;
                finish(date, problem, best, millis, by);
            } catch (RuntimeException e) {
                log.warn("planning {} failed", date, e);
                tx.executeWithoutResult(s -> store.release(date, node, "solver failed: " + e.getMessage()));
                throw e;
            }
            again = store.header(date).map(PlanStore.Header::replanWanted).orElse(false)
                    && claim(date, "re-plan: changes while solving");
        }
    }

    private DayProblems.Revision revision(LocalDate date) {
        return new DayProblems.Revision(store.placed(date), store.absent(date), store.pins(date));
    }

    private void finish(LocalDate date, DayProblems.Problem problem, DayPlan plan, long millis, String by) {
        ScoreAnalysis<HardMediumSoftLongScore> analysis = solver.explain(plan);
        HardMediumSoftLongScore score = analysis.score();
        List<PlanStore.ConstraintRow> constraints = analysis.constraintMap().values().stream()
                .map(c -> new PlanStore.ConstraintRow(
                        c.constraintName(),
                        c.score().hardScore(),
                        c.score().mediumScore(),
                        c.score().softScore(),
                        c.matchCount()))
                .toList();
        List<PlanStore.StopRow> stops = stops(problem, plan);
        int moved = (int) plan.visits().stream()
                .filter(v -> v.previousWorkerId() != null
                        && (v.worker() == null || v.worker().workerId() != v.previousWorkerId()))
                .count();
        Boolean saved = tx.execute(s -> store.save(
                date,
                node,
                stops,
                constraints,
                score.hardScore(),
                score.mediumScore(),
                score.softScore(),
                millis,
                moved,
                by,
                clock.instant()));
        if (!Boolean.TRUE.equals(saved)) {
            throw ApiProblem.conflict("the claim on day " + date + " was taken over while solving; plan not stored");
        }
        log.info("planned {}: {} ({} ms, {} visits moved)", date, score, millis, moved);
    }

    private static List<PlanStore.StopRow> stops(DayProblems.Problem problem, DayPlan plan) {
        List<PlanStore.StopRow> rows = new ArrayList<>();
        for (WorkerDay w : plan.workers()) {
            List<Route.Stop> route = w.route().stops();
            for (int i = 0; i < route.size(); i++) {
                Route.Stop s = route.get(i);
                rows.add(new PlanStore.StopRow(
                        s.visit().orderId(),
                        w.workerId(),
                        i,
                        Instant.ofEpochSecond(s.arrival()),
                        Instant.ofEpochSecond(s.start()),
                        Instant.ofEpochSecond(s.end()),
                        (int) s.lateSeconds(),
                        i < w.startedVisits()));
            }
        }
        plan.visits().stream()
                .filter(v -> v.worker() == null)
                .forEach(v -> rows.add(new PlanStore.StopRow(v.orderId(), null, null, null, null, null, null, false)));
        problem.unplaceable()
                .forEach(id -> rows.add(new PlanStore.StopRow(id, null, null, null, null, null, null, false)));
        return rows;
    }

    private ApiProblem busy(LocalDate date) {
        String by = store.header(date)
                .map(h -> " by " + h.claimedBy() + " since " + h.claimedAt())
                .orElse("");
        return ApiProblem.conflict("the plan of " + date + " is being made" + by + "; try again when it is done");
    }
}
