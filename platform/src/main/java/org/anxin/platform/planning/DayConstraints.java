package org.anxin.platform.planning;

import static ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore.ONE_HARD;
import static ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore.ONE_MEDIUM;
import static ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore.ONE_SOFT;

import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * The rules of a home-care day. Hard penalties are in minutes (or counts) of what may not
 * happen; soft ones in seconds of travel or the seconds of travel a broken preference is
 * worth: a new face for a frail senior ({@link #CONTINUITY_SECONDS}), a worker from outside the
 * area's provider ({@link #PROVIDER_SECONDS}), a visit moved in a re-plan ({@link #MOVE_SECONDS},
 * an hour of travel, so a re-plan moves a visit only for a lot).
 */
public class DayConstraints implements ConstraintProvider {
    static final String SKILL = "skill";
    static final String WINDOW = "window end";
    static final String SHIFT = "shift end";
    static final String BREAK = "break";
    static final String MAX_VISITS = "max visits";
    static final String MAX_HOURS = "max hours";
    static final String DESK_PIN = "desk pin";
    static final String UNPLANNED = "unplanned visit";
    static final String TRAVEL = "travel time";
    static final String LATENESS = "lateness within tolerance";
    static final String CONTINUITY = "continuity of care";
    static final String BALANCE = "workload balance";
    static final String PROVIDER = "provider preference";
    static final String STABILITY = "moved in re-plan";

    static final int CONTINUITY_SECONDS = 600;
    static final int PROVIDER_SECONDS = 300;
    static final int MOVE_SECONDS = 3600;
    static final int LATE_WEIGHT = 2;
    static final int BALANCE_SECONDS = 30;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[] {
            skill(f),
            windowEnd(f),
            shiftEnd(f),
            breakTaken(f),
            maxVisits(f),
            maxHours(f),
            deskPin(f),
            unplanned(f),
            travel(f),
            lateness(f),
            continuity(f),
            balance(f),
            providerPreference(f),
            stability(f)
        };
    }

    Constraint skill(ConstraintFactory f) {
        return f.forEach(PlannedVisit.class)
                .filter(v -> !v.worker().skills().contains(v.skill()))
                .penalizeLong(ONE_HARD)
                .asConstraint(SKILL);
    }

    Constraint windowEnd(ConstraintFactory f) {
        return f.forEach(WorkerDay.class)
                .filter(w -> w.route().beyondToleranceSeconds() > 0)
                .penalizeLong(ONE_HARD, w -> minutes(w.route().beyondToleranceSeconds()))
                .asConstraint(WINDOW);
    }

    Constraint shiftEnd(ConstraintFactory f) {
        return f.forEach(WorkerDay.class)
                .filter(w -> w.route().overtimeSeconds(w) > 0)
                .penalizeLong(ONE_HARD, w -> minutes(w.route().overtimeSeconds(w)))
                .asConstraint(SHIFT);
    }

    Constraint breakTaken(ConstraintFactory f) {
        return f.forEach(WorkerDay.class)
                .filter(w -> w.route().breakLateSeconds(w) > 0)
                .penalizeLong(ONE_HARD, w -> minutes(w.route().breakLateSeconds(w)))
                .asConstraint(BREAK);
    }

    Constraint maxVisits(ConstraintFactory f) {
        return f.forEach(WorkerDay.class)
                .filter(w -> w.visits().size() > w.maxVisits())
                .penalizeLong(ONE_HARD, w -> w.visits().size() - w.maxVisits())
                .asConstraint(MAX_VISITS);
    }

    Constraint maxHours(ConstraintFactory f) {
        return f.forEach(WorkerDay.class)
                .filter(w -> w.route().workSeconds() > w.maxWorkSeconds())
                .penalizeLong(ONE_HARD, w -> minutes(w.route().workSeconds() - w.maxWorkSeconds()))
                .asConstraint(MAX_HOURS);
    }

    Constraint deskPin(ConstraintFactory f) {
        return f.forEachIncludingUnassigned(PlannedVisit.class)
                .filter(v -> v.pinnedWorkerId() != null
                        && (v.worker() == null || v.worker().workerId() != v.pinnedWorkerId()))
                .penalizeLong(ONE_HARD)
                .asConstraint(DESK_PIN);
    }

    Constraint unplanned(ConstraintFactory f) {
        return f.forEachIncludingUnassigned(PlannedVisit.class)
                .filter(v -> v.worker() == null)
                .penalizeLong(ONE_MEDIUM, PlannedVisit::priority)
                .asConstraint(UNPLANNED);
    }

    Constraint travel(ConstraintFactory f) {
        return f.forEach(WorkerDay.class)
                .filter(w -> !w.visits().isEmpty())
                .penalizeLong(ONE_SOFT, w -> w.route().travelSeconds())
                .asConstraint(TRAVEL);
    }

    Constraint lateness(ConstraintFactory f) {
        return f.forEach(WorkerDay.class)
                .filter(w -> w.route().withinToleranceSeconds() > 0)
                .penalizeLong(ONE_SOFT, w -> LATE_WEIGHT * w.route().withinToleranceSeconds())
                .asConstraint(LATENESS);
    }

    Constraint continuity(ConstraintFactory f) {
        return f.forEach(PlannedVisit.class)
                .filter(v -> v.lastWorkerId() != null
                        && v.lastWorkerId() != v.worker().workerId())
                .penalizeLong(ONE_SOFT, v -> CONTINUITY_SECONDS)
                .asConstraint(CONTINUITY);
    }

    Constraint balance(ConstraintFactory f) {
        return f.forEach(WorkerDay.class)
                .filter(w -> !w.visits().isEmpty())
                .penalizeLong(
                        ONE_SOFT,
                        w -> BALANCE_SECONDS
                                * (long) w.visits().size()
                                * w.visits().size())
                .asConstraint(BALANCE);
    }

    Constraint providerPreference(ConstraintFactory f) {
        return f.forEach(PlannedVisit.class)
                .filter(v -> !v.areaProviders().isEmpty()
                        && !v.areaProviders().contains(v.worker().providerId()))
                .penalizeLong(ONE_SOFT, v -> PROVIDER_SECONDS)
                .asConstraint(PROVIDER);
    }

    Constraint stability(ConstraintFactory f) {
        return f.forEachIncludingUnassigned(PlannedVisit.class)
                .filter(v -> v.previousWorkerId() != null
                        && (v.worker() == null || v.worker().workerId() != v.previousWorkerId()))
                .penalizeLong(ONE_SOFT, v -> MOVE_SECONDS)
                .asConstraint(STABILITY);
    }

    /** Whole minutes, rounded up, so that a second over still counts. */
    private static long minutes(long seconds) {
        return (seconds + 59) / 60;
    }
}
