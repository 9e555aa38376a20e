package org.anxin.platform.planning;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Moves between nearby visits, for Timefold's local search: pick a visit at random, then one of its
 * {@link #K} nearest other visits ({@link Neighbours}), and put the first next to the second (in
 * whichever worker's day that is), swap them, exchange the two routes' tails so that they follow
 * each other, reverse the part of a route between them, or move the first with the one or two after
 * it. Most moves ({@link #REBUILD_PERCENT} %) are bigger: strings of consecutive visits cut from up
 * to {@link #STRING_ROUTES} nearby days, each up to {@link #STRING_LENGTH} long, and put back where
 * they add least riding ({@link Rebuild}). Now and then ({@link #ANYWHERE_PERCENT} %) a visit goes
 * anywhere, so that an idle worker can be used. Shares and sizes: the best of a few runs on the
 * bench's city over several random seeds (docs/benchmarks.md, issue 17, ninth run), not a search.
 *
 * <p>Why: the community edition's own list moves pick a destination among all of a city's routes at
 * random, so almost every move tried puts a visit on a route across town; nearby selection, which
 * fixes that, is Enterprise-only. This factory is Timefold's public extension point for custom
 * moves ({@code MoveIteratorFactory}); the moves are scored, accepted and undone by Timefold.
 */
public final class NearbyMoves implements MoveIteratorFactory<DayPlan, RouteEdit> {
    static final int K = 16;
    static final int ANYWHERE_PERCENT = 5;
    static final int REBUILD_PERCENT = 80;
    static final int STRING_ROUTES = 5;
    static final int STRING_LENGTH = 6;
    private static final int TRIES = 20;

    private List<PlannedVisit> tableFor;
    private Neighbours neighbours;

    @Override
    public long getSize(ScoreDirector<DayPlan> director) {
        DayPlan plan = director.getWorkingSolution();
        return (long) plan.visits().size() * K;
    }

    @Override
    public Iterator<RouteEdit> createOriginalMoveIterator(ScoreDirector<DayPlan> director) {
        throw new UnsupportedOperationException("nearby moves are drawn at random only");
    }

    @Override
    public Iterator<RouteEdit> createRandomMoveIterator(ScoreDirector<DayPlan> director, Random random) {
        DayPlan plan = director.getWorkingSolution();
        if (plan.workers().isEmpty() || plan.visits().isEmpty()) {
            return Collections.emptyIterator();
        }
        if (tableFor != plan.visits()) {
            neighbours = new Neighbours(plan.visits(), plan.workers().get(0), K);
            tableFor = plan.visits();
        }
        Drawer drawer = new Drawer(plan, neighbours, random);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public RouteEdit next() {
                return drawer.draw();
            }
        };
    }

    /** Draws one move at a time from the plan as it stands. */
    static final class Drawer {
        private final DayPlan plan;
        private final Neighbours neighbours;
        private final Random random;
        private final Rebuild rebuild;

        Drawer(DayPlan plan, Neighbours neighbours, Random random) {
            this.plan = plan;
            this.neighbours = neighbours;
            this.random = random;
            this.rebuild = new Rebuild(neighbours, random);
        }

        RouteEdit draw() {
            for (int i = 0; i < TRIES; i++) {
                RouteEdit move = tryDraw();
                if (move != null) {
                    return move;
                }
            }
            return anywhere(plan.visits().get(random.nextInt(plan.visits().size())));
        }

        private RouteEdit tryDraw() {
            PlannedVisit v = plan.visits().get(random.nextInt(plan.visits().size()));
            if (started(v)) {
                return null;
            }
            int draw = random.nextInt(100);
            if (draw < ANYWHERE_PERCENT) {
                return anywhere(v);
            }
            if (draw < ANYWHERE_PERCENT + REBUILD_PERCENT) {
                return rebuild.strings(v, 1 + random.nextInt(STRING_ROUTES), STRING_LENGTH);
            }
            PlannedVisit[] near = neighbours.of(v);
            if (near.length == 0) {
                return null;
            }
            PlannedVisit u = near[random.nextInt(near.length)];
            if (v.worker() == null && u.worker() == null) {
                return null;
            }
            if (v.worker() == null) {
                return beside(v, u, random.nextBoolean());
            }
            if (u.worker() == null) {
                return beside(u, v, random.nextBoolean());
            }
            int kind = random.nextInt(100);
            if (kind < 40) {
                return beside(v, u, random.nextBoolean());
            }
            if (kind < 55) {
                return swap(v, u);
            }
            if (kind < 80) {
                return v.worker() == u.worker() ? reverse(v, u) : tails(v, u, random.nextBoolean());
            }
            return segmentBeside(v, 2 + random.nextInt(2), u, random.nextBoolean());
        }

        private static boolean started(PlannedVisit v) {
            WorkerDay w = v.worker();
            return w != null && w.visits().indexOf(v) < w.startedVisits();
        }

        /** {@code v} taken from where it is and put just before or after {@code u}. */
        static RouteEdit beside(PlannedVisit v, PlannedVisit u, boolean after) {
            return segmentBeside(v, 1, u, after);
        }

        /** {@code v} and the {@code length - 1} visits after it moved, in order, before or after {@code u}. */
        static RouteEdit segmentBeside(PlannedVisit v, int length, PlannedVisit u, boolean after) {
            WorkerDay from = v.worker();
            WorkerDay to = u.worker();
            if (from == null) {
                List<PlannedVisit> next = new ArrayList<>(to.visits());
                next.add(next.indexOf(u) + (after ? 1 : 0), v);
                return new RouteEdit("assign beside", Map.of(to, next), List.of(v));
            }
            int at = from.visits().indexOf(v);
            List<PlannedVisit> segment = new ArrayList<>(
                    from.visits().subList(at, Math.min(from.visits().size(), at + length)));
            if (segment.contains(u)) {
                return null;
            }
            String kind = length == 1 ? "beside" : "segment beside";
            List<PlannedVisit> rest = new ArrayList<>(from.visits());
            rest.subList(at, at + segment.size()).clear();
            if (from == to) {
                rest.addAll(rest.indexOf(u) + (after ? 1 : 0), segment);
                return RouteEdit.of(kind, from, rest);
            }
            List<PlannedVisit> next = new ArrayList<>(to.visits());
            next.addAll(next.indexOf(u) + (after ? 1 : 0), segment);
            return RouteEdit.of(kind, from, rest, to, next);
        }

        /** {@code v} and {@code u} trade places. */
        static RouteEdit swap(PlannedVisit v, PlannedVisit u) {
            WorkerDay a = v.worker();
            WorkerDay b = u.worker();
            List<PlannedVisit> nextA = new ArrayList<>(a.visits());
            if (a == b) {
                Collections.swap(nextA, nextA.indexOf(v), nextA.indexOf(u));
                return RouteEdit.of("swap", a, nextA);
            }
            List<PlannedVisit> nextB = new ArrayList<>(b.visits());
            nextA.set(nextA.indexOf(v), u);
            nextB.set(nextB.indexOf(u), v);
            return RouteEdit.of("swap", a, nextA, b, nextB);
        }

        /**
         * Two routes cut and crossed (2-opt*): {@code v}'s route keeps its head up to {@code v} and
         * continues with {@code u} (or with what follows {@code u}), {@code u}'s route continues with
         * what followed {@code v}.
         */
        static RouteEdit tails(PlannedVisit v, PlannedVisit u, boolean fromU) {
            WorkerDay a = v.worker();
            WorkerDay b = u.worker();
            int cutA = a.visits().indexOf(v) + 1;
            int cutB = b.visits().indexOf(u) + (fromU ? 0 : 1);
            List<PlannedVisit> nextA = new ArrayList<>(a.visits().subList(0, cutA));
            nextA.addAll(b.visits().subList(cutB, b.visits().size()));
            List<PlannedVisit> nextB = new ArrayList<>(b.visits().subList(0, cutB));
            nextB.addAll(a.visits().subList(cutA, a.visits().size()));
            return RouteEdit.of("tails", a, nextA, b, nextB);
        }

        /** Within one route (2-opt): the visits after the earlier of the two, up to the later, reversed. */
        static RouteEdit reverse(PlannedVisit v, PlannedVisit u) {
            WorkerDay w = v.worker();
            int i = w.visits().indexOf(v);
            int j = w.visits().indexOf(u);
            List<PlannedVisit> next = new ArrayList<>(w.visits());
            Collections.reverse(next.subList(Math.min(i, j) + 1, Math.max(i, j) + 1));
            return RouteEdit.of("reverse", w, next);
        }

        /** {@code v} to any worker's day, at any position after the started visits. */
        private RouteEdit anywhere(PlannedVisit v) {
            if (started(v)) {
                return RouteEdit.of(
                        "anywhere", plan.workers().get(0), plan.workers().get(0).visits());
            }
            WorkerDay to = plan.workers().get(random.nextInt(plan.workers().size()));
            WorkerDay from = v.worker();
            List<PlannedVisit> next = new ArrayList<>(to.visits());
            next.remove(v);
            int at = to.startedVisits() + random.nextInt(next.size() - to.startedVisits() + 1);
            next.add(at, v);
            if (from == null) {
                return new RouteEdit("assign anywhere", Map.of(to, next), List.of(v));
            }
            if (from == to) {
                return RouteEdit.of("anywhere", to, next);
            }
            List<PlannedVisit> rest = new ArrayList<>(from.visits());
            rest.remove(v);
            return RouteEdit.of("anywhere", from, rest, to, next);
        }
    }
}
