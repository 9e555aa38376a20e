package org.anxin.platform.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.anxin.platform.AssessmentFixtures;
import org.anxin.platform.HttpApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Subsidies on the embedded stack over real HTTP: allowances and eligibility through the
 * community-then-bureau approval, the wallet paying a booking first and taking it back on
 * cancel, concurrent bookings against one wallet, and who may see and apply for what. Allowances
 * are city-wide, so each test uses categories of its own.
 */
class SubsidyIT extends AssessmentFixtures {
    private static final String CUIYUAN = "翠苑社区";
    private static final String WENXIN = "文新社区";

    private long seniorIn(String community) {
        String name = community + "老人" + unique();
        return createSenior(
                Map.of("name", name, "address", name + "家", "lat", 30.28, "lon", 120.12, "community", community));
    }

    private JsonNode wallet(HttpApi who, long senior, Instant in) {
        return who.get("/api/seniors/" + senior + "/wallet?month=" + YearMonth.from(in.atZone(CITY)))
                .expect(200)
                .json();
    }

    @Test
    void theWalletPaysFirstInQuoteAndBookingAndTakesItBackOnCancel() {
        allowance("DI_BAO", "yuan", 100);
        long senior = seniorIn(CUIYUAN);
        long bathing = itemId("助浴"); // 80.00 yuan, 60 min
        Instant from = clock.instant().plus(Duration.ofDays(1));
        Instant to = from.plus(Duration.ofHours(2));

        JsonNode before = admin().post("/api/orders/quote", booking(senior, bathing, from, to))
                .expect(200)
                .json();
        assertThat(before.get("subsidyCents").asInt()).isZero();
        assertThat(before.get("seniorPaysCents").asInt()).isEqualTo(8000);
        assertThat(before.get("subsidy").asString()).isEqualTo("no subsidy: senior holds no approved category");

        holds(senior, CUIYUAN, "DI_BAO");
        JsonNode quote = admin().post("/api/orders/quote", booking(senior, bathing, from, to))
                .expect(200)
                .json();
        assertThat(quote.get("priceCents").asInt()).isEqualTo(8000);
        assertThat(quote.get("subsidyCents").asInt()).isEqualTo(8000);
        assertThat(quote.get("seniorPaysCents").asInt()).isZero();
        assertThat(quote.get("subsidyYuan").decimalValue()).isEqualByComparingTo("80");
        assertThat(quote.get("subsidy").asString())
                .contains("80.00 yuan of the 低保 allowance")
                .contains("left in it 20.00 yuan");
        assertThat(wallet(admin(), senior, from).get("opened").asBoolean()).isFalse();

        JsonNode first = admin().post("/api/orders", booking(senior, bathing, from, to))
                .expect(201)
                .json();
        assertThat(first.get("subsidyCents").asInt()).isEqualTo(8000);
        assertThat(first.get("seniorPaysCents").asInt()).isZero();
        assertThat(first.get("subsidy").asString()).contains("低保");
        JsonNode second = admin().post("/api/orders", booking(senior, bathing, from, to))
                .expect(201)
                .json();
        assertThat(second.get("subsidyCents").asInt()).isEqualTo(2000);
        assertThat(second.get("seniorPaysCents").asInt()).isEqualTo(6000);
        assertThat(second.get("subsidy").asString())
                .contains("20.00 yuan of the 低保 allowance")
                .contains("left in it 0.00 yuan");
        assertThat(order(second.get("id").asLong())
                        .get("timeline")
                        .get(0)
                        .get("note")
                        .asString())
                .isEqualTo("助浴, 80.00 yuan: subsidy 20.00 yuan, senior pays 60.00 yuan; "
                        + second.get("subsidy").asString());
        JsonNode third = admin().post("/api/orders/quote", booking(senior, bathing, from, to))
                .expect(200)
                .json();
        assertThat(third.get("subsidyCents").asInt()).isZero();
        assertThat(third.get("subsidy").asString()).contains("is used up");

        JsonNode full = wallet(admin(), senior, from);
        assertThat(full.get("opened").asBoolean()).isTrue();
        assertThat(full.get("allowanceCents").asInt()).isEqualTo(10000);
        assertThat(full.get("centsCategory").asString()).isEqualTo("DI_BAO");
        assertThat(full.get("amountCategory").asString()).isEqualTo("DI_BAO");
        assertThat(full.get("remainingCents").asInt()).isZero();
        assertThat(full.get("allowance").get("yuan").asString()).isEqualTo("100.00");
        assertThat(full.get("spent").get("fen").asLong()).isEqualTo(10000);
        assertThat(full.get("remaining").get("fen").asLong()).isZero();
        assertThat(full.get("ledger").size()).isEqualTo(2);

        long firstId = first.get("id").asLong();
        JsonNode cancelled = admin().post("/api/orders/" + firstId + "/cancel", Map.of("note", "家属改约"))
                .expect(200)
                .json();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        JsonNode afterCancel = wallet(admin(), senior, from);
        assertThat(afterCancel.get("spentCents").asInt()).isEqualTo(2000);
        assertThat(afterCancel.get("remainingCents").asInt()).isEqualTo(8000);
        JsonNode refund = afterCancel.get("ledger").get(2);
        assertThat(refund.get("kind").asString()).isEqualTo("REFUND");
        assertThat(refund.get("orderId").asLong()).isEqualTo(firstId);
        assertThat(refund.get("subsidyCents").asInt()).isEqualTo(-8000);
        assertThat(refund.get("subsidy").get("yuan").asString()).isEqualTo("-80.00");
        assertThat(refund.get("allowanceShare").get("fen").asLong()).isEqualTo(-8000);
        assertThat(refund.get("actor").asString()).isEqualTo("admin");
        List<JsonNode> timeline = order(firstId).get("timeline").valueStream().toList();
        assertThat(timeline.get(timeline.size() - 1).get("note").asString())
                .startsWith("家属改约; subsidy refunded (order cancelled): 80.00 yuan");
        // a second cancel gives nothing back twice
        assertThat(admin().post("/api/orders/" + firstId + "/cancel").status()).isEqualTo(409);
        assertThat(wallet(admin(), senior, from).get("spentCents").asInt()).isEqualTo(2000);

        // the money is back for the next booking
        assertThat(admin().post("/api/orders/quote", booking(senior, bathing, from, to))
                        .json()
                        .get("subsidyCents")
                        .asInt())
                .isEqualTo(8000);
    }

    @Test
    void hoursPayTheirShareOfTheDurationFirstAndTheHighestYuanAllowanceTheRest() {
        allowance("DISABLED", "hours", 1);
        allowance("DI_BAO_EDGE", "yuan", 60);
        allowance("TE_KUN", "yuan", 100);
        long senior = seniorIn(WENXIN);
        assessed(assessor("拱墅区评估站"), senior, 50); // 中度失能: the evidence 失能/半失能 needs
        holds(senior, WENXIN, "DISABLED");
        holds(senior, WENXIN, "DI_BAO_EDGE");
        holds(senior, WENXIN, "TE_KUN");
        long cleaning = itemId("助洁"); // 50.00 yuan, 120 min
        Instant from = clock.instant().plus(Duration.ofDays(1));
        Instant to = from.plus(Duration.ofHours(2));

        // 1 h of 2 h is worth 25.00 yuan; the other 25.00 come from the best yuan allowance (特困 100, not 低保边缘 60)
        JsonNode first = admin().post("/api/orders", booking(senior, cleaning, from, to))
                .expect(201)
                .json();
        assertThat(first.get("subsidyCents").asInt()).isEqualTo(5000);
        assertThat(first.get("seniorPaysCents").asInt()).isZero();
        assertThat(first.get("subsidy").asString())
                .contains("1 h of 失能/半失能 service hours (worth 25.00 yuan)")
                .contains("25.00 yuan of the 五保/特困供养 allowance")
                .contains("left in it 75.00 yuan and 0 h");
        JsonNode second = admin().post("/api/orders", booking(senior, cleaning, from, to))
                .expect(201)
                .json();
        assertThat(second.get("subsidyCents").asInt()).isEqualTo(5000);
        JsonNode third = admin().post("/api/orders", booking(senior, cleaning, from, to))
                .expect(201)
                .json();
        assertThat(third.get("subsidyCents").asInt()).isEqualTo(2500);
        assertThat(third.get("seniorPaysCents").asInt()).isEqualTo(2500);

        JsonNode wallet = wallet(admin(), senior, from);
        assertThat(wallet.get("allowanceMinutes").asInt()).isEqualTo(60);
        assertThat(wallet.get("minutesCategory").asString()).isEqualTo("DISABLED");
        assertThat(wallet.get("allowanceCents").asInt()).isEqualTo(10000);
        assertThat(wallet.get("centsCategory").asString()).isEqualTo("TE_KUN");
        assertThat(wallet.get("amountCategory").asString()).isEqualTo("TE_KUN");
        assertThat(wallet.get("spentMinutes").asInt()).isEqualTo(60);
        assertThat(wallet.get("remainingCents").asInt()).isZero();
        assertThat(wallet.get("categories").valueStream().map(c -> c.get("code").asString()))
                .containsExactly("TE_KUN", "DI_BAO_EDGE", "DISABLED");

        // the hours come back on cancel too
        admin().post("/api/orders/" + first.get("id").asLong() + "/cancel").expect(200);
        JsonNode back = wallet(admin(), senior, from);
        assertThat(back.get("spentMinutes").asInt()).isZero();
        assertThat(back.get("spentCents").asInt()).isEqualTo(7500);
    }

    @Test
    void aRescheduledOrderIsPaidByTheWalletOfItsNewMonth() {
        allowance("DI_BAO", "yuan", 100);
        long senior = seniorIn(WENXIN);
        holds(senior, WENXIN, "DI_BAO");
        long meal = itemId("助餐"); // 15.00 yuan
        Instant from = clock.instant().plus(Duration.ofHours(3));
        // the next month's first morning when it is inside the booking horizon, else a later day of this month
        Instant nextMonth = YearMonth.from(from.atZone(CITY))
                .plusMonths(1)
                .atDay(1)
                .atTime(9, 0)
                .atZone(CITY)
                .toInstant();
        Instant moved = nextMonth.isBefore(clock.instant().plus(Duration.ofDays(29)))
                ? nextMonth
                : from.plus(Duration.ofDays(1));
        long id = book(admin(), senior, meal, from, from.plus(Duration.ofHours(1)));

        JsonNode order = admin().put(
                        "/api/orders/" + id + "/window",
                        Map.of(
                                "from",
                                moved.toString(),
                                "to",
                                moved.plus(Duration.ofHours(1)).toString()))
                .expect(200)
                .json();
        assertThat(order.get("subsidyCents").asInt()).isEqualTo(1500);
        boolean sameMonth = YearMonth.from(from.atZone(CITY)).equals(YearMonth.from(moved.atZone(CITY)));
        assertThat(wallet(admin(), senior, from).get("spentCents").asInt()).isEqualTo(sameMonth ? 1500 : 0);
        assertThat(wallet(admin(), senior, moved).get("spentCents").asInt()).isEqualTo(1500);
        assertThat(wallet(admin(), senior, from).get("ledger").valueStream().map(e -> e.get("kind")
                        .asString()))
                .startsWith("CHARGE", "REFUND");
        List<JsonNode> timeline = order(id).get("timeline").valueStream().toList();
        assertThat(timeline.get(timeline.size() - 1).get("note").asString())
                .contains("subsidy 15.00 yuan, senior pays 0.00 yuan")
                .contains("wallet");
    }

    @Test
    void concurrentBookingsNeverOverspendTheWallet() throws Exception {
        allowance("SAN_WU", "yuan", 100);
        long senior = seniorIn(CUIYUAN);
        holds(senior, CUIYUAN, "SAN_WU");
        HttpApi family = family(senior);
        long escort = itemId("助行"); // 30.00 yuan
        Instant from = clock.instant().plus(Duration.ofDays(2));
        Instant to = from.plus(Duration.ofHours(1));

        int bookings = 8;
        ExecutorService pool = Executors.newFixedThreadPool(bookings);
        List<Future<JsonNode>> results = new ArrayList<>();
        try {
            List<Callable<JsonNode>> tasks = new ArrayList<>();
            for (int i = 0; i < bookings; i++) {
                HttpApi who = i % 2 == 0 ? family : admin();
                tasks.add(() -> who.post("/api/orders", booking(senior, escort, from, to))
                        .expect(201)
                        .json());
            }
            results.addAll(pool.invokeAll(tasks));
        } finally {
            pool.shutdown();
        }
        int subsidy = 0;
        int paid = 0;
        List<Integer> shares = new ArrayList<>();
        for (Future<JsonNode> result : results) {
            JsonNode order = result.get();
            subsidy += order.get("subsidyCents").asInt();
            paid += order.get("seniorPaysCents").asInt();
            shares.add(order.get("subsidyCents").asInt());
        }
        assertThat(subsidy).isEqualTo(10000);
        assertThat(subsidy + paid).isEqualTo(bookings * 3000);
        assertThat(shares).containsOnly(3000, 1000, 0);
        assertThat(shares.stream().filter(s -> s == 3000)).hasSize(3);
        assertThat(shares.stream().filter(s -> s == 1000)).hasSize(1);

        JsonNode wallet = wallet(admin(), senior, from);
        assertThat(wallet.get("spentCents").asInt()).isEqualTo(10000);
        assertThat(wallet.get("remainingCents").asInt()).isZero();
        assertThat(wallet.get("ledger")
                        .valueStream()
                        .mapToInt(e -> e.get("subsidyCents").asInt())
                        .sum())
                .isEqualTo(10000);
    }

    @Test
    void allowanceChangesTakeEffectOnlyAfterTheCommunityAndThenTheBureauApprove() {
        HttpApi community = officer(CUIYUAN);
        HttpApi bureau = bureau();
        JsonNode proposed = admin().post(
                        "/api/subsidy/allowance-proposals",
                        Map.of("category", "AGED_80", "amount", Map.of("fen", 5000), "note", "高龄补贴"))
                .expect(201)
                .json();
        long id = proposed.get("id").asLong();
        assertThat(proposed.get("status").asString()).isEqualTo("PENDING_COMMUNITY");
        assertThat(proposed.get("proposedBy").asString()).isEqualTo("admin");
        assertThat(proposed.get("allowance").get("amount").get("yuan").asString())
                .isEqualTo("50.00");
        Object inForce = category("AGED_80").get("allowance").toString();

        assertThat(problem(
                        admin().post("/api/subsidy/allowance-proposals", Map.of("category", "AGED_80", "yuan", 60)),
                        409))
                .contains("already has an open proposal");
        assertThat(problem(bureau.post("/api/subsidy/allowance-proposals/" + id + "/approve"), 409))
                .contains("awaits the community");
        assertThat(admin().post("/api/subsidy/allowance-proposals/" + id + "/approve")
                        .status())
                .isEqualTo(403);
        assertThat(community
                        .post("/api/subsidy/allowance-proposals/" + id + "/approve")
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("PENDING_BUREAU");
        assertThat(problem(community.post("/api/subsidy/allowance-proposals/" + id + "/approve"), 409))
                .contains("awaits the bureau");
        // still the old allowance until the bureau approves
        assertThat(category("AGED_80").get("allowance").toString()).isEqualTo(inForce);

        JsonNode approved = bureau.post("/api/subsidy/allowance-proposals/" + id + "/approve")
                .expect(200)
                .json();
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("community").get("by").asString()).startsWith("sub-community-");
        assertThat(approved.get("community").get("at").isNull()).isFalse();
        assertThat(approved.get("bureau").get("by").asString()).startsWith("sub-bureau-");
        assertThat(approved.get("bureau").get("at").isNull()).isFalse();
        JsonNode allowance = category("AGED_80").get("allowance");
        assertThat(allowance.get("amount").get("fen").asLong()).isEqualTo(5000);
        assertThat(allowance.get("amount").get("yuan").asString()).isEqualTo("50.00");
        assertThat(allowance.get("yuan").decimalValue()).as("the old field").isEqualByComparingTo("50");
        assertThat(category("AGED_80").get("proposalId").asLong()).isEqualTo(id);
        assertThat(problem(bureau.post("/api/subsidy/allowance-proposals/" + id + "/approve"), 409))
                .contains("already APPROVED");

        // a rejection needs a reason and ends it; the allowance stays
        long change = admin().post("/api/subsidy/allowance-proposals", Map.of("category", "AGED_80", "hours", 4))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        assertThat(problem(community.post("/api/subsidy/allowance-proposals/" + change + "/reject", Map.of()), 400))
                .contains("reason");
        JsonNode rejected = community
                .post("/api/subsidy/allowance-proposals/" + change + "/reject", Map.of("reason", "预算不足"))
                .expect(200)
                .json();
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejected").get("reason").asString()).isEqualTo("预算不足");
        assertThat(problem(bureau.post("/api/subsidy/allowance-proposals/" + change + "/approve"), 409))
                .contains("already REJECTED");
        assertThat(category("AGED_80").get("allowance").get("yuan").decimalValue())
                .isEqualByComparingTo("50");
        assertThat(admin().get("/api/subsidy/allowance-proposals?status=REJECTED")
                        .expect(200)
                        .json()
                        .valueStream()
                        .map(p -> p.get("id").asLong()))
                .contains(change)
                .doesNotContain(id);

        // bad input
        assertThat(refusedProposal(Map.of("category", "FAMILY_PLANNING", "yuan", 10, "hours", 1)))
                .contains("exactly one of amount or hours");
        assertThat(refusedProposal(Map.of("category", "FAMILY_PLANNING", "amount", Map.of("fen", 1000), "yuan", 10)))
                .contains("exactly one of amount or hours");
        assertThat(refusedProposal(
                        Map.of("category", "FAMILY_PLANNING", "amount", Map.of("fen", 1000, "yuan", "10.01"))))
                .contains("fen 1000 and yuan 10.01 disagree");
        assertThat(refusedProposal(Map.of("category", "FAMILY_PLANNING", "amount", Map.of("yuan", "10.001"))))
                .contains("two decimals");
        assertThat(refusedProposal(Map.of("category", "FAMILY_PLANNING", "amount", Map.of())))
                .contains("an amount needs fen or yuan");
        assertThat(refusedProposal(Map.of("category", "SPA", "yuan", 10))).contains("category must be one of");
        assertThat(refusedProposal(Map.of("category", "FAMILY_PLANNING", "yuan", 1.005)))
                .contains("two decimals");
        assertThat(refusedProposal(Map.of("category", "FAMILY_PLANNING", "hours", 0.01)))
                .contains("whole minutes");
        assertThat(community
                        .post("/api/subsidy/allowance-proposals", Map.of("category", "FAMILY_PLANNING", "yuan", 10))
                        .status())
                .isEqualTo(403);
        assertThat(problem(admin().get("/api/subsidy/allowance-proposals?status=LOST"), 400))
                .contains("unknown status");
        assertThat(admin().post("/api/subsidy/allowance-proposals/999999/reject", Map.of("reason", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(community
                        .post("/api/subsidy/allowance-proposals/999999/reject", Map.of("reason", "x"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void eligibilityIsApprovedByTheSeniorsOwnCommunityAndNeverByItsApplicant() {
        HttpApi cuiyuan = officer(CUIYUAN);
        HttpApi otherCuiyuan = officer(CUIYUAN);
        HttpApi wenxin = officer(WENXIN);
        HttpApi bureau = bureau();
        long senior = seniorIn(CUIYUAN);

        JsonNode applied = cuiyuan.post(
                        "/api/subsidy/applications",
                        Map.of("seniorId", senior, "category", "FAMILY_PLANNING", "note", "独生子女伤残"))
                .expect(201)
                .json();
        long id = applied.get("id").asLong();
        assertThat(applied.get("status").asString()).isEqualTo("PENDING_COMMUNITY");
        assertThat(applied.get("community").isNull()).isTrue();

        assertThat(problem(cuiyuan.post("/api/subsidy/applications/" + id + "/approve"), 403))
                .contains("another officer must decide");
        assertThat(problem(wenxin.post("/api/subsidy/applications/" + id + "/approve"), 403))
                .contains("does not live in your community");
        assertThat(wenxin.get("/api/subsidy/applications/" + id).status()).isEqualTo(403);
        assertThat(wenxin.get("/api/subsidy/applications?status=PENDING")
                        .expect(200)
                        .json()
                        .valueStream()
                        .map(a -> a.get("id").asLong()))
                .doesNotContain(id);
        assertThat(problem(bureau.post("/api/subsidy/applications/" + id + "/approve"), 409))
                .contains("awaits the community");
        assertThat(problem(
                        cuiyuan.post(
                                "/api/subsidy/applications", Map.of("seniorId", senior, "category", "FAMILY_PLANNING")),
                        409))
                .contains("open application");
        assertThat(otherCuiyuan
                        .get("/api/subsidy/applications?status=PENDING_COMMUNITY")
                        .expect(200)
                        .json()
                        .valueStream()
                        .map(a -> a.get("id").asLong()))
                .contains(id);

        otherCuiyuan.post("/api/subsidy/applications/" + id + "/approve").expect(200);
        JsonNode approved = bureau.post("/api/subsidy/applications/" + id + "/approve")
                .expect(200)
                .json();
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("bureau").get("by").asString()).startsWith("sub-bureau-");
        assertThat(bureau.get("/api/subsidy/eligibility?seniorId=" + senior)
                        .expect(200)
                        .json()
                        .valueStream()
                        .map(e -> e.get("category").asString()))
                .containsExactly("FAMILY_PLANNING");
        assertThat(problem(
                        admin().post(
                                        "/api/subsidy/applications",
                                        Map.of("seniorId", senior, "category", "FAMILY_PLANNING")),
                        409))
                .contains("already holds");

        // a rejection by the bureau ends an application (高龄 needs the age: the desk records the birth date)
        admin().put(
                        "/api/seniors/" + senior + "/birth-date",
                        Map.of("birthDate", today().minusYears(85).toString()))
                .expect(200);
        long second = admin().post("/api/subsidy/applications", Map.of("seniorId", senior, "category", "AGED_80"))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        cuiyuan.post("/api/subsidy/applications/" + second + "/approve").expect(200);
        assertThat(problem(cuiyuan.post("/api/subsidy/applications/" + second + "/reject", Map.of("reason", "x")), 409))
                .contains("awaits the bureau");
        bureau.post("/api/subsidy/applications/" + second + "/reject", Map.of("reason", "材料不全"))
                .expect(200);
        assertThat(bureau.get("/api/subsidy/eligibility?seniorId=" + senior)
                        .json()
                        .size())
                .isEqualTo(1);

        assertThat(problem(
                        admin().post("/api/subsidy/applications", Map.of("seniorId", 999_999, "category", "DI_BAO")),
                        400))
                .contains("does not exist");
        assertThat(problem(admin().post("/api/subsidy/applications", Map.of("category", "DI_BAO")), 400))
                .contains("seniorId");
        assertThat(problem(
                        wenxin.post("/api/subsidy/applications", Map.of("seniorId", senior, "category", "DI_BAO")),
                        403))
                .contains("does not live in your community");
    }

    @Test
    void familiesCommunitiesAndTheBureauSeeOnlyWhatIsTheirs() {
        long mine = seniorIn(CUIYUAN);
        long theirs = seniorIn(CUIYUAN);
        HttpApi family = family(mine);
        HttpApi cuiyuan = officer(CUIYUAN);
        HttpApi wenxin = officer(WENXIN);
        HttpApi bureau = bureau();
        Instant now = clock.instant();

        long own = family.post("/api/subsidy/applications", Map.of("seniorId", mine, "category", "DI_BAO"))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        assertThat(family.post("/api/subsidy/applications", Map.of("seniorId", theirs, "category", "DI_BAO"))
                        .status())
                .isEqualTo(403);
        long other = admin().post("/api/subsidy/applications", Map.of("seniorId", theirs, "category", "DI_BAO"))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        assertThat(family.get("/api/subsidy/applications").json().valueStream().map(a -> a.get("id")
                        .asLong()))
                .contains(own)
                .doesNotContain(other);
        assertThat(family.get("/api/subsidy/applications/" + other).status()).isEqualTo(403);
        assertThat(family.post("/api/subsidy/applications/" + own + "/approve").status())
                .isEqualTo(403);
        assertThat(family.get("/api/seniors/" + theirs + "/wallet").status()).isEqualTo(403);
        assertThat(wallet(family, mine, now).get("seniorId").asLong()).isEqualTo(mine);

        assertThat(wallet(cuiyuan, theirs, now).get("community").asString()).isEqualTo(CUIYUAN);
        assertThat(wenxin.get("/api/seniors/" + theirs + "/wallet").status()).isEqualTo(403);
        assertThat(wallet(bureau, theirs, now).get("seniorId").asLong()).isEqualTo(theirs);
        assertThat(bureau.get("/api/subsidy/applications?status=PENDING")
                        .json()
                        .valueStream()
                        .map(a -> a.get("id").asLong()))
                .contains(own, other);
        assertThat(problem(bureau.get("/api/seniors/" + mine + "/wallet?month=2026-13"), 400))
                .contains("YYYY-MM");
        assertThat(bureau.get("/api/seniors/999999/wallet").status()).isEqualTo(404);

        // neither the community nor the bureau is the alarm desk or sees the care record
        for (HttpApi officer : List.of(cuiyuan, bureau)) {
            assertThat(officer.get("/api/seniors/" + mine).status()).isEqualTo(403);
            assertThat(officer.get("/api/seniors").json().size()).isZero();
            assertThat(officer.get("/api/alarms").json().size()).isZero();
            assertThat(officer.get("/api/orders?seniorId=" + mine).status()).isEqualTo(403);
            assertThat(officer.post(
                                    "/api/orders/quote",
                                    booking(
                                            mine,
                                            itemId("助餐"),
                                            now.plus(Duration.ofDays(1)),
                                            now.plus(Duration.ofDays(1).plusHours(1))))
                            .status())
                    .isEqualTo(403);
            assertThat(officer.get("/api/reports/answer-times").status()).isEqualTo(403);
        }
    }

    @Test
    void onlyACommunityUserHasACommunity() {
        Map<String, Object> user = new HashMap<>(
                Map.of("username", "sub-user-" + unique(), "password", "password-123", "role", "COMMUNITY"));
        assertThat(problem(admin().post("/api/users", user), 400)).contains("community");
        user.put("role", "FAMILY");
        user.put("community", CUIYUAN);
        assertThat(problem(admin().post("/api/users", user), 400)).contains("only a COMMUNITY user");
        user.put("role", "COMMUNITY");
        JsonNode created = admin().post("/api/users", user).expect(201).json();
        assertThat(created.get("community").asString()).isEqualTo(CUIYUAN);
    }

    /** The detail of the 400 an ADMIN's allowance proposal gets. */
    private String refusedProposal(Map<String, ?> body) {
        return problem(admin().post("/api/subsidy/allowance-proposals", body), 400);
    }
}
