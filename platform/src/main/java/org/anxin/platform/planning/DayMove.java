package org.anxin.platform.planning;

import org.anxin.platform.system.ApiProblem;

/** The desk's hand on a plan: one visit taken from wherever it is and put on a worker's day. */
final class DayMove {
    private final DayPlan plan;

    DayMove(DayPlan plan) {
        this.plan = plan;
    }

    /**
     * Puts the visit on the worker's day at {@code position} (clamped to after their started
     * visits and to the end). A visit already set off for cannot be moved (409); an unknown
     * visit or worker of the day is a 400.
     */
    void apply(long orderId, long responderId, int position) {
        PlannedVisit visit = plan.visits().stream()
                .filter(v -> v.orderId() == orderId)
                .findFirst()
                .orElseThrow(() -> ApiProblem.badRequest("order " + orderId + " is not a plannable visit of this day"));
        WorkerDay to = plan.workers().stream()
                .filter(w -> w.workerId() == responderId)
                .findFirst()
                .orElseThrow(() -> ApiProblem.badRequest("responder " + responderId + " is not on duty this day"));
        WorkerDay from = visit.worker();
        if (from != null) {
            int at = from.visits().indexOf(visit);
            if (at < from.startedVisits()) {
                throw ApiProblem.conflict("order " + orderId + " has been set off for; it stays with " + from.name());
            }
            from.visits().remove(at);
        }
        int index = Math.max(to.startedVisits(), Math.min(position, to.visits().size()));
        to.visits().add(index, visit);
        visit.worker(to);
    }
}
