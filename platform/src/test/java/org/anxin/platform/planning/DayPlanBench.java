package org.anxin.platform.planning;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.anxin.platform.dispatch.TravelMode;
import org.anxin.platform.dispatch.TravelModel;
import org.anxin.platform.order.HungarianForBench;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Greedy nearest-first, the per-window Hungarian batch and Timefold, side by side on one generated
 * city day (bench/day-plans.sh; not a test). Every plan is measured with the same {@link Route}
 * model: total travel, visits served, late ones, continuity share, time taken.
 *
 * <p>Arguments: seniors workers visits timefoldSeconds seed resultsDir [longer boxes for the target's row,
 * comma-separated seconds, may be blank] [solver random seeds for the target's row at timefoldSeconds,
 * comma-separated].
 */
public final class DayPlanBench {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 8);
    private static final double LAT = 30.2741;
    private static final double LON = 120.1551;
    private static final double RADIUS_M = 6000;
    private static final String[] SKILLS = {"CLEANING", "BATHING", "MEAL", "NURSING"};
    private static final int[] SKILL_MINUTES = {90, 60, 30, 45};
    // the dispatcher's defaults: detour 1.3, e-bike 4.2 m/s, walk 1.2, car 6.9
    private static final TravelModel TRAVEL = new TravelModel() {
        @Override
        public int etaSeconds(TravelMode mode, double meters) {
            double speed = mode == TravelMode.WALK ? 1.2 : mode == TravelMode.CAR ? 6.9 : 4.2;
            return (int) Math.ceil(meters * 1.3 / speed);
        }

        @Override
        public double reachMeters(TravelMode mode, int seconds) {
            return seconds * 4.2 / 1.3;
        }
    };

    private static final Logger log = LoggerFactory.getLogger(DayPlanBench.class);

    private DayPlanBench() {}

    record Result(
            String planner,
            long travelSeconds,
            int served,
            int visits,
            int late,
            int lateBeyondTolerance,
            int continuityKept,
            int continuityWanted,
            long millis,
            String score) {}

    public static void main(String[] args) throws Exception {
        int seniors = Integer.parseInt(args[0]);
        int workers = Integer.parseInt(args[1]);
        int visits = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        long seed = Long.parseLong(args[4]);
        Path results = Path.of(args[5]);
        List<Result> rows = new ArrayList<>();
        rows.add(measure("greedy nearest-first", seniors, workers, visits, seed, DayPlanBench::greedy));
        rows.add(measure("per-window Hungarian batch", seniors, workers, visits, seed, DayPlanBench::hungarian));
        DaySolver solver = new DaySolver(Duration.ofSeconds(seconds));
        rows.add(measure("Timefold (" + seconds + " s)", seniors, workers, visits, seed, solver::solve));
        // warm start: the batch's plan as the starting solution, which Timefold only keeps or improves
        rows.add(measure(
                "Timefold from the batch's plan (" + seconds + " s)",
                seniors,
                workers,
                visits,
                seed,
                problem -> solver.solve(hungarian(problem))));
        // the target's own terms: the visits greedy serves, and no others, planned from greedy's plan
        rows.add(measure(
                "Timefold on the visits greedy serves, from greedy's plan (" + seconds + " s)",
                seniors,
                workers,
                visits,
                seed,
                problem -> solver.solve(onlyServed(greedy(problem)))));
        // the target's row: the same, with travel and punctuality (lateness within tolerance) the only soft
        // terms, at this box and at the longer ones asked for (the curve)
        List<Integer> boxes = new ArrayList<>(List.of(seconds));
        boxes.addAll(numbers(args, 6));
        for (int box : boxes) {
            DaySolver boxed = new DaySolver(Duration.ofSeconds(box));
            rows.add(measure(
                    "the same, travel and punctuality the only soft terms (" + box + " s)",
                    seniors,
                    workers,
                    visits,
                    seed,
                    problem -> boxed.solve(onlyServed(greedy(problem)).weighing(TRAVEL_AND_PUNCTUALITY))));
        }
        // the same at the first box with other random seeds: how much of the result is the seed's luck
        for (int solverSeed : numbers(args, 7)) {
            DaySolver seeded = new DaySolver(Duration.ofSeconds(seconds), (long) solverSeed);
            rows.add(measure(
                    "the same, random seed " + solverSeed + " (" + seconds + " s)",
                    seniors,
                    workers,
                    visits,
                    seed,
                    problem -> seeded.solve(onlyServed(greedy(problem)).weighing(TRAVEL_AND_PUNCTUALITY))));
        }
        // the same with several searches side by side, each with its own seed, the best plan kept
        // (ANXIN_PLAN_SEARCHES; Timefold's default seed is 0, so "0+1" is what 2 searches run)
        for (List<Long> group : groups(args, 8)) {
            DaySolver side = new DaySolver(Duration.ofSeconds(seconds), group);
            rows.add(measure(
                    "the same, best of seeds "
                            + group.stream().map(String::valueOf).collect(Collectors.joining("+")) + " side by side ("
                            + seconds + " s)",
                    seniors,
                    workers,
                    visits,
                    seed,
                    problem -> side.solve(onlyServed(greedy(problem)).weighing(TRAVEL_AND_PUNCTUALITY))));
        }
        // how little riding any plan of greedy's visits could do: lower bounds (TravelBound)
        DayPlan served = onlyServed(greedy(city(seniors, workers, visits, seed)));
        long cheapestIn = TravelBound.cheapestIn(served);
        long assignment = TravelBound.assignment(served);
        StringBuilder md = new StringBuilder(
                "| planner | served | late (after window) | late beyond tolerance | total travel h | travel per served visit min | continuity kept | time s | score |\n"
                        + "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        StringBuilder json = new StringBuilder("[");
        for (Result r : rows) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d of %d | %d | %d | %.1f | %.1f | %d of %d (%.0f %%) | %.1f | %s |%n",
                    r.planner(),
                    r.served(),
                    r.visits(),
                    r.late(),
                    r.lateBeyondTolerance(),
                    r.travelSeconds() / 3600.0,
                    r.served() == 0 ? 0 : r.travelSeconds() / 60.0 / r.served(),
                    r.continuityKept(),
                    r.continuityWanted(),
                    100.0 * r.continuityKept() / Math.max(1, r.continuityWanted()),
                    r.millis() / 1000.0,
                    r.score()));
            json.append(json.length() > 1 ? "," : "")
                    .append(String.format(
                            Locale.ROOT,
                            "{\"planner\":\"%s\",\"travelSeconds\":%d,\"served\":%d,\"visits\":%d,\"late\":%d,"
                                    + "\"lateBeyondTolerance\":%d,\"continuityKept\":%d,\"continuityWanted\":%d,"
                                    + "\"millis\":%d,\"score\":\"%s\"}",
                            r.planner(),
                            r.travelSeconds(),
                            r.served(),
                            r.visits(),
                            r.late(),
                            r.lateBeyondTolerance(),
                            r.continuityKept(),
                            r.continuityWanted(),
                            r.millis(),
                            r.score()));
        }
        json.append(String.format(
                        Locale.ROOT,
                        ",{\"bound\":\"greedy's visits\",\"cheapestInSeconds\":%d,\"assignmentSeconds\":%d}",
                        cheapestIn,
                        assignment))
                .append("]\n");
        md.append(String.format(
                Locale.ROOT,
                "%nLower bounds on the travel of any plan serving greedy's %d visits: each visit's cheapest arc in,"
                        + " summed: %.1f h; assignment relaxation: %.1f h.%n",
                served.visits().size(),
                cheapestIn / 3600.0,
                assignment / 3600.0));
        Files.createDirectories(results);
        String stamp = Instant.now().toString().replaceAll("[-:]", "").replaceAll("\\..*", "Z");
        Files.writeString(results.resolve("day-plans-" + stamp + ".json"), json);
        Files.writeString(results.resolve("day-plans-" + stamp + ".md"), md);
        log.info("day plans, {} seniors, {} workers, {} visits, seed {}:\n{}", seniors, workers, visits, seed, md);
    }

    /** Argument {@code i}: comma-separated groups of seeds joined by "+" (e.g. 0+1,2+3), none when absent. */
    private static List<List<Long>> groups(String[] args, int i) {
        List<List<Long>> out = new ArrayList<>();
        if (args.length > i) {
            for (String group : args[i].split(",")) {
                if (!group.isBlank()) {
                    out.add(Arrays.stream(group.split("\\+"))
                            .map(n -> Long.valueOf(n.trim()))
                            .toList());
                }
            }
        }
        return out;
    }

    /** The comma-separated numbers of argument {@code i}, none when it is absent or blank. */
    private static List<Integer> numbers(String[] args, int i) {
        List<Integer> out = new ArrayList<>();
        if (args.length > i) {
            for (String n : args[i].split(",")) {
                if (!n.isBlank()) {
                    out.add(Integer.parseInt(n.trim()));
                }
            }
        }
        return out;
    }

    private static final Map<String, HardMediumSoftLongScore> TRAVEL_AND_PUNCTUALITY = Map.of(
            DayConstraints.CONTINUITY, HardMediumSoftLongScore.ZERO,
            DayConstraints.BALANCE, HardMediumSoftLongScore.ZERO,
            DayConstraints.PROVIDER, HardMediumSoftLongScore.ZERO,
            DayConstraints.STABILITY, HardMediumSoftLongScore.ZERO);

    interface Planner {
        DayPlan plan(DayPlan problem);
    }

    private static Result measure(String name, int seniors, int workers, int visits, long seed, Planner planner) {
        DayPlan problem = city(seniors, workers, visits, seed);
        long started = System.nanoTime();
        DayPlan plan = planner.plan(problem);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long travel = 0;
        int served = 0;
        int late = 0;
        int beyond = 0;
        int kept = 0;
        int wanted = 0;
        for (WorkerDay w : plan.workers()) {
            Route r = Route.of(w, w.visits());
            travel += r.travelSeconds();
            for (Route.Stop s : r.stops()) {
                served++;
                late += s.lateSeconds() > 0 ? 1 : 0;
                beyond += s.lateSeconds() > s.visit().toleranceSeconds() ? 1 : 0;
            }
        }
        for (WorkerDay w : plan.workers()) {
            for (PlannedVisit v : w.visits()) {
                if (v.lastWorkerId() != null) {
                    wanted++;
                    kept += v.lastWorkerId() == w.workerId() ? 1 : 0;
                }
            }
        }
        String score =
                new DaySolver(Duration.ofSeconds(1)).explain(plan).score().toString();
        return new Result(name, travel, served, visits, late, beyond, kept, wanted, millis, score);
    }

    /** The plan with only its served visits left in the problem: what a re-plan of the same set starts from. */
    static DayPlan onlyServed(DayPlan plan) {
        List<PlannedVisit> served =
                plan.workers().stream().flatMap(w -> w.visits().stream()).toList();
        return new DayPlan(plan.workers(), new ArrayList<>(served));
    }

    /** The generated city: seniors and worker bases spread over a 6 km disc, visits with windows and skills. */
    static DayPlan city(int seniorCount, int workerCount, int visitCount, long seed) {
        Random random = new Random(seed);
        List<Place> places = new ArrayList<>();
        List<double[]> seniors = new ArrayList<>();
        for (int i = 0; i < seniorCount; i++) {
            seniors.add(point(random));
        }
        List<double[]> bases = new ArrayList<>();
        for (int i = 0; i < workerCount; i++) {
            double[] p = point(random);
            bases.add(p);
            places.add(new Place(places.size(), p[0], p[1]));
        }
        int[] visitSenior = new int[visitCount];
        for (int i = 0; i < visitCount; i++) {
            visitSenior[i] = random.nextInt(seniorCount);
            double[] s = seniors.get(visitSenior[i]);
            places.add(new Place(places.size(), s[0], s[1]));
        }
        TravelTimes travel = new TravelTimes(places, TRAVEL);
        List<WorkerDay> workers = new ArrayList<>();
        for (int i = 0; i < workerCount; i++) {
            String a = SKILLS[random.nextInt(SKILLS.length)];
            String b = SKILLS[random.nextInt(SKILLS.length)];
            boolean halfDay = random.nextInt(5) == 0;
            workers.add(new WorkerDay(
                            i + 1,
                            "w" + (i + 1),
                            1 + i % 4,
                            new HashSet<>(List.of(a, b)),
                            TravelMode.EBIKE,
                            places.get(i),
                            epoch(halfDay ? "13:00" : "08:00"),
                            epoch(halfDay ? "18:00" : "17:00"),
                            travel)
                    .limits(10, 8 * 3600)
                    .breakBetween(epoch("11:30"), epoch("13:30"), 30 * 60));
        }
        Map<Integer, Long> lastWorkerOfSenior = new TreeMap<>();
        List<PlannedVisit> visits = new ArrayList<>();
        for (int i = 0; i < visitCount; i++) {
            int skill = random.nextInt(SKILLS.length);
            int startHalfHours = random.nextInt(15); // 08:00 .. 15:00
            int lengthHalfHours = 2 + random.nextInt(5); // 1 .. 3 h
            long from = epoch("08:00") + startHalfHours * 1800L;
            PlannedVisit v = new PlannedVisit(
                    i + 1,
                    visitSenior[i],
                    places.get(workerCount + i),
                    from,
                    from + lengthHalfHours * 1800L,
                    SKILL_MINUTES[skill] * 60,
                    15 * 60,
                    SKILLS[skill],
                    1);
            // half of the seniors were served before, by a worker with the skill
            Long last = lastWorkerOfSenior.computeIfAbsent(visitSenior[i], s -> {
                if (random.nextBoolean()) {
                    return null;
                }
                List<WorkerDay> able = workers.stream()
                        .filter(w -> w.skills().contains(SKILLS[skill]))
                        .toList();
                return able.isEmpty()
                        ? null
                        : able.get(random.nextInt(able.size())).workerId();
            });
            visits.add(v.lastWorker(last));
        }
        return new DayPlan(workers, visits);
    }

    private static double[] point(Random random) {
        double r = RADIUS_M * Math.sqrt(random.nextDouble());
        double a = 2 * Math.PI * random.nextDouble();
        return new double[] {
            LAT + r * Math.cos(a) / 111_195, LON + r * Math.sin(a) / (111_195 * Math.cos(Math.toRadians(LAT)))
        };
    }

    private static long epoch(String time) {
        return DAY.atTime(LocalTime.parse(time)).atZone(CITY).toEpochSecond();
    }

    /** Appending {@code v} keeps the worker's day within every hard rule. */
    static boolean fits(WorkerDay w, PlannedVisit v) {
        if (!w.skills().contains(v.skill()) || w.visits().size() >= w.maxVisits()) {
            return false;
        }
        List<PlannedVisit> list = new ArrayList<>(w.visits());
        list.add(v);
        Route r = Route.of(w, list);
        return r.beyondToleranceSeconds() == 0
                && r.overtimeSeconds(w) == 0
                && r.breakLateSeconds(w) == 0
                && r.workSeconds() <= w.maxWorkSeconds();
    }

    private static Place end(WorkerDay w) {
        return w.visits().isEmpty()
                ? w.base()
                : w.visits().get(w.visits().size() - 1).place();
    }

    /** Over and over: the feasible (worker, visit) pair with the shortest ride from the worker's last stop. */
    static DayPlan greedy(DayPlan problem) {
        List<PlannedVisit> left = new ArrayList<>(problem.visits());
        while (true) {
            WorkerDay bestWorker = null;
            PlannedVisit bestVisit = null;
            int best = Integer.MAX_VALUE;
            for (WorkerDay w : problem.workers()) {
                for (PlannedVisit v : left) {
                    int leg = w.travel().seconds(w.mode(), end(w), v.place());
                    if (leg < best && fits(w, v)) {
                        best = leg;
                        bestWorker = w;
                        bestVisit = v;
                    }
                }
            }
            if (bestWorker == null) {
                return problem;
            }
            bestWorker.visits().add(bestVisit);
            bestVisit.worker(bestWorker);
            left.remove(bestVisit);
        }
    }

    /**
     * Today's batch, window by window (visits grouped by the hour their window opens): one visit
     * per worker per batch, the Hungarian method over the ride from each worker's last stop, a
     * pair feasible only if the day stays within the hard rules. A visit its batch leaves is not
     * retried (the batch only takes orders whose window opens in its range).
     */
    static DayPlan hungarian(DayPlan problem) {
        Map<Long, List<PlannedVisit>> batches = new TreeMap<>();
        for (PlannedVisit v : problem.visits()) {
            batches.computeIfAbsent(v.windowFrom() / 3600, k -> new ArrayList<>())
                    .add(v);
        }
        List<WorkerDay> workers = problem.workers();
        for (List<PlannedVisit> batch : batches.values()) {
            batch.sort(Comparator.comparingLong(PlannedVisit::orderId));
            long[][] cost = new long[batch.size()][workers.size()];
            for (int i = 0; i < batch.size(); i++) {
                for (int k = 0; k < workers.size(); k++) {
                    WorkerDay w = workers.get(k);
                    PlannedVisit v = batch.get(i);
                    cost[i][k] =
                            fits(w, v) ? w.travel().seconds(w.mode(), end(w), v.place()) : HungarianForBench.INFEASIBLE;
                }
            }
            int[] chosen = HungarianForBench.assign(cost);
            Map<Integer, PlannedVisit> byWorker = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                if (chosen[i] >= 0) {
                    byWorker.put(chosen[i], batch.get(i));
                }
            }
            byWorker.forEach((k, v) -> {
                workers.get(k).visits().add(v);
                v.worker(workers.get(k));
            });
        }
        return problem;
    }
}
