package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The desk's day-plan timeline in a real headless Chromium: the day planned by Timefold from the
 * page, each worker a row with their visits, the score by constraint listed; a visit moved to the
 * other worker by hand is pinned there and the plan re-scored.
 */
class PlansBrowserIT extends BrowserTest {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Test
    void theDeskPlansADayOnTheTimelineAndMovesAVisitToAnotherWorker() {
        double lat = 36.0611;
        double lon = 103.8343; // Lanzhou, away from every other test's responders
        stack.bathingWorker("排班护工甲", "rsp-plan-a", lat, lon);
        stack.bathingWorker("排班护工乙", "rsp-plan-b", lat + 0.02, lon);
        LocalDate day = LocalDate.now(CITY).plusDays(9);
        long first = book(stack.senior("排班老人一", lat + 0.001, lon), day, "09:00", "10:00");
        long second = book(stack.senior("排班老人二", lat + 0.002, lon), day, "10:30", "12:00");

        Browser.signIn(browser, stack.baseUrl(), "/plans.html?date=" + day, "admin", stack.adminPassword());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-none")));
        browser.findElement(By.id("plan-make")).click();

        wait.until(d -> d.findElements(By.cssSelector(".gantt-stop")).size() == 2);
        WebElement rowA = row("排班护工甲");
        // both visits are by worker 甲's home, 2 km from 乙's
        assertThat(rowA.findElements(By.cssSelector(".gantt-stop")))
                .extracting(e -> e.getDomAttribute("data-order-id"))
                .containsExactly(Long.toString(first), Long.toString(second));
        assertThat(browser.findElement(By.cssSelector("#plan-constraints tr[data-constraint='travel time']"))
                        .isDisplayed())
                .isTrue();
        String scoreBefore = browser.findElement(By.id("plan-score")).getText();
        assertThat(scoreBefore).startsWith("0hard/0medium/");

        rowA.findElement(By.cssSelector(".gantt-stop[data-order-id='" + second + "']"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("move-form")));
        new Select(browser.findElement(By.id("move-worker"))).selectByVisibleText("排班护工乙");
        browser.findElement(By.cssSelector("#move-form button[type='submit']")).click();

        // the timeline is drawn anew after the move: 乙's row appears (it had no stop) once it is
        wait.ignoring(StaleElementReferenceException.class).until(d -> anyRow("排班护工乙")
                .map(r -> r.findElements(By.cssSelector(".gantt-stop.pinned[data-order-id='" + second + "']"))
                                .size()
                        == 1)
                .orElse(false));
        assertThat(browser.findElement(By.id("plan-revision")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("plan-score")).getText()).isNotEqualTo(scoreBefore);
        assertThat(row("排班护工甲").findElements(By.cssSelector(".gantt-stop")))
                .extracting(e -> e.getDomAttribute("data-order-id"))
                .containsExactly(Long.toString(first));
    }

    private WebElement row(String worker) {
        return anyRow(worker).orElseThrow(() -> new AssertionError("no row for " + worker));
    }

    private java.util.Optional<WebElement> anyRow(String worker) {
        return browser.findElements(By.cssSelector(".gantt-row")).stream()
                .filter(r -> r.findElement(By.className("gantt-name")).getText().startsWith(worker))
                .findFirst();
    }

    private long book(long senior, LocalDate day, String from, String to) {
        Instant a = day.atTime(LocalTime.parse(from)).atZone(CITY).toInstant();
        Instant b = day.atTime(LocalTime.parse(to)).atZone(CITY).toInstant();
        return stack.admin()
                .post("/api/orders", Stack.booking(senior, stack.itemId("助浴"), a, b))
                .expect(201)
                .json()
                .get("id")
                .asLong();
    }
}
