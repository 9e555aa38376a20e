package org.anxin.platform.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.anxin.platform.dispatch.TravelMode;
import org.junit.jupiter.api.Test;

/** A worker of a provider graded D takes a batch's order only when no other worker can. */
class BatchPlannerDemotionTest {
    private static final int CIRCLE = 900;

    /** ETA = the worker's latitude field read as seconds, so each test sets it directly. */
    private final BatchPlanner planner = new BatchPlanner((w, j) -> (int) w.lat(), CIRCLE);

    private static BatchPlanner.Job job(long id) {
        return new BatchPlanner.Job(id, 30.0, 120.0, "MEAL", 1L, Set.of());
    }

    private static BatchPlanner.Worker worker(long id, int etaSeconds, int slots, boolean demoted) {
        return new BatchPlanner.Worker(
                id,
                "w" + id,
                TravelMode.WALK,
                etaSeconds,
                0,
                Set.of("MEAL"),
                Set.of(1L),
                slots,
                (a, b) -> true,
                demoted);
    }

    @Test
    void aNonDemotedWorkerFartherAwayIsPreferredAndTheRealEtaIsReported() {
        BatchPlanner.Plan plan =
                planner.batch(List.of(job(1)), List.of(worker(10, 60, 1, true), worker(20, 800, 1, false)));

        assertThat(plan.assigned()).singleElement().satisfies(p -> {
            assertThat(p.responderId()).isEqualTo(20);
            assertThat(p.etaSeconds()).isEqualTo(800);
        });
    }

    @Test
    void theDemotedWorkerStillTakesWhatNobodyElseCan() {
        BatchPlanner.Plan plan =
                planner.batch(List.of(job(1), job(2)), List.of(worker(10, 60, 1, true), worker(20, 800, 1, false)));

        assertThat(plan.assigned()).hasSize(2);
        assertThat(plan.assigned().stream().filter(p -> p.responderId() == 10))
                .singleElement()
                .satisfies(p -> assertThat(p.etaSeconds()).isEqualTo(60));
    }

    @Test
    void withoutDemotionTheNearestWins() {
        BatchPlanner.Plan plan =
                planner.batch(List.of(job(1)), List.of(worker(10, 60, 1, false), worker(20, 800, 1, false)));

        assertThat(plan.assigned()).singleElement().satisfies(p -> assertThat(p.responderId())
                .isEqualTo(10));
    }

    @Test
    void theGreedyPlanAlsoPutsTheDemotedWorkerLast() {
        BatchPlanner.Plan plan =
                planner.greedy(List.of(job(1)), List.of(worker(10, 60, 1, true), worker(20, 800, 1, false)));

        assertThat(plan.assigned()).singleElement().satisfies(p -> assertThat(p.responderId())
                .isEqualTo(20));
    }
}
