package org.anxin.platform.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.anxin.platform.dispatch.TravelMode;

/**
 * A day plan as the desk sees it: its state, score (hard/medium/soft, see {@link DayPlan}) and
 * each constraint's share, every worker's route in order, and the visits left unplanned.
 */
record PlanView(
        LocalDate date,
        PlanStatus status,
        int revision,
        String score,
        Long hard,
        Long medium,
        Long soft,
        Long solverMillis,
        Integer movedVisits,
        String madeBy,
        Instant madeAt,
        String reason,
        List<ConstraintView> constraints,
        List<RouteView> routes,
        List<StopView> unplanned) {

    record ConstraintView(String name, long hard, long medium, long soft, int matches) {}

    record RouteView(
            long responderId, String name, TravelMode mode, Double baseLat, Double baseLon, List<StopView> stops) {}

    /** One visit: whose, what, where, its window, and when the plan has the worker arrive, start and leave. */
    record StopView(
            long orderId,
            Long seniorId,
            String seniorName,
            String address,
            Double lat,
            Double lon,
            String itemName,
            String skill,
            Instant windowFrom,
            Instant windowTo,
            Instant arrivalAt,
            Instant startAt,
            Instant endAt,
            Integer lateSeconds,
            boolean started,
            boolean pinned) {}

    /** What a family sees of their visit: when the worker is planned to arrive, give or take the tolerance. */
    record Arrival(long orderId, Instant plannedStart, Instant arriveFrom, Instant arriveTo) {}
}
