package org.anxin.platform.planning;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPinToIndex;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anxin.platform.dispatch.TravelMode;

/**
 * One worker's day: shift (epoch seconds), base, skills, travel mode, limits and break, and the
 * visits in the order they are made (the planning variable). The first {@code startedVisits} of
 * the list have been set off for or done: the solver leaves them where they are.
 */
@PlanningEntity
class WorkerDay {
    @PlanningId
    private long workerId;

    private String name;
    private long providerId;
    private Set<String> skills;
    private TravelMode mode;
    private Place base;
    private long shiftStart;
    private long shiftEnd;
    private int maxVisits;
    private int maxWorkSeconds;
    private long breakFrom;
    private long breakTo;
    private int breakSeconds;
    private TravelTimes travel;

    @PlanningListVariable(allowsUnassignedValues = true)
    private List<PlannedVisit> visits = new ArrayList<>();

    @PlanningPinToIndex
    private int startedVisits;

    // the route of the last list seen: constraints ask for it several times per evaluation
    private PlannedVisit[] routedVisits;
    private Route route;

    // Rebuild's scratch (Rebuild.MARKS): the last round of candidates this day was listed in, and
    // the last move that gave it a slot, with that slot
    long rebuildMark;
    long rebuildMove;
    int rebuildSlot;

    WorkerDay() {}

    WorkerDay(
            long workerId,
            String name,
            long providerId,
            Set<String> skills,
            TravelMode mode,
            Place base,
            long shiftStart,
            long shiftEnd,
            TravelTimes travel) {
        this.workerId = workerId;
        this.name = name;
        this.providerId = providerId;
        this.skills = Set.copyOf(skills);
        this.mode = mode;
        this.base = base;
        this.shiftStart = shiftStart;
        this.shiftEnd = shiftEnd;
        this.travel = travel;
        this.maxVisits = Integer.MAX_VALUE;
        this.maxWorkSeconds = Integer.MAX_VALUE;
    }

    WorkerDay limits(int maxVisits, int maxWorkSeconds) {
        this.maxVisits = maxVisits;
        this.maxWorkSeconds = maxWorkSeconds;
        return this;
    }

    WorkerDay breakBetween(long from, long to, int seconds) {
        this.breakFrom = from;
        this.breakTo = to;
        this.breakSeconds = seconds;
        return this;
    }

    /** Puts the visits on this day in this order, the first {@code started} of them fixed. */
    WorkerDay visits(List<PlannedVisit> planned, int started) {
        this.visits = new ArrayList<>(planned);
        this.startedVisits = started;
        planned.forEach(v -> v.worker(this));
        return this;
    }

    /** The same day as a new entity, holding the copies of its visits in the same order. */
    WorkerDay copy(Map<PlannedVisit, PlannedVisit> copies) {
        return new WorkerDay(workerId, name, providerId, skills, mode, base, shiftStart, shiftEnd, travel)
                .limits(maxVisits, maxWorkSeconds)
                .breakBetween(breakFrom, breakTo, breakSeconds)
                .visits(visits.stream().map(copies::get).toList(), startedVisits);
    }

    Route route() {
        if (route == null || !routed()) {
            routedVisits = visits.toArray(new PlannedVisit[0]);
            route = Route.of(this, visits);
        }
        return route;
    }

    /** The list holds the same visits, in the same order, as when the route was last made. */
    private boolean routed() {
        if (routedVisits.length != visits.size()) {
            return false;
        }
        for (int i = 0; i < routedVisits.length; i++) {
            if (routedVisits[i] != visits.get(i)) {
                return false;
            }
        }
        return true;
    }

    long workerId() {
        return workerId;
    }

    String name() {
        return name;
    }

    long providerId() {
        return providerId;
    }

    Set<String> skills() {
        return skills;
    }

    TravelMode mode() {
        return mode;
    }

    Place base() {
        return base;
    }

    long shiftStart() {
        return shiftStart;
    }

    long shiftEnd() {
        return shiftEnd;
    }

    int maxVisits() {
        return maxVisits;
    }

    int maxWorkSeconds() {
        return maxWorkSeconds;
    }

    long breakFrom() {
        return breakFrom;
    }

    long breakTo() {
        return breakTo;
    }

    int breakSeconds() {
        return breakSeconds;
    }

    TravelTimes travel() {
        return travel;
    }

    List<PlannedVisit> visits() {
        return visits;
    }

    int startedVisits() {
        return startedVisits;
    }

    @Override
    public String toString() {
        return "worker " + workerId;
    }
}
