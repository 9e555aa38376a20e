package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The family page's scheduled visits (定期巡访) in a real headless Chromium: the family sees their
 * own senior's weekly plan with the dates it booked ahead, skips a date, and sees nothing of
 * another senior's plan.
 */
class FamilyVisitPlansBrowserIT extends BrowserTest {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Test
    void aFamilySeesTheirSeniorsPlanWithItsDatesAndSkipsOne() {
        long mine = stack.senior("鲁秀芝", 30.5728, 104.0668);
        long theirs = stack.senior("苗凤英", 30.5740, 104.0680);
        stack.user("fam-plans", "family-pass-7", "FAMILY", mine);
        Api admin = stack.admin();
        long meal = stack.itemId("助餐");
        long plan = admin.post(
                        "/api/seniors/" + mine + "/visit-plans",
                        Map.of("itemId", meal, "weekdays", List.of(3), "startTime", "11:00", "notes", "每周三送餐"))
                .expect(201)
                .json()
                .get("plan")
                .get("id")
                .asLong();
        long other = admin.post(
                        "/api/seniors/" + theirs + "/visit-plans",
                        Map.of("itemId", meal, "weekdays", List.of(5), "startTime", "10:00"))
                .expect(201)
                .json()
                .get("plan")
                .get("id")
                .asLong();
        int dates = admin.get("/api/visit-plans/" + plan)
                .expect(200)
                .json()
                .get("dates")
                .size();

        Browser.signIn(browser, stack.baseUrl(), "/", "fam-plans", "family-pass-7");
        wait.until(ExpectedConditions.urlContains("/family.html"));
        By card = By.cssSelector("#family-visit-plans li.visit-plan[data-plan-id='" + plan + "']");
        WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(card));
        assertThat(shown.getText()).contains("助餐", "周三", "11:00", "每周三送餐");
        assertThat(shown.findElements(By.cssSelector(".plan-date"))).hasSize(dates);
        assertThat(browser.findElements(By.cssSelector("li.visit-plan[data-plan-id='" + other + "']")))
                .isEmpty();
        assertThat(browser.findElement(By.cssSelector("#family-visit-plans h3")).getText())
                .isEqualTo("鲁秀芝");

        // skip a Wednesday beyond the four weeks booked ahead
        String day = LocalDate.now(CITY)
                .plusWeeks(5)
                .with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY))
                .toString();
        WebElement date = shown.findElement(By.cssSelector("input[type='date']"));
        browser.executeScript("arguments[0].value = arguments[1];", date, day);
        clickIn(card, "button.skip-date");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(card, day + " · 已跳过"));
        assertThat(admin.get("/api/visit-plans/" + plan)
                        .expect(200)
                        .json()
                        .get("dates")
                        .valueStream()
                        .filter(d -> d.get("date").asString().equals(day))
                        .findFirst()
                        .orElseThrow()
                        .get("status")
                        .asString())
                .isEqualTo("SKIPPED");
    }
}
