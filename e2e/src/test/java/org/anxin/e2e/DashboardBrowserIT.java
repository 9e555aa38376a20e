package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The city dashboard in a real headless Chromium: a street officer lands on it after signing in, sees their street's figures as cards and ECharts charts (the library served from
 * the platform itself), may pick only nodes below their street, and follows the re-assessment
 * figure to its list.
 */
class DashboardBrowserIT extends BrowserTest {

    private static void area(Api admin, String code, String name, String level, String parent) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("code", code, "name", name, "level", level));
        if (parent != null) {
            body.put("parent", parent);
        }
        admin.post("/api/areas", body).expect(201);
    }

    private static long senior(Api admin, String name, String community) {
        return admin.post(
                        "/api/seniors",
                        Map.of(
                                "name",
                                name,
                                "address",
                                community + " 1 幢",
                                "community",
                                community,
                                "lat",
                                30.2,
                                "lon",
                                120.2))
                .expect(201)
                .json()
                .get("id")
                .asLong();
    }

    @Test
    void aStreetOfficerSeesTheirStreetAsChartsAndFollowsAFigureToItsList() {
        Api admin = stack.admin();
        area(admin, "DBIT-D", "滨江区", "DISTRICT", null);
        area(admin, "DBIT-S1", "长河街道", "STREET", "DBIT-D");
        area(admin, "DBIT-S2", "浦沿街道", "STREET", "DBIT-D");
        area(admin, "DBIT-C1", "长河社区", "COMMUNITY", "DBIT-S1");
        area(admin, "DBIT-C2", "浦沿社区", "COMMUNITY", "DBIT-S2");
        admin.post(
                        "/api/users",
                        Map.of(
                                "username",
                                "jd-changhe",
                                "password",
                                "street-pass-1",
                                "role",
                                "STREET",
                                "area",
                                "DBIT-S1"))
                .expect(201);
        long due = senior(admin, "何桂香", "长河社区");
        senior(admin, "何建国", "长河社区");
        senior(admin, "陆阿婆", "浦沿社区");
        admin.put("/api/seniors/" + due, Map.of("livingSituation", "LIVES_ALONE"))
                .expect(200);

        // an assessment made six months and five days ago: its re-assessment fell due five days ago
        admin.post("/api/users", Map.of("username", "pg-dash", "password", "assessor-pass-9", "role", "ASSESSOR"))
                .expect(201);
        admin.put("/api/assessors/pg-dash", Map.of("agency", "滨江评估站")).expect(200);
        Map<String, Object> scores = new LinkedHashMap<>();
        admin.get("/api/assessments/form")
                .json()
                .get("items")
                .forEach(item ->
                        scores.put(item.get("name").asString(), item.get("max").asInt()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "assessedOn",
                LocalDate.now(ZoneId.of("Asia/Shanghai"))
                        .minusMonths(6)
                        .minusDays(5)
                        .toString());
        body.put("place", "老人家中");
        body.put("reason", "FIRST");
        body.put("scores", scores);
        body.put("coma", false);
        body.put("mentalDiagnosis", false);
        body.put("riskEvents", 0);
        body.put("confirmedBy", "SENIOR");
        body.put("confirmerName", "何桂香");
        admin.as("pg-dash", "assessor-pass-9")
                .post("/api/seniors/" + due + "/assessments", body)
                .expect(201);

        // a street officer lands on the dashboard after signing in, with the subsidy page in the navigation
        Browser.signIn(browser, stack.baseUrl(), "/", "jd-changhe", "street-pass-1");
        wait.until(ExpectedConditions.urlContains("/dashboard.html"));
        wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#portal-nav a[href='/subsidy.html']")));

        wait.until(ExpectedConditions.textToBe(By.cssSelector("#card-seniors .value"), "2"));
        assertThat(browser.findElement(By.cssSelector("#card-seniors .detail")).getText())
                .contains("独居 1");
        assertThat(browser.findElement(By.cssSelector("#card-assessments .value"))
                        .getText())
                .isEqualTo("1 / 1"); // due in the last 30 days, and overdue
        // the charts are drawn by ECharts on canvases
        for (String chart :
                List.of("chart-community", "chart-living", "chart-kind", "chart-outcome", "chart-services")) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " canvas")));
        }
        assertThat((Boolean) browser.executeScript("return typeof echarts === 'object'"
                        + " && echarts.getInstanceByDom(document.getElementById('chart-community'))"
                        + ".getOption().series[0].data.join(',') === '2'"))
                .isTrue();
        // only the street and what lies below it can be chosen
        List<String> choices = browser.findElements(By.cssSelector("#area option")).stream()
                .map(WebElement::getText)
                .map(String::strip)
                .toList();
        assertThat(choices).contains("长河街道", "长河社区").doesNotContain("浦沿社区", "浦沿街道");
        assertThat(browser.findElement(By.id("csv")).getAttribute("href")).contains("/api/dashboard.csv?from=");
        // budgets are the city-wide bureau's: no form here, and the card asks for a node to compare with
        assertThat(browser.findElement(By.id("budget-form")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("#card-subsidy .detail")).getText())
                .contains("选择节点后可与其预算对比");

        // in English too
        browser.findElement(By.cssSelector("[data-lang='en']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Care dashboard"));

        // the re-assessment figure leads to the reminder list, which shows the senior due
        browser.findElement(By.cssSelector("#card-assessments a.figure-link")).click();
        wait.until(ExpectedConditions.urlContains("/assessment.html?within=P"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#due tr[data-senior='" + due + "']")));
    }

    @Test
    void theCityWideBureauSetsThisYearsBudgetOnTheDashboardAndTheSubsidyCardComparesWithIt() {
        Api admin = stack.admin();
        admin.post("/api/users", Map.of("username", "mz-city", "password", "bureau-pass-1", "role", "BUREAU"))
                .expect(201);

        Browser.signIn(browser, stack.baseUrl(), "/", "mz-city", "bureau-pass-1");
        wait.until(ExpectedConditions.urlContains("/dashboard.html"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("budget-form")));
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#card-subsidy .detail"), "未设补贴预算"));
        assertThat(browser.findElement(By.id("budget-node")).getText()).isEqualTo("全市");
        String year = Integer.toString(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
        assertThat(browser.findElement(By.id("budget-year")).getAttribute("value"))
                .isEqualTo(year);

        browser.findElement(By.id("budget-amount")).sendKeys("1200000");
        browser.findElement(By.cssSelector("#budget-form button[type='submit']"))
                .click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("budget-notice"), "预算已保存"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#card-subsidy .detail"), "预算（按月分摊）"));
        assertThat(browser.findElement(By.cssSelector("#card-subsidy .detail")).getText())
                .contains("已用预算");
        assertThat(admin.as("mz-city", "bureau-pass-1")
                        .get("/api/subsidy/budgets/" + year)
                        .json()
                        .get(0)
                        .get("amount")
                        .get("yuan")
                        .asString())
                .isEqualTo("1200000.00");
    }
}
