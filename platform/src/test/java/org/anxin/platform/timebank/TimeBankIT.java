package org.anxin.platform.timebank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.anxin.platform.HttpApi;
import org.anxin.platform.OrderFixtures;
import org.anxin.platform.order.VisitCompleted;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The time bank on the embedded stack over real HTTP: volunteers earn the minutes of their
 * verified visits once, give them away, and spend them on services for a senior they are linked
 * to (and get them back when that order is cancelled); concurrent spends never overdraw, and the ledger cannot be edited. Each test works at a
 * place of its own.
 */
class TimeBankIT extends OrderFixtures {
    @Autowired
    JdbcClient db;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    /** A volunteer who has served one visit of {@code minutes} at the place, with their account. */
    record Volunteer(String username, HttpApi api, long accountId, Visit visit) {}

    /**
     * A volunteer's verified visit of {@code minutes}: when the visit is shorter than settlement's
     * share of cleaning's standard 120 min, the desk accepts the shorter visit by clearing its
     * TOO_SHORT flag, which is what makes it verified and credited.
     */
    Volunteer volunteer(String place, double lat, double lon, int minutes) {
        Volunteer vol = unverifiedVolunteer(place, lat, lon, minutes);
        boolean tooShort = order(vol.visit().orderId())
                .get("anomalies")
                .valueStream()
                .anyMatch(a -> a.get("kind").asString().equals("TOO_SHORT"));
        if (!tooShort) {
            return vol;
        }
        admin().post(
                        "/api/orders/" + vol.visit().orderId() + "/anomalies/TOO_SHORT/clear",
                        Map.of("reason", "a shorter visit agreed with the family"))
                .expect(200);
        return vol;
    }

    /** A volunteer whose visit of {@code minutes} is left as it was checked out (too short: flagged). */
    Volunteer unverifiedVolunteer(String place, double lat, double lon, int minutes) {
        Visit v = assignedVisit(place, lat, lon);
        HttpApi api = responderApi(v.responder());
        String username =
                api.get("/api/responder/me").expect(200).json().get("username").asString();
        long account = admin().post("/api/timebank/accounts", Map.of("username", username, "volunteer", true))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        completeVisit(v, lat, lon, 15, Duration.ofMinutes(minutes));
        return new Volunteer(username, api, account, v);
    }

    @Test
    void aVolunteersVerifiedVisitEarnsItsMinutesExactlyOnce() {
        double lat = 36.0611;
        double lon = 103.8343; // Lanzhou
        Volunteer vol = volunteer("城关", lat, lon, 50);

        JsonNode me = vol.api().get("/api/timebank/accounts/me").expect(200).json();
        assertThat(me.get("balanceMinutes").asInt()).isEqualTo(50);
        assertThat(me.get("volunteer").asBoolean()).isTrue();
        JsonNode entries = ledger(vol.api(), vol.accountId()).get("entries");
        assertThat(entries.size()).isEqualTo(1);
        assertThat(entries.get(0).get("kind").asString()).isEqualTo("EARN");
        assertThat(entries.get(0).get("minutes").asInt()).isEqualTo(50);
        assertThat(entries.get(0).get("orderId").asLong()).isEqualTo(vol.visit().orderId());
        assertThat(entries.get(0).get("balanceAfter").asInt()).isEqualTo(50);
        assertThat(actions(vol.visit().orderId())).contains("TIME_BANK_EARNED");

        // the same check-out delivered again earns nothing, and the database refuses a second EARN
        checkedOutAgain(vol, 15, 50, true);
        assertThat(balance(vol.api())).isEqualTo(50);
        assertThatThrownBy(() -> db.sql("insert into timebank_entries (account_id, minutes, kind, order_id, actor, at,"
                                + " balance_after) values (?, 50, 'EARN', ?, 'it', now(), 100)")
                        .params(vol.accountId(), vol.visit().orderId())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(ledger(vol.api(), vol.accountId()).get("entries").size()).isEqualTo(1);
    }

    @Test
    void noCreditForANonVolunteerNorForAnUnverifiedVisit() {
        double lat = 24.4798;
        double lon = 118.0894; // Xiamen
        Visit staff = completedVisit("思明", lat, lon, Duration.ofMinutes(40));
        assertThat(responderApi(staff.responder())
                        .get("/api/timebank/accounts/me")
                        .status())
                .isEqualTo(404);
        assertThat(actions(staff.orderId())).doesNotContain("TIME_BANK_EARNED");

        // a volunteer who checks out the moment they checked in: 0 min, not a verified visit
        Volunteer quick = volunteer("罗湖", lat + 0.05, lon, 0);
        assertThat(balance(quick.api())).isZero();
        assertThat(actions(quick.visit().orderId())).doesNotContain("TIME_BANK_EARNED");

        // 50 of cleaning's 120 min: flagged too short, so not verified and not credited, until the
        // desk accepts it; clearing the last flag credits it, once
        Volunteer shortVisit = unverifiedVolunteer("宝安", lat - 0.05, lon, 50);
        assertThat(balance(shortVisit.api())).isZero();
        assertThat(actions(shortVisit.visit().orderId())).contains("FLAGGED").doesNotContain("TIME_BANK_EARNED");
        admin().post(
                        "/api/orders/" + shortVisit.visit().orderId() + "/anomalies/TOO_SHORT/clear",
                        Map.of("reason", "the senior asked to stop early"))
                .expect(200);
        assertThat(balance(shortVisit.api())).isEqualTo(50);
        assertThat(actions(shortVisit.visit().orderId())).containsSubsequence("ANOMALY_CLEARED", "TIME_BANK_EARNED");

        // a visit announced as not verified (e.g. checked in 2 km away with a reason: FAR_CHECK_IN open) earns nothing
        checkedOutAgain(quick, 2000, 45, false);
        assertThat(balance(quick.api())).isZero();
        assertThat(ledger(quick.api(), quick.accountId()).get("entries").size()).isZero();
    }

    @Test
    void aVolunteerGivesMinutesToAFamilyWhoSpendsThemOnlyForTheirOwnSenior() {
        double lat = 37.8706;
        double lon = 112.5489; // Taiyuan
        Volunteer vol = volunteer("迎泽", lat, lon, 90);
        long senior = senior("迎泽受赠老人", lat + 0.01, lon, "+8613911110000");
        long stranger = senior("迎泽他人老人", lat + 0.02, lon, "+8613911110001");
        HttpApi family = family(senior);
        String familyUser =
                family.get("/api/me").expect(200).json().get("username").asString();

        assertThat(problem(vol.api().post("/api/timebank/donate", Map.of("to", familyUser, "minutes", 91)), 409))
                .contains("insufficient");
        assertThat(problem(vol.api().post("/api/timebank/donate", Map.of("to", familyUser, "minutes", 0)), 400))
                .contains("minutes");
        assertThat(problem(vol.api().post("/api/timebank/donate", Map.of("to", vol.username(), "minutes", 5)), 400))
                .contains("yourself");
        assertThat(problem(vol.api().post("/api/timebank/donate", Map.of("to", "nobody-here", "minutes", 5)), 400))
                .contains("does not exist");

        JsonNode given = vol.api()
                .post("/api/timebank/donate", Map.of("to", familyUser, "minutes", 60, "note", "给王阿姨家"))
                .expect(200)
                .json();
        assertThat(given.get("balanceMinutes").asInt()).isEqualTo(30);
        assertThat(given.get("entry").get("kind").asString()).isEqualTo("DONATE_OUT");
        assertThat(given.get("entry").get("minutes").asInt()).isEqualTo(-60);
        assertThat(given.get("entry").get("otherUsername").asString()).isEqualTo(familyUser);
        JsonNode account = family.get("/api/timebank/accounts/me").expect(200).json();
        assertThat(account.get("balanceMinutes").asInt()).isEqualTo(60);
        assertThat(account.get("volunteer").asBoolean()).isFalse();
        long familyAccount = account.get("id").asLong();
        JsonNode received = ledger(family, familyAccount).get("entries").get(0);
        assertThat(received.get("kind").asString()).isEqualTo("DONATE_IN");
        assertThat(received.get("otherUsername").asString()).isEqualTo(vol.username());
        assertThat(family.get("/api/timebank/accounts/" + vol.accountId() + "/ledger")
                        .status())
                .isEqualTo(403);
        ledger(admin(), vol.accountId());

        Instant from = clock.instant().plus(Duration.ofDays(1));
        long meal = book(family, senior, itemId("助餐"), from, from.plus(Duration.ofHours(1)));
        long others = book(admin(), stranger, itemId("助餐"), from, from.plus(Duration.ofHours(1)));
        assertThat(problem(family.post("/api/timebank/spend", Map.of("orderId", others)), 403))
                .contains("linked");
        assertThat(problem(vol.api().post("/api/timebank/spend", Map.of("orderId", meal)), 403))
                .contains("linked");
        assertThat(problem(family.post("/api/timebank/spend", Map.of("orderId", 9_999_999)), 400))
                .contains("does not exist");
        assertThat(problem(family.post("/api/timebank/spend", Map.of()), 400)).contains("orderId");
        // an order the subsidy pays in full (the wallet's split is SubsidyIT's; set here on the row) leaves nothing to
        // pay
        long covered = book(family, senior, itemId("助餐"), from, from.plus(Duration.ofHours(1)));
        db.sql("update service_orders set subsidy_cents = price_cents, senior_pays_cents = 0 where id = ?")
                .param(covered)
                .update();
        assertThat(problem(family.post("/api/timebank/spend", Map.of("orderId", covered)), 409))
                .contains("nothing for the family to pay");
        assertThat(family.get("/api/timebank/accounts/me")
                        .expect(200)
                        .json()
                        .get("balanceMinutes")
                        .asInt())
                .isEqualTo(60);

        JsonNode paid = family.post("/api/timebank/spend", Map.of("orderId", meal))
                .expect(200)
                .json();
        assertThat(paid.get("balanceMinutes").asInt()).isEqualTo(30);
        assertThat(paid.get("entry").get("kind").asString()).isEqualTo("SPEND");
        assertThat(paid.get("entry").get("minutes").asInt()).isEqualTo(-30);
        assertThat(actions(meal)).last().isEqualTo("PAID_WITH_TIME_BANK");
        assertThat(problem(family.post("/api/timebank/spend", Map.of("orderId", meal)), 409))
                .contains("already paid");

        // the paid visit is cancelled: the minutes come back, once
        family.post("/api/orders/" + meal + "/cancel").expect(200);
        await(() -> balance(family) == 60);
        await(() -> actions(meal).contains("TIME_BANK_REFUNDED"));
        JsonNode refund = ledger(family, familyAccount).get("entries").get(2);
        assertThat(refund.get("kind").asString()).isEqualTo("REFUND");
        assertThat(refund.get("minutes").asInt()).isEqualTo(30);
        assertThat(refund.get("orderId").asLong()).isEqualTo(meal);
        assertThat(refund.get("balanceAfter").asInt()).isEqualTo(60);

        long cancelled = book(family, senior, itemId("助餐"), from, from.plus(Duration.ofHours(1)));
        family.post("/api/orders/" + cancelled + "/cancel").expect(200);
        assertThat(problem(family.post("/api/timebank/spend", Map.of("orderId", cancelled)), 409))
                .contains("CANCELLED");
        assertThat(balance(family)).isEqualTo(60);
        assertThat(ledger(family, familyAccount).get("entries").size()).isEqualTo(3);
    }

    @Test
    void twentyConcurrentSpendsAgainstMinutesForFiveLeaveExactlyFivePaidAndZeroBalance() throws Exception {
        double lat = 38.0428;
        double lon = 114.5149; // Shijiazhuang
        Volunteer vol = volunteer("长安", lat, lon, 150);
        long senior = senior("长安受赠老人", lat + 0.01, lon, "+8613922220000");
        HttpApi family = family(senior);
        String familyUser =
                family.get("/api/me").expect(200).json().get("username").asString();
        vol.api()
                .post("/api/timebank/donate", Map.of("to", familyUser, "minutes", 150))
                .expect(200);
        Instant from = clock.instant().plus(Duration.ofDays(2));
        List<Long> meals = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            meals.add(book(family, senior, itemId("助餐"), from, from.plus(Duration.ofHours(1)))); // 30 min each
        }

        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpApi.Response>> answers = new ArrayList<>();
        try {
            for (long meal : meals) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return family.post("/api/timebank/spend", Map.of("orderId", meal));
                }));
            }
            start.countDown();
            List<HttpApi.Response> responses = new ArrayList<>();
            for (Future<HttpApi.Response> answer : answers) {
                responses.add(answer.get());
            }
            assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(5);
            List<HttpApi.Response> refused =
                    responses.stream().filter(r -> r.status() != 200).toList();
            assertThat(refused).hasSize(15);
            refused.forEach(r -> assertThat(problem(r, 409)).contains("insufficient time-bank balance"));
        } finally {
            pool.shutdownNow();
        }

        JsonNode account = family.get("/api/timebank/accounts/me").expect(200).json();
        assertThat(account.get("balanceMinutes").asInt()).isZero();
        List<JsonNode> entries = ledger(family, account.get("id").asLong())
                .get("entries")
                .valueStream()
                .toList();
        assertThat(entries.stream().filter(e -> e.get("kind").asString().equals("SPEND")))
                .hasSize(5);
        assertThat(entries.stream().mapToInt(e -> e.get("minutes").asInt()).sum())
                .isZero();
        int running = 0;
        for (JsonNode e : entries) {
            running += e.get("minutes").asInt();
            assertThat(e.get("balanceAfter").asInt()).isEqualTo(running);
        }
        assertThat(db.sql("select count(*) from timebank_entries where kind = 'SPEND' and order_id = any(?)")
                        .param(meals.toArray(Long[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    void theLedgerIsAppendOnly() {
        Volunteer vol = volunteer("莞城", 23.0207, 113.7518, 20); // Dongguan
        long entries = db.sql("select count(*) from timebank_entries where account_id = ?")
                .param(vol.accountId())
                .query(Long.class)
                .single();
        assertThat(entries).isEqualTo(1);

        refusedAsAppendOnly("update timebank_entries set minutes = 600 where account_id = " + vol.accountId());
        refusedAsAppendOnly("delete from timebank_entries where account_id = " + vol.accountId());
        refusedAsAppendOnly("truncate timebank_entries cascade");
        assertThat(balance(vol.api())).isEqualTo(20);
    }

    @Test
    void onlyAnAdministratorOpensAccountsAndMarksVolunteers() {
        long senior = createSenior("开户老人");
        HttpApi family = family(senior);
        String familyUser =
                family.get("/api/me").expect(200).json().get("username").asString();
        assertThat(family.post("/api/timebank/accounts", Map.of("username", familyUser))
                        .status())
                .isEqualTo(403);
        assertThat(problem(admin().post("/api/timebank/accounts", Map.of("username", "no-such-user")), 400))
                .contains("does not exist");
        JsonNode opened = admin().post("/api/timebank/accounts", Map.of("username", familyUser))
                .expect(201)
                .json();
        assertThat(opened.get("volunteer").asBoolean()).isFalse();
        assertThat(problem(admin().post("/api/timebank/accounts", Map.of("username", familyUser)), 409))
                .contains("already has");
        long id = opened.get("id").asLong();
        assertThat(family.put("/api/timebank/accounts/" + id + "/volunteer", Map.of("volunteer", true))
                        .status())
                .isEqualTo(403);
        assertThat(admin().put("/api/timebank/accounts/" + id + "/volunteer", Map.of("volunteer", true))
                        .expect(200)
                        .json()
                        .get("volunteer")
                        .asBoolean())
                .isTrue();
        assertThat(admin().get("/api/timebank/accounts")
                        .expect(200)
                        .json()
                        .valueStream()
                        .map(a -> a.get("id").asLong()))
                .contains(id);
        assertThat(anonymous().get("/api/timebank/accounts/me").status()).isEqualTo(401);
    }

    // --- helpers

    /** The volunteer's check-out event once more, as if delivered again, with these figures. */
    private void checkedOutAgain(Volunteer vol, int arrivedMeters, int serviceMinutes, boolean verified) {
        VisitCompleted event = new VisitCompleted(
                vol.visit().orderId(),
                vol.visit().seniorId(),
                vol.visit().responderId(),
                vol.username(),
                arrivedMeters,
                0,
                serviceMinutes,
                clock.instant(),
                verified);
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    private void refusedAsAppendOnly(String sql) {
        assertThatThrownBy(() -> db.sql(sql).update())
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(
                                ((DataAccessException) e).getMostSpecificCause().getMessage())
                        .contains("timebank_entries is append-only"));
    }

    private static JsonNode ledger(HttpApi who, long accountId) {
        return who.get("/api/timebank/accounts/" + accountId + "/ledger")
                .expect(200)
                .json();
    }

    private static int balance(HttpApi who) {
        return who.get("/api/timebank/accounts/me")
                .expect(200)
                .json()
                .get("balanceMinutes")
                .asInt();
    }
}
