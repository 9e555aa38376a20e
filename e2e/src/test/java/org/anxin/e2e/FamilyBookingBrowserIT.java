package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The family's booking page in a real headless Chromium: only their own senior is offered, the
 * quote comes before the booking, and their orders can be followed, rescheduled, cancelled (within
 * the API's rules, whose refusal the page shows) and rated.
 */
class FamilyBookingBrowserIT extends BrowserTest {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Test
    void aFamilySeesOnlyTheirSeniorAndBooksBathingForTomorrowMorningAfterSeeingTheQuote() {
        long mine = stack.senior("钱桂英", 30.6598, 104.0633);
        long theirs = stack.senior("孙玉兰", 30.6610, 104.0650);
        Api family = stack.user("fam-qian", "family-pass-1", "FAMILY", mine);
        stack.user("fam-sun", "family-pass-2", "FAMILY", theirs);
        long bathing = stack.itemId("助浴");

        Browser.signIn(browser, stack.baseUrl(), "/", "fam-qian", "family-pass-1");
        wait.until(ExpectedConditions.urlContains("/family.html"));
        wait.until(d -> !new Select(d.findElement(By.id("senior"))).getOptions().isEmpty());
        assertThat(new Select(browser.findElement(By.id("senior")))
                        .getOptions().stream().map(o -> o.getDomProperty("value") + " " + o.getText()))
                .containsExactly(mine + " 钱桂英");
        // a family is never shown the admin's catalogue link
        assertThat(browser.findElement(By.cssSelector("a[href='/catalog.html']"))
                        .isDisplayed())
                .isFalse();

        new Select(browser.findElement(By.id("item"))).selectByValue(Long.toString(bathing));
        LocalDate tomorrow = LocalDate.now(CITY).plusDays(1);
        assertThat(browser.findElement(By.id("date")).getDomProperty("value")).isEqualTo(tomorrow.toString());
        browser.findElement(By.id("get-quote")).click();

        WebElement quote = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quote")));
        Instant from = tomorrow.atTime(LocalTime.of(9, 0)).atZone(CITY).toInstant();
        Instant to = tomorrow.atTime(LocalTime.of(11, 0)).atZone(CITY).toInstant();
        JsonNode expected = family.post("/api/orders/quote", Stack.booking(mine, bathing, from, to))
                .expect(200)
                .json();
        assertThat(quote.findElement(By.className("q-item")).getText()).isEqualTo("助浴");
        assertThat(quote.findElement(By.className("q-price")).getText()).isEqualTo(money(expected.get("price")));
        assertThat(quote.findElement(By.className("q-subsidy")).getText())
                .isEqualTo(money(expected.get("subsidyPays")));
        assertThat(quote.findElement(By.className("q-own")).getText()).isEqualTo(money(expected.get("seniorPays")));
        assertThat(quote.findElement(By.className("q-note")).getText())
                .isEqualTo(expected.get("subsidy").asString());
        assertThat(family.get("/api/orders").json().size())
                .as("nothing is booked by a quote")
                .isZero();

        browser.findElement(By.id("confirm-booking")).click();

        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li.card.order[data-status='REQUESTED']")));
        JsonNode orders = family.get("/api/orders").expect(200).json();
        assertThat(orders.size()).isEqualTo(1);
        JsonNode order = orders.get(0);
        assertThat(card.getDomAttribute("data-order-id"))
                .isEqualTo(order.get("id").asString());
        assertThat(order.get("itemName").asString()).isEqualTo("助浴");
        assertThat(order.get("seniorId").asLong()).isEqualTo(mine);
        assertThat(order.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(Instant.parse(order.get("window").get("from").asString())).isEqualTo(from);
        assertThat(Instant.parse(order.get("window").get("to").asString())).isEqualTo(to);
        assertThat(card.findElement(By.className("o-status")).getText()).isEqualTo("待派单");
        assertThat(card.findElement(By.className("o-window")).getText()).isEqualTo(tomorrow + " 09:00–11:00");
        assertThat(browser.findElement(By.id("family-notice")).getText())
                .contains(order.get("id").asString());
    }

    @Test
    void aFamilyRatesAVisitThatTheWorkerCompleted() {
        double lat = 30.5728;
        double lon = 104.0668; // Chengdu, away from every other test's responders
        long senior = stack.senior("赵秀英", lat, lon);
        Api family = stack.user("fam-zhao", "family-pass-3", "FAMILY", senior);
        Api worker = stack.bathingWorker("助浴护工小李", "rsp-li", lat + 0.0009, lon);
        // a minute of its own two days ahead, so that this batch holds only this order
        Instant from = LocalDate.now(CITY)
                .plusDays(2)
                .atTime(LocalTime.of(14, 7))
                .atZone(CITY)
                .toInstant();
        long order = stack.bathingVisitDone(family, senior, worker, from, lat, lon);

        Browser.signIn(browser, stack.baseUrl(), "/", "fam-zhao", "family-pass-3");
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li.card.order[data-order-id='" + order + "'][data-status='COMPLETED']")));
        assertThat(card.findElement(By.className("o-worker")).getText()).contains("助浴护工小李");
        assertThat(card.findElement(By.className("cancel-order")).isDisplayed()).isFalse();
        new Select(card.findElement(By.className("stars"))).selectByValue("4");
        card.findElement(By.className("comment")).sendKeys("师傅很耐心");
        card.findElement(By.className("submit-rating")).click();

        card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li.card.order[data-order-id='" + order + "'][data-status='RATED']")));
        assertThat(card.findElement(By.className("o-rating")).getText()).isEqualTo("★★★★ 师傅很耐心");
        JsonNode rated = family.get("/api/orders/" + order).expect(200).json();
        assertThat(rated.get("status").asString()).isEqualTo("RATED");
        assertThat(rated.get("stars").asInt()).isEqualTo(4);
        assertThat(rated.get("ratingComment").asString()).isEqualTo("师傅很耐心");

        card.findElement(By.className("show-timeline")).click();
        List<String> steps = wait.until(d -> {
            List<String> shown = d
                    .findElements(By.cssSelector("li.card.order[data-order-id='" + order + "'] .o-timeline li"))
                    .stream()
                    .map(WebElement::getText)
                    .toList();
            return shown.size() == 9 ? shown : null;
        });
        assertThat(steps.get(0)).contains("预约").contains("fam-zhao");
        assertThat(steps.get(6)).contains("签退完成").contains("rsp-li");
        // checked out at once: flagged too short to be paid by the monthly settlement, in the family's view too
        assertThat(steps.get(7)).contains("异常标记").contains("system").contains("TOO_SHORT");
        assertThat(steps.get(8)).contains("评价").contains("4★ 师傅很耐心");
    }

    @Test
    void aFamilyReschedulesAndSeesWhyACancelTooCloseToTheVisitIsRefused() {
        long senior = stack.senior("周玉梅", 30.5800, 104.0700);
        Api family = stack.user("fam-zhou", "family-pass-4", "FAMILY", senior);
        long item = stack.itemId("助餐");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        long soon = family.post(
                        "/api/orders",
                        Stack.booking(
                                senior, item, now.plus(Duration.ofMinutes(90)), now.plus(Duration.ofMinutes(150))))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        LocalDate tomorrow = LocalDate.now(CITY).plusDays(1);
        Instant later = tomorrow.atTime(LocalTime.of(15, 0)).atZone(CITY).toInstant();
        long moved = family.post("/api/orders", Stack.booking(senior, item, later, later.plus(Duration.ofHours(1))))
                .expect(201)
                .json()
                .get("id")
                .asLong();

        Browser.signIn(browser, stack.baseUrl(), "/", "fam-zhou", "family-pass-4");
        wait.until(ExpectedConditions.visibilityOfElementLocated(cardOf(soon)))
                .findElement(By.className("cancel-order"))
                .click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("family-error")));
        assertThat(error.getText())
                .startsWith("操作失败（409）：")
                .contains("a family can cancel only until 2 h before the window starts");
        assertThat(status(family, soon)).isEqualTo("REQUESTED");

        WebElement card = browser.findElement(cardOf(moved));
        card.findElement(By.className("reschedule")).click();
        WebElement form = card.findElement(By.className("reschedule-form"));
        assertThat(form.findElement(By.className("r-date")).getDomProperty("value"))
                .isEqualTo(tomorrow.toString());
        assertThat(form.findElement(By.className("r-from")).getDomProperty("value"))
                .isEqualTo("15:00");
        // date inputs take typed keys in the browser's locale; set the value as a date picker would
        LocalDate dayAfter = tomorrow.plusDays(1);
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].value = arguments[1];",
                        form.findElement(By.className("r-date")),
                        dayAfter.toString());
        form.findElement(By.cssSelector("button[type=submit]")).click();

        Instant newFrom = dayAfter.atTime(LocalTime.of(15, 0)).atZone(CITY).toInstant();
        wait.until(d -> newFrom.equals(Instant.parse(family.get("/api/orders/" + moved)
                .json()
                .get("window")
                .get("from")
                .asString())));
        wait.until(ExpectedConditions.textToBe(
                By.cssSelector("li.card.order[data-order-id='" + moved + "'] .o-window"), dayAfter + " 15:00–16:00"));
        assertThat(browser.findElement(By.id("family-error")).isDisplayed()).isFalse();

        browser.findElement(cardOf(moved))
                .findElement(By.className("cancel-order"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li.card.order[data-order-id='" + moved + "'][data-status='CANCELLED']")));
        assertThat(status(family, moved)).isEqualTo("CANCELLED");
        assertThat(family.get("/api/orders/" + moved)
                        .json()
                        .get("timeline")
                        .valueStream()
                        .map(s -> s.get("action").asString()))
                .containsExactly("REQUESTED", "RESCHEDULED", "CANCELLED");
    }

    // --- helpers

    private static By cardOf(long order) {
        return By.cssSelector("li.card.order[data-order-id='" + order + "']");
    }

    private static String status(Api api, long order) {
        return api.get("/api/orders/" + order).expect(200).json().get("status").asString();
    }

    /** A Money as the portal shows it (Portal.money): "¥80.00". */
    private static String money(JsonNode amount) {
        return "¥" + amount.get("yuan").asString();
    }
}
