package org.anxin.platform.order;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.anxin.platform.dispatch.TravelMode;

/**
 * Plans who goes where for a batch of booked visits. A pair is feasible when the responder has
 * the item's skill, their provider offers the item and serves the senior's home, they have not
 * declined the order, and their ETA from where they are now is inside the service circle; each
 * responder takes at most their free slots. {@link #batch} solves the whole batch at once
 * (Hungarian method over orders × slots: as many orders as can be served, then the least total
 * ETA); {@link #greedy} takes the nearest feasible pair first, over and over, for comparison.
 */
final class BatchPlanner {

    /** An order to place: the senior's home, what it needs, and who declined it. */
    record Job(long orderId, Double lat, Double lon, String skill, long itemId, Set<Long> declinedBy) {}

    /** A responder who could go, with the orders of this batch they may still take. */
    record Worker(
            long responderId,
            String name,
            TravelMode mode,
            double lat,
            double lon,
            Set<String> skills,
            Set<Long> itemsOffered,
            int slots,
            ServesPlace area,
            boolean demoted) {
        Worker(
                long responderId,
                String name,
                TravelMode mode,
                double lat,
                double lon,
                Set<String> skills,
                Set<Long> itemsOffered,
                int slots,
                ServesPlace area) {
            this(responderId, name, mode, lat, lon, skills, itemsOffered, slots, area, false);
        }
    }

    interface ServesPlace {
        boolean serves(double lat, double lon);
    }

    record Pair(long orderId, long responderId, String responderName, int etaSeconds) {}

    record Miss(long orderId, String reason) {}

    record Plan(String strategy, List<Pair> assigned, List<Miss> unassigned) {
        long totalEtaSeconds() {
            return assigned.stream().mapToLong(Pair::etaSeconds).sum();
        }

        /** Mean ETA of the assigned orders (0 when none). */
        double meanEtaSeconds() {
            return assigned.isEmpty() ? 0 : (double) totalEtaSeconds() / assigned.size();
        }
    }

    /** ETA in seconds from the worker to the job, for a worker already known to be able. */
    interface Eta {
        int seconds(Worker worker, Job job);
    }

    private final Eta eta;
    private final int circleSeconds;

    BatchPlanner(Eta eta, int circleSeconds) {
        this.eta = eta;
        this.circleSeconds = circleSeconds;
    }

    /**
     * The ETA, or {@link Hungarian#INFEASIBLE} when the worker may not take the job; plus {@link
     * #demotionPenalty} for a worker of a provider graded D (the circle is checked on the ETA alone).
     */
    long cost(Worker w, Job j) {
        long seconds = eta(w, j);
        return seconds == Hungarian.INFEASIBLE || !w.demoted() ? seconds : seconds + demotionPenalty();
    }

    /**
     * What a pair with a D-graded provider's worker costs on top of its ETA: more than the ETAs of
     * 100,000 pairs inside the circle together, so a plan with fewer such pairs always costs less
     * than one with more (among plans serving as many orders), and only then does the ETA count.
     */
    long demotionPenalty() {
        return (circleSeconds + 1L) * 100_000L;
    }

    private long eta(Worker w, Job j) {
        if (j.lat() == null
                || j.lon() == null
                || w.slots() <= 0
                || !w.skills().contains(j.skill())
                || !w.itemsOffered().contains(j.itemId())
                || j.declinedBy().contains(w.responderId())
                || !w.area().serves(j.lat(), j.lon())) {
            return Hungarian.INFEASIBLE;
        }
        int seconds = eta.seconds(w, j);
        return seconds <= circleSeconds ? seconds : Hungarian.INFEASIBLE;
    }

    Plan batch(List<Job> jobs, List<Worker> workers) {
        List<Worker> slots = new ArrayList<>();
        for (Worker w : workers) {
            for (int s = 0; s < w.slots(); s++) {
                slots.add(w);
            }
        }
        long[][] cost = new long[jobs.size()][slots.size()];
        for (int i = 0; i < jobs.size(); i++) {
            for (int c = 0; c < slots.size(); c++) {
                cost[i][c] = cost(slots.get(c), jobs.get(i));
            }
        }
        int[] chosen = Hungarian.assign(cost);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            if (chosen[i] >= 0) {
                Worker w = slots.get(chosen[i]);
                pairs.add(new Pair(jobs.get(i).orderId(), w.responderId(), w.name(), (int) eta(w, jobs.get(i))));
            }
        }
        return plan("batch", jobs, workers, pairs);
    }

    Plan greedy(List<Job> jobs, List<Worker> workers) {
        record Option(int job, int worker, long eta) {}
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            for (int k = 0; k < workers.size(); k++) {
                long c = cost(workers.get(k), jobs.get(i));
                if (c != Hungarian.INFEASIBLE) {
                    options.add(new Option(i, k, c));
                }
            }
        }
        options.sort(Comparator.comparingLong(Option::eta)
                .thenComparingLong(o -> jobs.get(o.job()).orderId())
                .thenComparingLong(o -> workers.get(o.worker()).responderId()));
        int[] left = workers.stream().mapToInt(Worker::slots).toArray();
        boolean[] placed = new boolean[jobs.size()];
        List<Pair> pairs = new ArrayList<>();
        for (Option o : options) {
            if (!placed[o.job()] && left[o.worker()] > 0) {
                placed[o.job()] = true;
                left[o.worker()]--;
                Worker w = workers.get(o.worker());
                pairs.add(new Pair(
                        jobs.get(o.job()).orderId(), w.responderId(), w.name(), (int) eta(w, jobs.get(o.job()))));
            }
        }
        return plan("greedy", jobs, workers, pairs);
    }

    private Plan plan(String strategy, List<Job> jobs, List<Worker> workers, List<Pair> pairs) {
        Set<Long> placed = Set.copyOf(pairs.stream().map(Pair::orderId).toList());
        List<Miss> misses = new ArrayList<>();
        for (Job j : jobs) {
            if (placed.contains(j.orderId())) {
                continue;
            }
            boolean anyAble = workers.stream().anyMatch(w -> cost(w, j) != Hungarian.INFEASIBLE);
            misses.add(new Miss(
                    j.orderId(),
                    j.lat() == null
                            ? "the senior has no home position"
                            : anyAble
                                    ? "every responder able to go is taken by other orders of this batch"
                                    : "no free responder with skill " + j.skill()
                                            + " whose provider offers the item and serves the home can get there within "
                                            + circleSeconds / 60 + " min"));
        }
        pairs.sort(Comparator.comparingLong(Pair::orderId));
        return new Plan(strategy, List.copyOf(pairs), misses);
    }
}
