package org.anxin.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.anxin.platform.AssessmentFixtures;
import org.anxin.platform.DeviceStream;
import org.anxin.platform.HttpApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The city dashboard over data made through the API in two streets of a district: seniors,
 * devices, alarms answered after set times, emergency dispatches, home-service visits with
 * check-ins, a subsidy wallet, a volunteer's time-bank credit and assessments. Every figure is
 * compared with what the test counts itself from what it made (and read back through the
 * ordinary lists), for a street officer, a community officer and the district's bureau; a
 * neighbouring street's area is refused, and the CSV carries the same numbers.
 */
class DashboardIT extends AssessmentFixtures {
    private static final String FALSE_ALARM = "FALSE_ALARM";

    /** A senior the test made: where they live, and what happened to them. */
    private record Made(long id, String community, String living, double lat, double lon, String device) {}

    private final Map<Long, Long> answerSeconds = new HashMap<>();
    private final List<Long> alarms = new ArrayList<>();
    private final List<Long> arrivalSeconds = new ArrayList<>();
    private final Map<Long, Long> serviceArrivalSeconds = new HashMap<>();
    private final List<Long> orders = new ArrayList<>();
    private final Map<Long, Long> orderSenior = new HashMap<>();
    private final List<Long> volunteerAccounts = new ArrayList<>();

    private void area(String code, String name, String level, String parent) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name, "level", level));
        if (parent != null) {
            body.put("parent", parent);
        }
        admin().post("/api/areas", body).expect(201);
    }

    private HttpApi officerOf(String role, String area) {
        String username = role.toLowerCase(Locale.ROOT) + "-dash-" + unique();
        String password = "dash-pass-" + username;
        admin().post("/api/users", Map.of("username", username, "password", password, "role", role, "area", area))
                .expect(201);
        return as(username, password);
    }

    private Made senior(String community, String living, double lat, double lon) {
        int n = unique();
        long id = createSenior(Map.of(
                "name",
                community + "老人" + n,
                "phone",
                "13800000000",
                "address",
                community + n + "号",
                "lat",
                lat,
                "lon",
                lon,
                "community",
                community,
                "contacts",
                List.of(Map.of(
                        "name",
                        "女儿" + n,
                        "relation",
                        "女儿",
                        "phone",
                        "+8613911" + String.format(Locale.ROOT, "%06d", n)))));
        if (living != null) {
            admin().put("/api/seniors/" + id, Map.of("livingSituation", living)).expect(200);
        }
        String device = "dash-" + n;
        createDevice(device, id);
        return new Made(id, community, living, lat, lon, device);
    }

    /** An alarm from the senior's device, at the senior's home; its id once the desk has it. */
    private long press(Made s, String type) {
        Instant at = clock.instant();
        Map<String, String> event = DeviceStream.entry(s.device(), type, at, at);
        event.put("lat", Double.toString(s.lat()));
        event.put("lon", Double.toString(s.lon()));
        DeviceStream.xadd(redis, event);
        long id = awaitValue(() -> admin().get("/api/alarms?status=OPEN")
                        .json()
                        .valueStream()
                        .filter(a -> s.device().equals(a.get("deviceId").asString())
                                && type.equals(a.get("type").asString()))
                        .findFirst()
                        .orElse(null))
                .get("id")
                .asLong();
        alarms.add(id);
        return id;
    }

    /** The operator's first move on the alarm {@code seconds} after it came in. */
    private void answer(long alarm, long seconds, String how) {
        clock.advance(Duration.ofSeconds(seconds));
        admin().post("/api/alarms/" + alarm + "/" + how).expect(200);
        answerSeconds.put(alarm, seconds);
    }

    /** A FIRST_AID responder 300 m from the senior accepts the dispatch and arrives {@code seconds} later. */
    private void dispatched(long alarm, Made s, long seconds) {
        String name = "急救员" + unique();
        long provider = provider(name + "站", List.of());
        responder(name, provider, List.of("FIRST_AID"), 1, north(s.lat(), 300), s.lon());
        admin().post("/api/dispatch/alarms/" + alarm).expect(200);
        HttpApi rsp = responderApi(name);
        long offer = awaitValue(() -> rsp.get("/api/responder/offers")
                        .json()
                        .valueStream()
                        .findFirst()
                        .orElse(null))
                .get("offerId")
                .asLong();
        long dispatch = rsp.post("/api/responder/offers/" + offer + "/accept")
                .expect(200)
                .json()
                .get("dispatchId")
                .asLong();
        clock.advance(Duration.ofSeconds(seconds));
        rsp.post("/api/responder/jobs/" + dispatch + "/arrived", Map.of("lat", north(s.lat(), 20), "lon", s.lon()))
                .expect(200);
        rsp.post("/api/responder/jobs/" + dispatch + "/done", Map.of("outcome", "HELPED_ON_SITE"))
                .expect(200);
        arrivalSeconds.add(seconds);
    }

    /** A cleaning visit booked by the family, assigned, and served: the worker sets off, checks in after {@code travel}. */
    private long visit(Made s, Duration travel, boolean volunteer) {
        int n = unique();
        String worker = "护工" + n;
        long provider = provider(worker + "中心", List.of("助洁"));
        responder(worker, provider, List.of("CLEANING"), 1, north(s.lat(), 100), s.lon());
        Instant from = freshBatchStart();
        long order = book(
                family(s.id()),
                s.id(),
                itemId("助洁"),
                from.plus(Duration.ofMinutes(10)),
                from.plus(Duration.ofHours(2)));
        assertThat(assign(from, from.plus(Duration.ofHours(1)), null)
                        .get("assigned")
                        .size())
                .isEqualTo(1);
        HttpApi api = responderApi(worker);
        if (volunteer) {
            String username = api.get("/api/responder/me")
                    .expect(200)
                    .json()
                    .get("username")
                    .asString();
            volunteerAccounts.add(
                    admin().post("/api/timebank/accounts", Map.of("username", username, "volunteer", true))
                            .expect(201)
                            .json()
                            .get("id")
                            .asLong());
        }
        String path = "/api/responder/orders/" + order;
        api.post(path + "/accept").expect(200);
        api.post(path + "/en-route").expect(200);
        clock.advance(travel);
        api.post(path + "/arrive", Map.of("lat", north(s.lat(), 10), "lon", s.lon()))
                .expect(200);
        api.post(path + "/start").expect(200);
        clock.advance(Duration.ofMinutes(120));
        api.post(path + "/check-out", Map.of("lat", s.lat(), "lon", s.lon())).expect(200);
        orders.add(order);
        orderSenior.put(order, s.id());
        return order;
    }

    @Test
    void theCityWideBureauSetsYearlyBudgetsAndThePeriodsSpendIsSetAgainstItsMonthlyShare() {
        int n = unique();
        String district = "DB" + n;
        String street = "DBS" + n;
        area(district, "预算区" + n, "DISTRICT", null);
        area(street, "预算街道" + n, "STREET", district);
        area("DBC" + n, "预算社区" + n, "COMMUNITY", street);
        String username = "bureau-city-" + n;
        admin().post("/api/users", Map.of("username", username, "password", "dash-pass-" + username, "role", "BUREAU"))
                .expect(201);
        HttpApi city = as(username, "dash-pass-" + username);
        HttpApi districtBureau = officerOf("BUREAU", district);
        HttpApi streetOfficer = officerOf("STREET", street);
        int year = 2090 + n % 10; // a year no other test gives a budget
        String budgets = "/api/subsidy/budgets/" + year;

        // only the city-wide bureau sets budgets; bad input is a 400 that changes nothing
        assertThat(streetOfficer
                        .put(budgets, Map.of("amount", Map.of("yuan", "100")))
                        .status())
                .isEqualTo(403);
        assertThat(districtBureau
                        .put(budgets, Map.of("amount", Map.of("yuan", "100")))
                        .status())
                .isEqualTo(403);
        assertThat(city.put(budgets, Map.of("area", "NO-SUCH-" + n, "amount", Map.of("yuan", "100")))
                        .status())
                .isEqualTo(400);
        assertThat(city.put(budgets, Map.of("amount", Map.of("yuan", "-1"))).status())
                .isEqualTo(400);
        assertThat(city.put(budgets, Map.of("amount", Map.of("yuan", "1.234"))).status())
                .isEqualTo(400);
        assertThat(city.put("/api/subsidy/budgets/1999", Map.of("amount", Map.of("yuan", "100")))
                        .status())
                .isEqualTo(400);
        assertThat(city.get(budgets).expect(200).json().size()).isZero();

        city.put(budgets, Map.of("area", district, "amount", Map.of("yuan", "120000")))
                .expect(200);
        city.put(budgets, Map.of("amount", Map.of("yuan", "1200000"))).expect(200);
        // setting it again replaces it
        city.put(budgets, Map.of("area", district, "amount", Map.of("yuan", "240000.00")))
                .expect(200);
        JsonNode set = streetOfficer.get(budgets).expect(200).json();
        assertThat(set.valueStream()
                        .map(b ->
                                b.get("area").isNull() ? "city" : b.get("area").asString()))
                .containsExactly("city", district);
        assertThat(set.get(1).get("amount").get("yuan").asString()).isEqualTo("240000.00");

        // March to May: three twelfths of the year's budget
        String spring = "/api/dashboard?from=" + year + "-03-01&to=" + year + "-05-31";
        JsonNode ofDistrict =
                city.get(spring + "&area=" + district).expect(200).json().get("subsidy");
        assertThat(ofDistrict.get("budget").get("yuan").asString()).isEqualTo("60000.00");
        assertThat(ofDistrict.get("budgetSpentPercent").asDouble()).isZero();
        assertThat(ofDistrict.get("budgetNote").asString()).contains("twelfth");
        JsonNode ofCity = city.get(spring).expect(200).json().get("subsidy");
        assertThat(ofCity.get("budget").get("yuan").asString()).isEqualTo("300000.00");
        // the street has no budget of its own; its officer without a chosen node is told to choose one
        JsonNode ofStreet =
                streetOfficer.get(spring + "&area=" + street).expect(200).json().get("subsidy");
        assertThat(ofStreet.get("budget").isNull()).isTrue();
        assertThat(ofStreet.get("budgetNote").asString()).contains("no subsidy budget");
        assertThat(streetOfficer
                        .get(spring)
                        .expect(200)
                        .json()
                        .get("subsidy")
                        .get("budgetNote")
                        .asString())
                .contains("choose a node");
        // a period reaching into a year without a budget has none
        JsonNode winter = city.get("/api/dashboard?from=" + year + "-12-01&to=" + (year + 1) + "-01-31")
                .expect(200)
                .json()
                .get("subsidy");
        assertThat(winter.get("budget").isNull()).isTrue();
        String csv = city.get("/api/dashboard.csv?from=" + year + "-03-01&to=" + year + "-05-31&area=" + district)
                .expect(200)
                .body();
        assertThat(csv).contains("subsidy,budgetYuan,60000.00").contains("subsidy,budgetSpentPercent,0.0");
    }

    @Test
    void figuresEqualWhatWasMadeForEachOfficersNodeAndTheCsvCarriesTheSame() {
        int n = unique();
        String district = "DD" + n;
        String street = "DS1-" + n;
        String neighbour = "DS2-" + n;
        String east1 = "东湖一区" + n;
        String east2 = "东湖二区" + n;
        String west = "西岭" + n;
        area(district, "松北区" + n, "DISTRICT", null);
        area(street, "东湖街道" + n, "STREET", district);
        area(neighbour, "西岭街道" + n, "STREET", district);
        area("DC1-" + n, east1, "COMMUNITY", street);
        area("DC2-" + n, east2, "COMMUNITY", street);
        area("DC3-" + n, west, "COMMUNITY", neighbour);

        double lat = 45.60 + (n % 50) * 0.02; // Harbin, a place of this test's own
        double lon = 126.40;
        Instant start = clock.instant();
        Made a = senior(east1, "LIVES_ALONE", lat, lon);
        Made b = senior(east1, "EMPTY_NEST", lat, lon + 0.1);
        Made c = senior(east2, null, lat + 0.1, lon);
        Made x = senior(west, "LIVES_ALONE", lat + 0.1, lon + 0.1);
        Made y = senior(west, "WITH_FAMILY", lat + 0.2, lon);
        List<Made> everyone = List.of(a, b, c, x, y);
        // the gateway holds a session for a's and x's devices: online now
        redis.setex("anxin:session:" + a.device(), 600, "gw-test");
        redis.setex("anxin:session:" + x.device(), 600, "gw-test");

        // the visits first: they move the clock by hours, and a device heard from once (by its alarm)
        // and then silent for 30 minutes would raise an OFFLINE alarm of its own
        allowance("DI_BAO", "yuan", 100);
        holds(a.id(), east1, "DI_BAO");
        visit(a, Duration.ofMinutes(8), true);
        visit(c, Duration.ofMinutes(20), false);
        visit(x, Duration.ofMinutes(5), false);
        for (long order : orders) {
            serviceArrivalSeconds.put(order, travelSeconds(order));
        }

        long aSos = press(a, "SOS");
        answer(aSos, 30, "acknowledge");
        dispatched(aSos, a, 240);
        long bFall = press(b, "FALL");
        answer(bFall, 90, "false-alarm");
        long cSos = press(c, "SOS");
        answer(cSos, 200, "acknowledge");
        dispatched(cSos, c, 660);
        press(b, "SOS"); // never answered
        long xSos = press(x, "SOS");
        answer(xSos, 10, "acknowledge");

        HttpApi assessor = assessor("松北评估中心" + n);
        LocalDate today = today();
        assessor.post(
                        "/api/seniors/" + a.id() + "/assessments",
                        assessment(scoresTotalling(70), today.minusMonths(6).plusDays(10)))
                .expect(201);
        assessor.post("/api/seniors/" + b.id() + "/assessments", assessment(scoresTotalling(50), today.minusMonths(7)))
                .expect(201);
        assessor.post("/api/seniors/" + x.id() + "/assessments", assessment(scoresTotalling(50), today.minusMonths(7)))
                .expect(201);

        Instant from = start.minusSeconds(1);
        Instant to = start.plus(Duration.ofDays(30));
        String period = "from=" + from + "&to=" + to;

        // nothing else raised an alarm for these seniors: the desk's list holds exactly the test's
        assertThat(alarmsOf(everyone)).containsExactlyInAnyOrderElementsOf(alarms);

        HttpApi streetOfficer = officerOf("STREET", street);
        JsonNode mine =
                streetOfficer.get("/api/dashboard?" + period).expect(200).json();
        assertFigures(mine, List.of(a, b, c), from, to, today);
        assertThat(mine.get("communities").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(east1, east2);

        // a community below the street: its seniors only; the neighbouring street: 403, nothing shown
        assertFigures(
                streetOfficer
                        .get("/api/dashboard?" + period + "&area=DC1-" + n)
                        .expect(200)
                        .json(),
                List.of(a, b),
                from,
                to,
                today);
        assertThat(problem(streetOfficer.get("/api/dashboard?" + period + "&area=" + neighbour), 403))
                .contains("not at or below");
        assertThat(problem(streetOfficer.get("/api/dashboard.csv?" + period + "&area=DC3-" + n), 403))
                .contains("not at or below");
        assertThat(problem(streetOfficer.get("/api/dashboard?" + period + "&area=NOPE-" + n), 404))
                .contains("no area");
        assertThat(problem(streetOfficer.get("/api/dashboard?from=last-week"), 400))
                .contains("from and to");

        assertFigures(officer(west).get("/api/dashboard?" + period).expect(200).json(), List.of(x, y), from, to, today);
        assertThat(officer(west)
                        .get("/api/dashboard?" + period + "&area=" + street)
                        .status())
                .isEqualTo(403);
        JsonNode districtWide = officerOf("BUREAU", district)
                .get("/api/dashboard?" + period)
                .expect(200)
                .json();
        assertFigures(districtWide, everyone, from, to, today);

        // the CSV: the same numbers, line by line
        HttpApi.Response csv = streetOfficer.get("/api/dashboard.csv?" + period);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csvFigures(csv.body())).containsAllEntriesOf(flatten(mine));

        // the desk and the others are not officers of the hierarchy
        assertThat(admin().get("/api/dashboard").status()).isEqualTo(403);
        assertThat(admin().get("/api/dashboard.csv").status()).isEqualTo(403);
        assertThat(family(a.id()).get("/api/dashboard").status()).isEqualTo(403);
        assertThat(anonymous().get("/api/dashboard").status()).isEqualTo(401);
    }

    /** Every figure of the dashboard against the test's own count over the seniors. */
    private void assertFigures(JsonNode d, List<Made> seniors, Instant from, Instant to, LocalDate today) {
        List<Long> ids = seniors.stream().map(Made::id).toList();
        JsonNode s = d.get("seniors");
        assertThat(s.get("total").asLong()).isEqualTo(seniors.size());
        assertThat(counts(s.get("byCommunity"))).isEqualTo(tally(seniors, Made::community));
        assertThat(counts(s.get("byLivingSituation")))
                .isEqualTo(tally(seniors, m -> m.living() == null ? "NONE" : m.living()));

        assertThat(d.get("devices").get("registered").asLong()).isEqualTo(seniors.size());
        assertThat(d.get("devices").get("online").asLong())
                .isEqualTo(seniors.stream()
                        .filter(m -> redis.exists("anxin:session:" + m.device()))
                        .count());

        // alarms of these seniors, as the desk's detail shows each
        List<JsonNode> theirs = alarms.stream()
                .map(id -> admin().get("/api/alarms/" + id).expect(200).json())
                .map(detail -> detail.has("alarm") ? detail.get("alarm") : detail)
                .filter(alarm -> ids.contains(alarm.get("seniorId").asLong()))
                .toList();
        JsonNode al = d.get("alarms");
        assertThat(al.get("total").asLong()).isEqualTo(theirs.size());
        assertThat(counts(al.get("byKind")))
                .isEqualTo(tallyJson(theirs, j -> j.get("type").asString()));
        assertThat(counts(al.get("byOutcome"))).isEqualTo(tallyJson(theirs, DashboardIT::outcome));

        List<Long> answered = theirs.stream()
                .map(j -> answerSeconds.get(j.get("id").asLong()))
                .filter(Objects::nonNull)
                .sorted()
                .toList();
        JsonNode an = d.get("answering");
        assertThat(an.get("alarms").asLong()).isEqualTo(theirs.size());
        assertThat(an.get("answered").asLong()).isEqualTo(answered.size());
        long within60 = answered.stream().filter(t -> t <= 60).count();
        assertThat(an.get("withinTarget").asLong())
                .as(
                        "%s from %s",
                        an,
                        theirs.stream()
                                .map(j -> j.get("id") + " " + j.get("createdAt") + " " + j.get("answeredAt"))
                                .toList())
                .isEqualTo(within60);
        assertThat(an.get("targetSeconds").asInt()).isEqualTo(60);
        assertPercent(an.get("withinTargetPercent"), within60, theirs.size());
        assertSeconds(an.get("medianSeconds"), nearestRank(answered, 50));
        assertSeconds(an.get("p90Seconds"), nearestRank(answered, 90));

        List<Long> arrivals = new ArrayList<>();
        for (int i = 0; i < arrivalSeconds.size(); i++) {
            long alarm = i == 0 ? alarms.get(0) : alarms.get(2); // a's SOS, then c's
            if (theirs.stream().anyMatch(j -> j.get("id").asLong() == alarm)) {
                arrivals.add(arrivalSeconds.get(i));
            }
        }
        assertArrivals(d.get("emergencyArrivals"), arrivals.stream().sorted().toList(), 10);
        assertArrivals(
                d.get("serviceArrivals"),
                orders.stream()
                        .filter(o -> ids.contains(orderSenior.get(o)))
                        .map(serviceArrivalSeconds::get)
                        .sorted()
                        .toList(),
                15);

        // coverage of the emergency circle now, as the desk's coverage map shows these seniors
        List<JsonNode> spots = admin().get("/api/coverage?kind=emergency")
                .expect(200)
                .json()
                .get("perSenior")
                .valueStream()
                .filter(spot -> ids.contains(spot.get("seniorId").asLong()))
                .toList();
        long covered =
                spots.stream().filter(spot -> spot.get("covered").asBoolean()).count();
        JsonNode cv = d.get("coverage");
        assertThat(cv.get("circleMinutes").asInt()).isEqualTo(10);
        assertThat(cv.get("seniors").asLong()).isEqualTo(spots.size()).isEqualTo(seniors.size());
        assertThat(cv.get("covered").asLong()).isEqualTo(covered);
        assertPercent(cv.get("coveredPercent"), covered, spots.size());

        List<JsonNode> theirOrders = orders.stream()
                .filter(o -> ids.contains(orderSenior.get(o)))
                .map(this::order)
                .toList();
        JsonNode sv = d.get("services");
        assertThat(sv.get("booked").asLong()).isEqualTo(theirOrders.size());
        assertThat(sv.get("served").asLong())
                .isEqualTo(theirOrders.stream()
                        .filter(o -> List.of("COMPLETED", "RATED")
                                .contains(o.get("status").asString()))
                        .count());
        Map<String, Long> byCategory = new TreeMap<>();
        sv.get("byCategory")
                .forEach(c -> byCategory.put(
                        c.get("category").asString(), c.get("booked").asLong()));
        assertThat(byCategory)
                .isEqualTo(theirOrders.isEmpty() ? Map.of() : Map.of(categoryOf("助洁"), (long) theirOrders.size()));

        long allowance = 0;
        long spent = 0;
        long wallets = 0;
        for (YearMonth m = YearMonth.from(from.atZone(CITY));
                !m.isAfter(YearMonth.from(to.atZone(CITY)));
                m = m.plusMonths(1)) {
            for (long id : ids) {
                JsonNode w = admin().get("/api/seniors/" + id + "/wallet?month=" + m)
                        .expect(200)
                        .json();
                if (w.get("opened").asBoolean()) {
                    wallets++;
                    allowance += w.get("allowance").get("fen").asLong();
                    spent += w.get("spent").get("fen").asLong();
                }
            }
        }
        JsonNode sub = d.get("subsidy");
        assertThat(sub.get("wallets").asLong()).isEqualTo(wallets);
        assertThat(sub.get("allowance").get("fen").asLong()).isEqualTo(allowance);
        assertThat(sub.get("spent").get("fen").asLong()).isEqualTo(spent);
        assertThat(sub.get("budget").isNull()).isTrue();
        // no budget is set for this year in this test; a street officer's own node is not named
        assertThat(sub.get("budgetNote").asString()).containsAnyOf("no subsidy budget", "choose a node");
        assertThat(sub.get("budgetSpentPercent").isNull()).isTrue();

        long earned = volunteerAccounts.stream()
                .flatMap(acc -> admin().get("/api/timebank/accounts/" + acc + "/ledger")
                        .expect(200)
                        .json()
                        .get("entries")
                        .valueStream())
                .filter(e -> e.get("kind").asString().equals("EARN"))
                .filter(e -> ids.contains(orderSenior.get(e.get("orderId").asLong())))
                .mapToLong(e -> e.get("minutes").asLong())
                .sum();
        assertThat(d.get("timeBank").get("earnedHours").asDouble()).isEqualTo(Math.round(earned * 100.0 / 60) / 100.0);

        long assessed = 0;
        long due = 0;
        long overdue = 0;
        LocalDate first = from.atZone(CITY).toLocalDate();
        LocalDate last = to.minusNanos(1).atZone(CITY).toLocalDate();
        for (long id : ids) {
            JsonNode history = admin().get("/api/seniors/" + id + "/assessments")
                    .expect(200)
                    .json();
            JsonNode list = history.has("assessments") ? history.get("assessments") : history;
            if (list.isEmpty()) {
                continue;
            }
            assessed++;
            LocalDate dueOn = LocalDate.parse(list.get(0).get("dueOn").asString());
            if (!dueOn.isBefore(first) && !dueOn.isAfter(last)) {
                due++;
            }
            if (!dueOn.isAfter(today)) {
                overdue++;
            }
        }
        JsonNode as = d.get("assessments");
        assertThat(as.get("assessed").asLong()).isEqualTo(assessed);
        assertThat(as.get("dueInPeriod").asLong()).isEqualTo(due);
        assertThat(as.get("overdue").asLong()).isEqualTo(overdue);
    }

    private void assertArrivals(JsonNode f, List<Long> sorted, int circleMinutes) {
        assertThat(f.get("circleMinutes").asInt()).isEqualTo(circleMinutes);
        assertThat(f.get("arrived").asLong()).isEqualTo(sorted.size());
        long within = sorted.stream().filter(t -> t <= circleMinutes * 60L).count();
        assertThat(f.get("withinCircle").asLong()).isEqualTo(within);
        assertPercent(f.get("withinCirclePercent"), within, sorted.size());
        assertSeconds(f.get("medianSeconds"), nearestRank(sorted, 50));
        assertSeconds(f.get("p90Seconds"), nearestRank(sorted, 90));
    }

    private static void assertPercent(JsonNode value, long part, long whole) {
        if (whole == 0) {
            assertThat(value.isNull()).isTrue();
        } else {
            assertThat(value.asDouble()).isEqualTo(Math.round(part * 1000.0 / whole) / 10.0);
        }
    }

    private static void assertSeconds(JsonNode value, Long expected) {
        if (expected == null) {
            assertThat(value.isNull()).isTrue();
        } else {
            assertThat(value.asDouble()).isEqualTo(expected.doubleValue());
        }
    }

    /** Nearest-rank percentile of sorted values; null for none. */
    private static Long nearestRank(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** The worker's travel: check-in minus the EN_ROUTE step, as the order's timeline shows them. */
    private long travelSeconds(long order) {
        JsonNode o = order(order);
        Instant setOff = o.get("timeline")
                .valueStream()
                .filter(step -> "EN_ROUTE".equals(step.get("action").asString()))
                .map(step -> Instant.parse(step.get("at").asString()))
                .max(Instant::compareTo)
                .orElseThrow();
        Instant arrived = o.get("timeline")
                .valueStream()
                .filter(step -> "ARRIVED".equals(step.get("status").asString()))
                .map(step -> Instant.parse(step.get("at").asString()))
                .findFirst()
                .orElseThrow();
        return Duration.between(setOff, arrived).toSeconds();
    }

    /** Every alarm of the seniors in any status, as their family's list shows them. */
    private List<Long> alarmsOf(List<Made> seniors) {
        return family(seniors.stream().mapToLong(Made::id).toArray())
                .get("/api/alarms")
                .expect(200)
                .json()
                .valueStream()
                .map(alarm -> alarm.get("id").asLong())
                .toList();
    }

    private static String outcome(JsonNode alarm) {
        String status = alarm.get("status").asString();
        if (status.equals("RESOLVED")) {
            JsonNode outcome = alarm.get("outcome");
            return outcome == null || outcome.isNull() ? "RESOLVED" : outcome.asString();
        }
        return status.equals(FALSE_ALARM) || status.equals("CANCELLED") ? status : "OPEN";
    }

    private String categoryOf(String itemName) {
        return admin().get("/api/catalog")
                .expect(200)
                .json()
                .valueStream()
                .filter(c -> c.get("items")
                        .valueStream()
                        .anyMatch(i -> i.get("name").asString().equals(itemName)))
                .findFirst()
                .orElseThrow()
                .get("code")
                .asString();
    }

    private static Map<String, Long> counts(JsonNode list) {
        Map<String, Long> counts = new TreeMap<>();
        list.forEach(c -> counts.put(c.get("key").asString(), c.get("count").asLong()));
        return counts;
    }

    private static Map<String, Long> tally(List<Made> seniors, java.util.function.Function<Made, String> key) {
        return seniors.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static Map<String, Long> tallyJson(List<JsonNode> rows, java.util.function.Function<JsonNode, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    /** The CSV's lines as "figure key" → value. */
    private static Map<String, String> csvFigures(String csv) {
        Map<String, String> figures = new LinkedHashMap<>();
        String[] lines = csv.replace("\uFEFF", "").split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", 3);
            figures.put(cells[0] + " " + cells[1], cells.length > 2 ? cells[2] : "");
        }
        return figures;
    }

    /** The JSON's numbers named as the CSV names them. */
    private static Map<String, String> flatten(JsonNode d) {
        Map<String, String> out = new LinkedHashMap<>();
        Predicate<JsonNode> number = JsonNode::isNumber;
        out.put("seniors total", d.get("seniors").get("total").asString());
        d.get("seniors")
                .get("byCommunity")
                .forEach(c -> out.put(
                        "seniors.byCommunity " + c.get("key").asString(),
                        c.get("count").asString()));
        d.get("seniors")
                .get("byLivingSituation")
                .forEach(c -> out.put(
                        "seniors.byLivingSituation " + c.get("key").asString(),
                        c.get("count").asString()));
        d.get("alarms")
                .get("byKind")
                .forEach(c -> out.put(
                        "alarms.byKind " + c.get("key").asString(),
                        c.get("count").asString()));
        d.get("alarms")
                .get("byOutcome")
                .forEach(c -> out.put(
                        "alarms.byOutcome " + c.get("key").asString(),
                        c.get("count").asString()));
        for (String figure : List.of(
                "devices",
                "alarms",
                "answering",
                "emergencyArrivals",
                "serviceArrivals",
                "services",
                "timeBank",
                "assessments")) {
            d.get(figure).properties().forEach(e -> {
                if (number.test(e.getValue())) {
                    out.put(figure + " " + e.getKey(), e.getValue().asString());
                }
            });
        }
        out.put("subsidy wallets", d.get("subsidy").get("wallets").asString());
        out.put(
                "subsidy allowanceYuan",
                d.get("subsidy").get("allowance").get("yuan").asString());
        out.put("subsidy spentYuan", d.get("subsidy").get("spent").get("yuan").asString());
        return out;
    }
}
