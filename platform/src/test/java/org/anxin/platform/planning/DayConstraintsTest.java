package org.anxin.platform.planning;

import static org.anxin.platform.planning.Days.HOUR;
import static org.anxin.platform.planning.Days.MINUTE;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule of the day alone, with Timefold's ConstraintVerifier, on hand-made routes. */
class DayConstraintsTest {
    private final ConstraintVerifier<DayConstraints, DayPlan> verifier =
            ConstraintVerifier.build(new DayConstraints(), DayPlan.class, WorkerDay.class, PlannedVisit.class);
    private final Days days = new Days(10);

    @Test
    void skillMissingIsHardOncePerVisit() {
        PlannedVisit bath = days.visit(1, 1, 0, 120, "bathing");
        PlannedVisit clean = days.visit(2, 2, 0, 120, "cleaning");
        WorkerDay w = days.worker(7, "cleaning").visits(Days.list(bath, clean), 0);
        verifier.verifyThat(DayConstraints::skill).given(w, bath, clean).penalizesBy(1);
    }

    @Test
    void arrivingBeyondTheToleranceIsHardByTheMinute() {
        // 1 min travel + 30 min at visit 1, +1 min travel: visit 2 starts at minute 32; window closed at 20, 10 min
        // tolerance
        PlannedVisit first = days.visit(1, 1, 0, 60, "c");
        PlannedVisit second = days.visit(2, 2, 0, 20, "c");
        WorkerDay w = days.worker(7, "c").visits(Days.list(first, second), 0);
        verifier.verifyThat(DayConstraints::windowEnd).given(w, first, second).penalizesBy(2);
    }

    @Test
    void lateWithinToleranceIsSoftBySeconds() {
        PlannedVisit first = days.visit(1, 1, 0, 60, "c");
        PlannedVisit second = days.visit(2, 2, 0, 27, "c");
        WorkerDay w = days.worker(7, "c").visits(Days.list(first, second), 0);
        // starts at minute 32, 5 minutes after the window: within the 10 minutes' tolerance
        verifier.verifyThat(DayConstraints::lateness)
                .given(w, first, second)
                .penalizesBy(DayConstraints.LATE_WEIGHT * 5L * MINUTE);
        verifier.verifyThat(DayConstraints::windowEnd).given(w, first, second).hasNoImpact();
    }

    @Test
    void comingBackAfterTheShiftIsHardByTheMinute() {
        PlannedVisit far = days.visit(1, 9, 0, 600, "c");
        WorkerDay w = new WorkerDay(
                        7,
                        "w7",
                        1,
                        Set.of("c"),
                        org.anxin.platform.dispatch.TravelMode.EBIKE,
                        days.places[0],
                        0,
                        40 * MINUTE,
                        days.travel)
                .visits(Days.list(far), 0);
        // 9 min out, 30 on site, 9 back = 48 min, shift of 40
        verifier.verifyThat(DayConstraints::shiftEnd).given(w, far).penalizesBy(8);
    }

    @Test
    void breakStartingAfterItsWindowIsHard() {
        PlannedVisit early = days.visit(1, 1, 0, 0, "c");
        PlannedVisit second = days.visit(2, 2, 0, 600, "c");
        // visit 1 ends at 00:31, the first moment the break can start
        WorkerDay onTime = days.worker(7, "c")
                .breakBetween(30 * MINUTE, 60 * MINUTE, 30 * MINUTE)
                .visits(Days.list(early, second), 0);
        verifier.verifyThat(DayConstraints::breakTaken)
                .given(onTime, early, second)
                .hasNoImpact();
        WorkerDay late = days.worker(9, "c")
                .breakBetween(20 * MINUTE, 25 * MINUTE, 30 * MINUTE)
                .visits(Days.list(early, second), 0);
        // latest start 00:25: six minutes late
        verifier.verifyThat(DayConstraints::breakTaken)
                .given(late, early, second)
                .penalizesBy(6);
    }

    @Test
    void moreVisitsThanAllowedIsHardPerVisit() {
        PlannedVisit a = days.visit(1, 1, 0, 600, "c");
        PlannedVisit b = days.visit(2, 2, 0, 600, "c");
        PlannedVisit c = days.visit(3, 3, 0, 600, "c");
        WorkerDay w = days.worker(7, "c").limits(1, 8 * HOUR).visits(Days.list(a, b, c), 0);
        verifier.verifyThat(DayConstraints::maxVisits).given(w, a, b, c).penalizesBy(2);
    }

    @Test
    void moreWorkThanAllowedIsHardByTheMinute() {
        PlannedVisit a = days.visit(1, 1, 0, 600, "c");
        PlannedVisit b = days.visit(2, 2, 0, 600, "c");
        // 1 + 30 + 1 + 30 + 2 back = 64 min of work, 60 allowed
        WorkerDay w = days.worker(7, "c").limits(10, HOUR).visits(Days.list(a, b), 0);
        verifier.verifyThat(DayConstraints::maxHours).given(w, a, b).penalizesBy(4);
    }

    @Test
    void visitAwayFromTheDesksPinIsHard() {
        PlannedVisit pinned = days.visit(1, 1, 0, 600, "c").pinnedWorker(8L);
        PlannedVisit free = days.visit(2, 2, 0, 600, "c");
        WorkerDay w = days.worker(7, "c").visits(Days.list(pinned, free), 0);
        verifier.verifyThat(DayConstraints::deskPin).given(w, pinned, free).penalizesBy(1);
    }

    @Test
    void unplannedVisitCostsItsPriority() {
        PlannedVisit urgent = new PlannedVisit(1, 101, days.places[1], 0, 600, 1800, 600, "c", 3);
        PlannedVisit planned = days.visit(2, 2, 0, 600, "c");
        WorkerDay w = days.worker(7, "c").visits(Days.list(planned), 0);
        verifier.verifyThat(DayConstraints::unplanned).given(w, urgent, planned).penalizesBy(3);
    }

    @Test
    void travelIsTheRouteOutAndBackInSeconds() {
        PlannedVisit a = days.visit(1, 3, 0, 600, "c");
        PlannedVisit b = days.visit(2, 1, 0, 600, "c");
        WorkerDay w = days.worker(7, "c").visits(Days.list(a, b), 0);
        // 0→3→1→0 = 3 + 2 + 1 minutes
        verifier.verifyThat(DayConstraints::travel).given(w, a, b).penalizesBy(6L * MINUTE);
    }

    @Test
    void anotherWorkerThanLastTimeCostsContinuity() {
        PlannedVisit same = days.visit(1, 1, 0, 600, "c").lastWorker(7L);
        PlannedVisit other = days.visit(2, 2, 0, 600, "c").lastWorker(8L);
        PlannedVisit firstTime = days.visit(3, 3, 0, 600, "c");
        WorkerDay w = days.worker(7, "c").visits(Days.list(same, other, firstTime), 0);
        verifier.verifyThat(DayConstraints::continuity)
                .given(w, same, other, firstTime)
                .penalizesBy(DayConstraints.CONTINUITY_SECONDS);
    }

    @Test
    void loadIsBalancedBySquares() {
        PlannedVisit a = days.visit(1, 1, 0, 600, "c");
        PlannedVisit b = days.visit(2, 2, 0, 600, "c");
        PlannedVisit c = days.visit(3, 3, 0, 600, "c");
        WorkerDay three = days.worker(7, "c").visits(Days.list(a, b, c), 0);
        WorkerDay none = days.worker(8, "c");
        verifier.verifyThat(DayConstraints::balance)
                .given(three, none, a, b, c)
                .penalizesBy(9L * DayConstraints.BALANCE_SECONDS);
    }

    @Test
    void workerFromOutsideTheAreasProvidersCostsPreference() {
        PlannedVisit inArea = days.visit(1, 1, 0, 600, "c").areaProviders(Set.of(1L));
        PlannedVisit outside = days.visit(2, 2, 0, 600, "c").areaProviders(Set.of(2L, 3L));
        PlannedVisit anywhere = days.visit(3, 3, 0, 600, "c");
        WorkerDay w = days.worker(7, "c").visits(Days.list(inArea, outside, anywhere), 0);
        verifier.verifyThat(DayConstraints::providerPreference)
                .given(w, inArea, outside, anywhere)
                .penalizesBy(DayConstraints.PROVIDER_SECONDS);
    }

    @Test
    void visitMovedOffItsPreviousWorkerCostsAnHour() {
        PlannedVisit stayed = days.visit(1, 1, 0, 600, "c").previousWorker(7L);
        PlannedVisit moved = days.visit(2, 2, 0, 600, "c").previousWorker(8L);
        PlannedVisit dropped = days.visit(3, 3, 0, 600, "c").previousWorker(7L);
        WorkerDay w = days.worker(7, "c").visits(Days.list(stayed, moved), 0);
        verifier.verifyThat(DayConstraints::stability)
                .given(w, stayed, moved, dropped)
                .penalizesBy(2L * DayConstraints.MOVE_SECONDS);
    }
}
