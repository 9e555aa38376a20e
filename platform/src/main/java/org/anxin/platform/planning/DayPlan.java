package org.anxin.platform.planning;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A city's home-care day as a planning problem: the workers on duty and the visits booked. Hard
 * score: what may not happen (wrong skill, beyond the window's tolerance, past the shift, late
 * break, over the limits, off the desk's pin); medium: visits left unplanned, by priority; soft:
 * travel, small lateness, broken continuity, unbalanced load, other providers' areas, moved visits.
 */
@PlanningSolution
class DayPlan {
    @PlanningEntityCollectionProperty
    private List<WorkerDay> workers;

    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    private List<PlannedVisit> visits;

    @PlanningScore
    private HardMediumSoftLongScore score;

    // Timefold finds this field by its type; none: every constraint weighs as DayConstraints says
    private ConstraintWeightOverrides<HardMediumSoftLongScore> weights = ConstraintWeightOverrides.none();

    DayPlan() {}

    DayPlan(List<WorkerDay> workers, List<PlannedVisit> visits) {
        this.workers = workers;
        this.visits = visits;
    }

    List<WorkerDay> workers() {
        return workers;
    }

    List<PlannedVisit> visits() {
        return visits;
    }

    /** The same problem with some constraints weighed otherwise (e.g. a soft term set to zero). */
    DayPlan weighing(Map<String, HardMediumSoftLongScore> overrides) {
        DayPlan plan = new DayPlan(workers, visits);
        plan.weights = ConstraintWeightOverrides.of(overrides);
        return plan;
    }

    /** Some of the workers with these visits, weighed as this plan is: one district of the day. */
    DayPlan part(List<WorkerDay> someWorkers, List<PlannedVisit> someVisits) {
        DayPlan plan = new DayPlan(someWorkers, someVisits);
        plan.weights = weights;
        return plan;
    }

    /**
     * The same problem with entities of its own (facts such as places and travel times shared), so
     * that another solver can work on it at the same time as on this one.
     */
    DayPlan copy() {
        Map<PlannedVisit, PlannedVisit> copies = new IdentityHashMap<>();
        List<PlannedVisit> visitCopies = new ArrayList<>(visits.size());
        for (PlannedVisit visit : visits) {
            PlannedVisit copy = visit.copy();
            copies.put(visit, copy);
            visitCopies.add(copy);
        }
        List<WorkerDay> workerCopies = new ArrayList<>(workers.size());
        workers.forEach(worker -> workerCopies.add(worker.copy(copies)));
        return part(workerCopies, visitCopies);
    }

    HardMediumSoftLongScore score() {
        return score;
    }
}
