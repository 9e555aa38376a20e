package org.anxin.platform.planning;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import java.util.Set;

/**
 * One booked visit to place on a worker's day: where, the arrival window (epoch seconds), how
 * long, the skill it needs, its priority, the worker who served the senior last time
 * (continuity), the providers whose service area holds the home, the worker it had in the plan
 * being revised (stability) and the worker the desk pinned it to. The solver sets only its worker
 * (through the worker's list).
 */
@PlanningEntity
class PlannedVisit {
    @PlanningId
    private long orderId;

    private long seniorId;
    private Place place;
    private long windowFrom;
    private long windowTo;
    private int durationSeconds;
    private int toleranceSeconds;
    private String skill;
    private int priority;
    private Long lastWorkerId;
    private Set<Long> areaProviders;
    private Long previousWorkerId;
    private Long pinnedWorkerId;

    @InverseRelationShadowVariable(sourceVariableName = "visits")
    private WorkerDay worker;

    // Rebuild's scratch (Rebuild.MARKS): the last move that took this visit off its day, and its
    // place in that move's list of them
    long rebuildMark;
    int rebuildSlot;

    PlannedVisit() {}

    PlannedVisit(
            long orderId,
            long seniorId,
            Place place,
            long windowFrom,
            long windowTo,
            int durationSeconds,
            int toleranceSeconds,
            String skill,
            int priority) {
        this.orderId = orderId;
        this.seniorId = seniorId;
        this.place = place;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
        this.durationSeconds = durationSeconds;
        this.toleranceSeconds = toleranceSeconds;
        this.skill = skill;
        this.priority = priority;
        this.areaProviders = Set.of();
    }

    PlannedVisit lastWorker(Long id) {
        this.lastWorkerId = id;
        return this;
    }

    PlannedVisit areaProviders(Set<Long> providers) {
        this.areaProviders = Set.copyOf(providers);
        return this;
    }

    PlannedVisit previousWorker(Long id) {
        this.previousWorkerId = id;
        return this;
    }

    PlannedVisit pinnedWorker(Long id) {
        this.pinnedWorkerId = id;
        return this;
    }

    /** The same visit as a new entity, on no worker's day: another solver's own copy. */
    PlannedVisit copy() {
        return new PlannedVisit(
                        orderId,
                        seniorId,
                        place,
                        windowFrom,
                        windowTo,
                        durationSeconds,
                        toleranceSeconds,
                        skill,
                        priority)
                .lastWorker(lastWorkerId)
                .areaProviders(areaProviders)
                .previousWorker(previousWorkerId)
                .pinnedWorker(pinnedWorkerId);
    }

    long orderId() {
        return orderId;
    }

    long seniorId() {
        return seniorId;
    }

    Place place() {
        return place;
    }

    long windowFrom() {
        return windowFrom;
    }

    long windowTo() {
        return windowTo;
    }

    int durationSeconds() {
        return durationSeconds;
    }

    int toleranceSeconds() {
        return toleranceSeconds;
    }

    String skill() {
        return skill;
    }

    int priority() {
        return priority;
    }

    Long lastWorkerId() {
        return lastWorkerId;
    }

    Set<Long> areaProviders() {
        return areaProviders;
    }

    Long previousWorkerId() {
        return previousWorkerId;
    }

    Long pinnedWorkerId() {
        return pinnedWorkerId;
    }

    WorkerDay worker() {
        return worker;
    }

    /** For tests that build a solution by hand (the solver keeps it in step with the lists itself). */
    void worker(WorkerDay worker) {
        this.worker = worker;
    }

    @Override
    public String toString() {
        return "visit " + orderId;
    }
}
