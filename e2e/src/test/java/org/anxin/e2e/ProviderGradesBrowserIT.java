package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The provider grading page in a real headless Chromium: a provider whose one visit of the last
 * quarter was early, too short and rated one star is graded D; the bureau, who lands on the
 * dashboard, follows the navigation to the grades, sees the D flagged and opens the provider's
 * trend (table and ECharts line); the weights form is the bureau's.
 */
class ProviderGradesBrowserIT extends BrowserTest {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Test
    void theBureauSeesAProviderGradedDFlaggedAndItsTrend() throws Exception {
        double lat = 36.0671;
        double lon = 120.3826; // Qingdao, away from every other test's responders
        long senior = stack.senior("崔玉兰", lat, lon);
        Api worker = stack.bathingWorker("评级护工小崔", "rsp-cui", lat + 0.0009, lon);
        Instant from = LocalDate.now(CITY)
                .plusDays(3)
                .atTime(LocalTime.of(17, 43))
                .atZone(CITY)
                .toInstant();
        Api admin = stack.admin();
        long order = stack.bathingVisitDone(admin, senior, worker, from, lat, lon); // early and too short
        admin.post("/api/orders/" + order + "/rating", Map.of("stars", 1)).expect(200);
        long provider = admin.get("/api/providers")
                .expect(200)
                .json()
                .valueStream()
                .filter(p -> p.get("name").asString().equals("评级护工小崔的服务中心"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();

        // the visit, as a whole, into the last quarter: twenty days after its start
        LocalDate today = LocalDate.now(CITY);
        LocalDate quarterStart = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
        LocalDate lastQuarterStart = quarterStart.minusMonths(3);
        String lastQuarter = lastQuarterStart.getYear() + "Q" + ((lastQuarterStart.getMonthValue() - 1) / 3 + 1);
        Duration back = Duration.between(
                lastQuarterStart.plusDays(20).atStartOfDay(CITY).toInstant(), Instant.now());
        try (Connection db = stack.dataSource().getConnection();
                PreparedStatement shift = db.prepareStatement("update service_orders set"
                        + " window_from = window_from - ?::interval, window_to = window_to - ?::interval,"
                        + " created_at = created_at - ?::interval, arrived_at = arrived_at - ?::interval,"
                        + " started_at = started_at - ?::interval, completed_at = completed_at - ?::interval,"
                        + " rated_at = rated_at - ?::interval where id = ?")) {
            for (int i = 1; i <= 7; i++) {
                shift.setString(i, back.toSeconds() + " seconds");
            }
            shift.setLong(8, order);
            assertThat(shift.executeUpdate()).isEqualTo(1);
        }
        stack.user("mzj-grade", "bureau-pass-7", "BUREAU");

        Browser.signIn(browser, stack.baseUrl(), "/", "mzj-grade", "bureau-pass-7");
        wait.until(ExpectedConditions.urlContains("/dashboard.html"));
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#portal-nav a[href='/provider-grades.html']")))
                .click();
        wait.until(ExpectedConditions.urlContains("/provider-grades.html"));

        By row = By.cssSelector("#grades tr[data-provider='" + provider + "']");
        WebElement line = wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(browser.findElement(By.id("quarter")).getDomProperty("value"))
                .isEqualTo(lastQuarter);
        assertThat(line.getDomAttribute("class")).contains("flagged");
        assertThat(line.findElement(By.cssSelector(".grade-D")).getText()).isEqualTo("D · 需整改，派单靠后");
        assertThat(line.getText()).contains("评级护工小崔的服务中心", "0 % (0)", "1 (1)");

        clickIn(row, "button.show-trend");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trend")));
        wait.until(ExpectedConditions.textToBe(By.id("trend-title"), "评级趋势： 评级护工小崔的服务中心"));
        List<WebElement> quarters = browser.findElements(By.cssSelector("#trend-table tbody tr"));
        assertThat(quarters).hasSize(8);
        assertThat(quarters.get(6).getText()).startsWith(lastQuarter).contains("D · 需整改");
        assertThat(quarters.get(6).getDomAttribute("class")).contains("flagged");
        assertThat(quarters.get(7).getText()).contains("本季未结束，暂定");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-trend canvas")));
        Object scores = browser.executeScript("return echarts.getInstanceByDom(document.getElementById('chart-trend'))"
                + ".getOption().series[0].data.map(function (v) { return v == null ? 'none' : v; }).join(',')");
        String expected = admin.as("mzj-grade", "bureau-pass-7")
                .get("/api/providers/" + provider + "/grades")
                .expect(200)
                .json()
                .get("quarters")
                .valueStream()
                .map(q -> q.get("score").isNull()
                        ? "none"
                        : trimmed(q.get("score").asDouble()))
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
        assertThat(scores).isEqualTo(expected);

        // the weights form is the bureau's, filled with the weights in force
        assertThat(browser.findElement(By.id("weights")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#weights-form input[name='onTime']"))
                        .getDomProperty("value"))
                .isEqualTo("25");

        // the trend's address opens the page on it again
        assertThat(browser.getCurrentUrl()).contains("provider=" + provider).contains("quarter=" + lastQuarter);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.id("trend-title"), "评级趋势： 评级护工小崔的服务中心"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));

        // in English too
        browser.findElement(By.cssSelector("[data-lang='en']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Provider grading"));
        assertThat(browser.findElement(row)
                        .findElement(By.cssSelector(".grade-D"))
                        .getText())
                .isEqualTo("D · needs improvement, ranked last");
    }

    /** A number as JavaScript prints it: 11.1, or 0 rather than 0.0. */
    private static String trimmed(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
