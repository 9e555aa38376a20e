package org.anxin.platform.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anxin.platform.MutableClock;
import org.anxin.platform.PlatformBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Scheduled visits: a weekly plan books the next four weeks as orders, books nothing twice, never
 * brings back a cancelled week, books the next week when the clock moves on, honours skipped dates
 * and a stop. A context of its own with a clock the test moves.
 */
@Import(MutableClock.Config.class)
class VisitPlansIT extends PlatformBase {
    private static final Path DATA = newDataDir();
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final LocalTime TEN = LocalTime.of(10, 0);

    @Autowired
    MutableClock clock;

    @Autowired
    VisitPlans plans;

    @DynamicPropertySource
    static void ownContext(DynamicPropertyRegistry registry) {
        embedded(registry, DATA);
        registry.add("anxin.city-zone", () -> "Asia/Shanghai");
        registry.add("anxin.visit-plans.first-ms", () -> "3600000");
    }

    @Test
    void aWeeklyPlanBooksFourWeeksOnceAndACancelledWeekDoesNotComeBack() {
        long senior = createSenior("韩桂珍");
        long item = firstItem();
        JsonNode created = admin().post(
                        "/api/seniors/" + senior + "/visit-plans",
                        Map.of("itemId", item, "weekdays", List.of(3), "startTime", "10:00", "windowMinutes", 60))
                .expect(201)
                .json();
        long plan = created.get("plan").get("id").asLong();

        // the Wednesdays at 10:00 city time within the next four weeks, worked out here
        List<Instant> expected = wednesdaysAhead(clock.instant());
        assertThat(expected).hasSizeBetween(4, 5);
        assertThat(bookedWindows(plan)).containsExactlyElementsOf(expected);
        plans.bookAheadAll();
        assertThat(bookedWindows(plan)).as("nothing twice").containsExactlyElementsOf(expected);

        long firstOrder = dates(plan).get(0).get("orderId").asLong();
        admin().post("/api/orders/" + firstOrder + "/cancel", Map.of("note", "in hospital this week"))
                .expect(200);
        plans.bookAheadAll();
        assertThat(dates(plan)).hasSize(expected.size());

        // a week on: one more Wednesday comes within the four weeks; the cancelled one stays cancelled
        clock.advance(Duration.ofDays(7));
        plans.bookAheadAll();
        List<JsonNode> dates = dates(plan);
        assertThat(dates).hasSize(expected.size() + 1);
        assertThat(dates.get(0).get("orderStatus").asString()).isEqualTo("CANCELLED");
        assertThat(dates.stream().filter(d -> d.get("orderId").isNumber()).count())
                .isEqualTo(expected.size() + 1);

        // a date skipped ahead of time is not booked when it comes
        List<Instant> weekAfter = wednesdaysAhead(clock.instant().plus(Duration.ofDays(7)));
        Instant nextNew = weekAfter.get(weekAfter.size() - 1);
        LocalDate skipped = LocalDate.ofInstant(nextNew, CITY);
        admin().post("/api/visit-plans/" + plan + "/skip?date=" + skipped).expect(200);
        assertThat(admin().post("/api/visit-plans/" + plan + "/skip?date=" + skipped)
                        .status())
                .isEqualTo(409);
        clock.advance(Duration.ofDays(7));
        plans.bookAheadAll();
        assertThat(dates(plan).stream()
                        .filter(d -> d.get("date").asString().equals(skipped.toString()))
                        .map(d -> d.get("status").asString()))
                .containsExactly("SKIPPED");

        // stopped: nothing more
        admin().post("/api/visit-plans/" + plan + "/stop").expect(200);
        int before = dates(plan).size();
        clock.advance(Duration.ofDays(7));
        plans.bookAheadAll();
        assertThat(dates(plan)).hasSize(before);
        assertThat(admin().get("/api/seniors/" + senior + "/visit-plans")
                        .json()
                        .get(0)
                        .get("active")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aDateTheBookingRefusesIsRecordedWithItsReasonOnce() {
        long senior = admin().post("/api/seniors", Map.of("name", "杨秀梅"))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        JsonNode created = admin().post(
                        "/api/seniors/" + senior + "/visit-plans",
                        Map.of("itemId", firstItem(), "weekdays", List.of(1, 2, 3, 4, 5, 6, 7), "startTime", "15:00"))
                .expect(201)
                .json();
        List<JsonNode> dates = new ArrayList<>();
        created.get("dates").forEach(dates::add);
        assertThat(dates).hasSizeGreaterThanOrEqualTo(27);
        assertThat(dates).allSatisfy(d -> {
            assertThat(d.get("status").asString()).isEqualTo("FAILED");
            assertThat(d.get("reason").asString()).contains("home position");
        });
        plans.bookAheadAll();
        long plan = created.get("plan").get("id").asLong();
        assertThat(admin().get("/api/visit-plans/" + plan).json().get("dates")).hasSize(dates.size());
    }

    @Test
    void badPlansAreRefusedAndFamiliesPlanOnlyForTheirOwn() {
        long senior = createSenior("朱玉兰");
        long other = createSenior("秦桂英");
        long item = firstItem();
        String path = "/api/seniors/" + senior + "/visit-plans";
        assertThat(admin().post(path, Map.of("itemId", item, "weekdays", List.of(), "startTime", "10:00"))
                        .status())
                .isEqualTo(400);
        assertThat(admin().post(path, Map.of("itemId", item, "weekdays", List.of(8), "startTime", "10:00"))
                        .status())
                .isEqualTo(400);
        assertThat(admin().post(
                                path,
                                Map.of(
                                        "itemId",
                                        item,
                                        "weekdays",
                                        List.of(1),
                                        "startTime",
                                        "10:00",
                                        "windowMinutes",
                                        5))
                        .status())
                .isEqualTo(400);
        assertThat(admin().post(path, Map.of("itemId", 999_999, "weekdays", List.of(1), "startTime", "10:00"))
                        .status())
                .isEqualTo(400);
        assertThat(admin().get("/api/seniors/" + senior + "/visit-plans").json())
                .isEmpty();

        createUser("visit-plan-family", "family-pass-1", "FAMILY", senior);
        var family = as("visit-plan-family", "family-pass-1");
        assertThat(family.post(
                                "/api/seniors/" + other + "/visit-plans",
                                Map.of("itemId", item, "weekdays", List.of(2), "startTime", "09:00"))
                        .status())
                .isEqualTo(403);
        long plan = family.post(path, Map.of("itemId", item, "weekdays", List.of(2), "startTime", "09:00"))
                .expect(201)
                .json()
                .get("plan")
                .get("id")
                .asLong();
        assertThat(as("visit-plan-family", "family-pass-1")
                        .get("/api/visit-plans/" + plan)
                        .status())
                .isEqualTo(200);
        createUser("visit-plan-stranger", "family-pass-2", "FAMILY", other);
        assertThat(as("visit-plan-stranger", "family-pass-2")
                        .get("/api/visit-plans/" + plan)
                        .status())
                .isEqualTo(403);
        // the family page lists the senior's plans with their dates, and may skip one; another family may not
        var stranger = as("visit-plan-stranger", "family-pass-2");
        assertThat(stranger.get("/api/seniors/" + senior + "/visit-plans").status())
                .isEqualTo(403);
        assertThat(family.get("/api/seniors/" + senior + "/visit-plans")
                        .expect(200)
                        .json()
                        .valueStream()
                        .map(p -> p.get("id").asLong()))
                .containsExactly(plan);
        String day = LocalDate.ofInstant(clock.instant(), CITY)
                .plusWeeks(6)
                .with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.TUESDAY))
                .toString();
        assertThat(stranger.post("/api/visit-plans/" + plan + "/skip?date=" + day)
                        .status())
                .isEqualTo(403);
        assertThat(stranger.post("/api/visit-plans/" + plan + "/stop").status()).isEqualTo(403);
        assertThat(family.post("/api/visit-plans/" + plan + "/skip?date=" + day)
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("SKIPPED");
    }

    private static List<Instant> wednesdaysAhead(Instant now) {
        List<Instant> starts = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, CITY);
        for (LocalDate d = today; !d.isAfter(today.plusWeeks(4)); d = d.plusDays(1)) {
            Instant from = ZonedDateTime.of(d, TEN, CITY).toInstant();
            if (d.getDayOfWeek() == DayOfWeek.WEDNESDAY && from.isAfter(now)) {
                starts.add(from);
            }
        }
        return starts;
    }

    private List<Instant> bookedWindows(long plan) {
        return dates(plan).stream()
                .map(d -> admin().get("/api/orders/" + d.get("orderId").asLong())
                        .expect(200)
                        .json())
                .map(o -> Instant.parse(o.get("window").get("from").asString()))
                .toList();
    }

    private List<JsonNode> dates(long plan) {
        List<JsonNode> dates = new ArrayList<>();
        admin().get("/api/visit-plans/" + plan).expect(200).json().get("dates").forEach(dates::add);
        return dates;
    }

    private long firstItem() {
        return admin().get("/api/catalog")
                .expect(200)
                .json()
                .get(0)
                .get("items")
                .get(0)
                .get("id")
                .asLong();
    }
}
