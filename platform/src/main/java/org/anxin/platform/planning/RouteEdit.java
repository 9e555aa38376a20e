package org.anxin.platform.planning;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Timefold move that gives one or two workers' days new visit lists (a visit put next to a
 * neighbour, two visits swapped, two routes' tails exchanged, part of a route reversed; see
 * {@link NearbyMoves}). Each list is changed only where it differs, between the first and the last
 * position that change, and the score director is told before and after, so Timefold's incremental
 * score, the visits' worker (an inverse relation shadow variable) and its undo follow.
 */
final class RouteEdit extends AbstractMove<DayPlan> {
    static final String VARIABLE = "visits";

    /** Positions {@code [from, to)} of the worker's list become {@code replacement}. */
    record Splice(WorkerDay worker, int from, int to, List<PlannedVisit> replacement) {
        static Splice between(WorkerDay worker, List<PlannedVisit> now, List<PlannedVisit> next) {
            int head = 0;
            while (head < now.size() && head < next.size() && now.get(head) == next.get(head)) {
                head++;
            }
            int tail = 0;
            while (tail < now.size() - head
                    && tail < next.size() - head
                    && now.get(now.size() - 1 - tail) == next.get(next.size() - 1 - tail)) {
                tail++;
            }
            return new Splice(worker, head, now.size() - tail, List.copyOf(next.subList(head, next.size() - tail)));
        }

        boolean changes() {
            return from < to || !replacement.isEmpty();
        }
    }

    private final String kind;
    private final List<Splice> splices = new ArrayList<>(2);
    private final List<PlannedVisit> assigned;

    /**
     * @param lists the new list of each worker whose day changes (at most a few)
     * @param assigned visits unplanned until now that one of the new lists holds
     */
    RouteEdit(String kind, Map<WorkerDay, List<PlannedVisit>> lists, List<PlannedVisit> assigned) {
        this.kind = kind;
        this.assigned = List.copyOf(assigned);
        lists.forEach((w, next) -> {
            Splice s = Splice.between(w, w.visits(), next);
            if (s.changes()) {
                splices.add(s);
            }
        });
    }

    static RouteEdit of(String kind, WorkerDay w, List<PlannedVisit> next) {
        Map<WorkerDay, List<PlannedVisit>> lists = new LinkedHashMap<>();
        lists.put(w, next);
        return new RouteEdit(kind, lists, List.of());
    }

    static RouteEdit of(String kind, WorkerDay a, List<PlannedVisit> nextA, WorkerDay b, List<PlannedVisit> nextB) {
        Map<WorkerDay, List<PlannedVisit>> lists = new LinkedHashMap<>();
        lists.put(a, nextA);
        lists.put(b, nextB);
        return new RouteEdit(kind, lists, List.of());
    }

    String kind() {
        return kind;
    }

    List<Splice> splices() {
        return splices;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<DayPlan> director) {
        // nothing changes, or a started visit (the head of a list) would be touched
        return !splices.isEmpty()
                && splices.stream().allMatch(s -> s.from() >= s.worker().startedVisits());
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<DayPlan> director) {
        for (PlannedVisit v : assigned) {
            director.beforeListVariableElementAssigned(holder(v), VARIABLE, v);
        }
        for (Splice s : splices) {
            director.beforeListVariableChanged(s.worker(), VARIABLE, s.from(), s.to());
        }
        for (Splice s : splices) {
            List<PlannedVisit> list = s.worker().visits();
            list.subList(s.from(), s.to()).clear();
            list.addAll(s.from(), s.replacement());
        }
        for (Splice s : splices) {
            director.afterListVariableChanged(
                    s.worker(), VARIABLE, s.from(), s.from() + s.replacement().size());
        }
        for (PlannedVisit v : assigned) {
            director.afterListVariableElementAssigned(holder(v), VARIABLE, v);
        }
    }

    /** The worker whose new list takes the newly planned visit. */
    private WorkerDay holder(PlannedVisit v) {
        for (Splice s : splices) {
            if (s.replacement().contains(v)) {
                return s.worker();
            }
        }
        throw new IllegalStateException("a newly planned visit in no new list: " + v);
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return splices.stream().map(Splice::worker).toList();
    }

    @Override
    public Collection<?> getPlanningValues() {
        Set<PlannedVisit> values = new LinkedHashSet<>();
        splices.forEach(s -> values.addAll(s.replacement()));
        return values;
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "RouteEdit(" + kind + ")";
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(kind);
        for (Splice s : splices) {
            b.append(' ')
                    .append(s.worker())
                    .append('[')
                    .append(s.from())
                    .append(',')
                    .append(s.to())
                    .append(")=")
                    .append(s.replacement());
        }
        return b.toString();
    }
}
