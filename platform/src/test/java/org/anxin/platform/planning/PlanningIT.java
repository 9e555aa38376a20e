package org.anxin.platform.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.anxin.platform.HttpApi;
import org.anxin.platform.OrderFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Day plans through the API on the real platform (embedded PostgreSQL and Redis, Timefold
 * solving): each test works in an area of its own, hundreds of kilometres from every other
 * test's workers, on a day of its own.
 */
class PlanningIT extends OrderFixtures {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger AREA = new AtomicInteger();

    @Autowired
    JdbcClient db;

    @Autowired
    DayPlanner planner;

    private final Map<Long, HttpApi> workers = new HashMap<>();

    /** A place of its own: 3° of latitude (330 km) from the last. */
    private static double[] area() {
        return new double[] {18 + 3 * AREA.incrementAndGet(), 100.0};
    }

    private LocalDate day() {
        return LocalDate.ofInstant(freshDay(), CITY);
    }

    private static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(CITY).toInstant();
    }

    /** An e-bike worker with the skills and the shift, on duty at the place. */
    private long worker(
            String name, long provider, List<String> skills, String from, String to, double lat, double lon) {
        String username = "plan-rsp-" + unique();
        String password = "plan-pass-" + username;
        createUser(username, password, "RESPONDER");
        long id = admin().post(
                        "/api/responders",
                        Map.of(
                                "name", name,
                                "phone", phone(name + username),
                                "providerId", provider,
                                "skills", skills,
                                "mode", "EBIKE",
                                "shiftStart", from,
                                "shiftEnd", to,
                                "capacity", 10,
                                "username", username))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        HttpApi api = as(username, password);
        api.put("/api/responder/position", Map.of("lat", lat, "lon", lon)).expect(200);
        api.put("/api/responder/status", Map.of("status", "AVAILABLE")).expect(200);
        workers.put(id, api);
        return id;
    }

    private long visit(String item, double lat, double lon, Instant from, Instant to) {
        long senior =
                senior("计划老人" + unique(), lat, lon, "+86139" + String.format(java.util.Locale.ROOT, "%08d", unique()));
        return book(admin(), senior, itemId(item), from, to);
    }

    private JsonNode plan(LocalDate day) {
        return admin().post("/api/plans?date=" + day).expect(200).json();
    }

    /** order id → responder id (null: unplanned) of the plan. */
    private static Map<Long, Long> assignment(JsonNode plan) {
        Map<Long, Long> placed = new HashMap<>();
        plan.get("routes").valueStream().forEach(r -> r.get("stops")
                .valueStream()
                .forEach(s -> placed.put(
                        s.get("orderId").asLong(), r.get("responderId").asLong())));
        plan.get("unplanned")
                .valueStream()
                .forEach(s -> placed.put(s.get("orderId").asLong(), null));
        return placed;
    }

    private static List<Long> route(JsonNode plan, long responderId) {
        List<Long> ids = new ArrayList<>();
        plan.get("routes")
                .valueStream()
                .filter(r -> r.get("responderId").asLong() == responderId)
                .forEach(r -> r.get("stops")
                        .valueStream()
                        .forEach(s -> ids.add(s.get("orderId").asLong())));
        return ids;
    }

    private static JsonNode stop(JsonNode plan, long orderId) {
        return plan.get("routes")
                .valueStream()
                .flatMap(r -> r.get("stops").valueStream())
                .filter(s -> s.get("orderId").asLong() == orderId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("order " + orderId + " on no route: " + plan));
    }

    /**
     * A cleans near home but her shift ends at 12:00; B bathes and cleans and lives 3 km north.
     * The bath can only be B's (skill); the 08:30 cleaning is A's (nearest); the 10:00–14:00
     * cleaning cannot be A's (two hours after her first ends at 10:30 is past her shift): B's,
     * straight after the bath.
     */
    @Test
    void planRespectsSkillsWindowsAndShiftsOnADayWhoseBestPlanIsKnown() {
        double[] p = area();
        LocalDate day = day();
        long provider = provider("计划中心" + unique(), List.of("助洁", "助浴"));
        long a = worker("甲" + unique(), provider, List.of("CLEANING"), "08:00", "12:00", p[0], p[1]);
        long b = worker(
                "乙" + unique(), provider, List.of("BATHING", "CLEANING"), "08:00", "18:00", north(p[0], 3000), p[1]);
        long bath = visit("助浴", north(p[0], 200), p[1], at(day, "09:00"), at(day, "10:00"));
        long early = visit("助洁", north(p[0], 300), p[1], at(day, "08:30"), at(day, "09:30"));
        long late = visit("助洁", north(p[0], 400), p[1], at(day, "10:00"), at(day, "14:00"));

        JsonNode plan = plan(day);

        assertThat(plan.get("status").asString()).isEqualTo("READY");
        assertThat(plan.get("hard").asLong()).isZero();
        assertThat(plan.get("medium").asLong()).isZero();
        assertThat(route(plan, a)).containsExactly(early);
        assertThat(route(plan, b)).containsExactly(bath, late);
        assertThat(Instant.parse(stop(plan, early).get("startAt").asString())).isEqualTo(at(day, "08:30"));
        assertThat(Instant.parse(stop(plan, bath).get("startAt").asString())).isEqualTo(at(day, "09:00"));
        // 200 m on by e-bike: 200 × 1.3 / 4.2 = 62 s after the bath's hour
        Instant lateStart = Instant.parse(stop(plan, late).get("startAt").asString());
        assertThat(lateStart).isAfterOrEqualTo(at(day, "10:00")).isBefore(at(day, "10:05"));
        assertThat(plan.get("constraints").valueStream().map(c -> c.get("name").asString()))
                .contains(DayConstraints.SKILL, DayConstraints.TRAVEL, DayConstraints.SHIFT);
        assertThat(admin().get("/api/plans?date=" + day)
                        .expect(200)
                        .json()
                        .get("revision")
                        .asInt())
                .isEqualTo(1);
        // the worker sees their own day in order
        JsonNode mine =
                workers.get(b).get("/api/plans/mine?date=" + day).expect(200).json();
        assertThat(mine.valueStream().map(s -> s.get("orderId").asLong())).containsExactly(bath, late);
    }

    @Test
    void replanAfterACancellationMovesOnlyTheAffectedVisits() {
        double[] p = area();
        LocalDate day = day();
        long provider = provider("计划中心" + unique(), List.of("助餐"));
        List<Long> team = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            team.add(worker("送餐" + unique(), provider, List.of("MEAL"), "08:00", "18:00", north(p[0], i * 2000), p[1]));
        }
        List<Long> meals = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            meals.add(visit("助餐", north(p[0], i * 700 + 100), p[1], at(day, "10:00"), at(day, "14:00")));
        }
        Map<Long, Long> before = assignment(plan(day));
        assertThat(meals).allSatisfy(m -> assertThat(before.get(m)).isIn(team));

        long cancelled = meals.get(3);
        admin().post("/api/orders/" + cancelled + "/cancel", Map.of("reason", "去女儿家"))
                .expect(200);

        // re-planned on the task executor after the cancellation commits (a solver run of up to ANXIN_PLAN_SECONDS)
        await(Duration.ofSeconds(90), () -> {
            JsonNode plan = admin().get("/api/plans?date=" + day).expect(200).json();
            return plan.get("revision").asInt() >= 2
                    && plan.get("status").asString().equals("READY");
        });
        JsonNode after = admin().get("/api/plans?date=" + day).expect(200).json();
        Map<Long, Long> now = assignment(after);
        assertThat(now).doesNotContainKey(cancelled);
        for (long m : meals) {
            if (m != cancelled) {
                assertThat(now.get(m)).as("order %d", m).isEqualTo(before.get(m));
            }
        }
        assertThat(after.get("movedVisits").asInt()).isZero();
    }

    @Test
    void aWorkerOffSickLosesTheirVisitsAndNoOtherVisitMoves() {
        double[] p = area();
        LocalDate day = day();
        long provider = provider("计划中心" + unique(), List.of("助餐"));
        List<Long> team = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            team.add(worker("送餐" + unique(), provider, List.of("MEAL"), "08:00", "18:00", north(p[0], i * 2000), p[1]));
        }
        List<Long> meals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            meals.add(visit("助餐", north(p[0], i * 800 + 100), p[1], at(day, "10:00"), at(day, "14:00")));
        }
        Map<Long, Long> before = assignment(plan(day));
        long sick =
                team.stream().filter(w -> before.containsValue(w)).findFirst().orElseThrow();

        JsonNode after = admin().post("/api/plans/absences?date=" + day, Map.of("responderId", sick))
                .expect(200)
                .json();

        Map<Long, Long> now = assignment(after);
        for (long m : meals) {
            if (before.get(m) == sick) {
                assertThat(now.get(m)).as("order %d", m).isIn(team).isNotEqualTo(sick);
            } else {
                assertThat(now.get(m)).as("order %d", m).isEqualTo(before.get(m));
            }
        }
        assertThat(route(after, sick)).isEmpty();
        assertThat(after.get("movedVisits").asInt()).isZero();
    }

    /**
     * X was given the visit by today's batch and has set off for it; Y, who lives next door, joins
     * later. Plans and re-plans keep the visit first on X's day, and the desk cannot move it.
     */
    @Test
    void visitsAlreadySetOffForNeverMove() {
        double[] p = area();
        long provider = provider("计划中心" + unique(), List.of("助洁"));
        // 08:00 of a day of its own: at the test clock's time of day, the second visit (3 h later)
        // could open after midnight, on another day than the plan's
        LocalDate day = day();
        Instant from = at(day, "08:00");
        long x = worker("出发" + unique(), provider, List.of("CLEANING"), "00:00", "23:59", north(p[0], 600), p[1]);
        long order = visit("助洁", p[0], p[1], from.plus(Duration.ofMinutes(10)), from.plus(Duration.ofHours(2)));
        assertThat(assign(from, from.plus(Duration.ofHours(1)), null)
                        .get("assigned")
                        .size())
                .isEqualTo(1);
        HttpApi xApi = workers.get(x);
        xApi.post("/api/responder/orders/" + order + "/accept").expect(200);
        xApi.post("/api/responder/orders/" + order + "/en-route").expect(200);
        long y = worker("邻居" + unique(), provider, List.of("CLEANING"), "00:00", "23:59", north(p[0], 10), p[1]);
        long other = visit("助洁", north(p[0], 50), p[1], from.plus(Duration.ofHours(3)), from.plus(Duration.ofHours(5)));

        JsonNode plan = plan(day);

        assertThat(route(plan, x).get(0)).isEqualTo(order);
        assertThat(stop(plan, order).get("started").asBoolean()).isTrue();
        assertThat(route(plan, y)).doesNotContain(order).contains(other);
        String refused = problem(
                admin().post("/api/plans/moves?date=" + day, Map.of("orderId", order, "responderId", y, "position", 0)),
                409);
        assertThat(refused).contains("set off");
        JsonNode again = plan(day);
        assertThat(route(again, x).get(0)).isEqualTo(order);
        assertThat(again.get("revision").asInt()).isEqualTo(2);
    }

    @Test
    void theDeskMovesAVisitAndThePlanIsRescoredAndKeepsIt() {
        double[] p = area();
        LocalDate day = day();
        long provider = provider("计划中心" + unique(), List.of("助餐"));
        long near = worker("近" + unique(), provider, List.of("MEAL"), "08:00", "18:00", p[0], p[1]);
        long far = worker("远" + unique(), provider, List.of("MEAL"), "08:00", "18:00", north(p[0], 5000), p[1]);
        long meal = visit("助餐", north(p[0], 100), p[1], at(day, "10:00"), at(day, "12:00"));
        JsonNode first = plan(day);
        assertThat(route(first, near)).containsExactly(meal);

        JsonNode moved = admin().post(
                        "/api/plans/moves?date=" + day, Map.of("orderId", meal, "responderId", far, "position", 0))
                .expect(200)
                .json();

        assertThat(route(moved, far)).containsExactly(meal);
        assertThat(stop(moved, meal).get("pinned").asBoolean()).isTrue();
        // the far worker rides 4.9 km each way instead of 100 m: the soft score is worse, and says so
        assertThat(moved.get("soft").asLong()).isLessThan(first.get("soft").asLong());
        assertThat(moved.get("solverMillis").asLong()).isZero();
        // a re-plan keeps the desk's pin although the near worker would travel less
        JsonNode replanned = plan(day);
        assertThat(route(replanned, far)).containsExactly(meal);
        assertThat(replanned.get("hard").asLong()).isZero();
    }

    @Test
    void twoConcurrentPlanCallsForOneDayMakeOnePlan() throws Exception {
        double[] p = area();
        LocalDate day = day();
        long provider = provider("计划中心" + unique(), List.of("助餐"));
        worker("并发" + unique(), provider, List.of("MEAL"), "08:00", "18:00", p[0], p[1]);
        for (int i = 0; i < 4; i++) {
            visit("助餐", north(p[0], 300 * i + 100), p[1], at(day, "10:00"), at(day, "14:00"));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpApi.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return admin().post("/api/plans?date=" + day);
            }));
        }
        go.countDown();
        List<HttpApi.Response> answers =
                calls.stream().map(CompletableFuture::join).toList();

        long made = answers.stream().filter(r -> r.status() == 200).count();
        assertThat(made).isPositive();
        answers.stream().filter(r -> r.status() != 200).forEach(r -> assertThat(problem(r, 409))
                .contains("being made"));
        JsonNode plan = admin().get("/api/plans?date=" + day).expect(200).json();
        // one solver run per 200, never two at once over each other: each visit is on the plan once
        assertThat(plan.get("revision").asInt()).isEqualTo((int) made);
        assertThat(db.sql("select count(*) from day_plans where plan_date = ?")
                        .param(day)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(db.sql("select count(*) from plan_stops where plan_date = ?")
                        .param(day)
                        .query(Long.class)
                        .single())
                .isEqualTo(4L);
    }

    @Test
    void aDayClaimedByAnotherNodeIsNeitherPlannedNorPlannedAgainByTheNightlyRun() {
        LocalDate day = day();
        db.sql(
                        "insert into day_plans (plan_date, status, claimed_by, claimed_at) values (?, 'SOLVING', 'node-other', ?)")
                .params(day, java.sql.Timestamp.from(Instant.now()))
                .update();

        String busy = problem(admin().post("/api/plans?date=" + day), 409);

        assertThat(busy).contains("node-other");
        assertThat(planner.planIfNew(day)).isFalse();
        LocalDate planned = day();
        assertThat(planner.planIfNew(planned)).isTrue();
        assertThat(planner.planIfNew(planned)).isFalse();
        assertThat(admin().get("/api/plans?date=" + planned)
                        .expect(200)
                        .json()
                        .get("revision")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void onlyTheDeskPlansAndBadDatesAreProblems() {
        long senior = senior("计划老人" + unique(), 30, 120, "+8613911110000");
        HttpApi family = family(senior);
        assertThat(problem(family.post("/api/plans?date=" + day()), 403)).isNotBlank();
        assertThat(problem(family.get("/api/plans?date=" + day()), 403)).isNotBlank();
        assertThat(problem(admin().post("/api/plans?date=tomorrow"), 400)).isNotBlank();
        assertThat(problem(admin().get("/api/plans?date=" + day()), 404)).contains("no plan");
        assertThat(problem(admin().post("/api/plans/moves?date=" + day(), Map.of("orderId", 1)), 400))
                .isNotBlank();
    }
}
