package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/** The monthly settlement page in a real headless Chromium: a supervisor's statement, an operator refused. */
class SettlementBrowserIT extends BrowserTest {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Test
    void aSupervisorOpensAProvidersStatementWithAShortVisitHeldBack() {
        double lat = 26.0745;
        double lon = 119.2965; // Fuzhou, away from every other test's responders
        long senior = stack.senior("陈淑珍", lat, lon);
        Api worker = stack.bathingWorker("结算护工小陈", "rsp-chen", lat + 0.0009, lon);
        // a minute of its own three days ahead, so that this batch holds only this order
        Instant from = LocalDate.now(CITY)
                .plusDays(3)
                .atTime(LocalTime.of(16, 41))
                .atZone(CITY)
                .toInstant();
        long order = stack.bathingVisitDone(stack.admin(), senior, worker, from, lat, lon); // minutes, not 48
        YearMonth month = YearMonth.from(Instant.parse(stack.admin()
                        .get("/api/orders/" + order)
                        .expect(200)
                        .json()
                        .get("arrivedAt")
                        .asString())
                .atZone(CITY));
        stack.user("sup-chen", "supervisor-pass-1", "SUPERVISOR");

        Browser.signIn(browser, stack.baseUrl(), "/settlement.html", "sup-chen", "supervisor-pass-1");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("providers")));
        browser.executeScript(
                "document.getElementById('month').value = arguments[0];"
                        + " document.getElementById('month-form').requestSubmit();",
                month.toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("结算护工小陈的服务中心")))
                .click();

        WebElement held =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#held-back tbody tr")));
        assertThat(held.getText()).contains(Long.toString(order), "陈淑珍", "助浴", "结算护工小陈", "TOO_SHORT");
        JsonNode provider = stack.admin()
                .get("/api/settlements/" + month)
                .expect(200)
                .json()
                .get("providers")
                .valueStream()
                .filter(p -> p.get("providerName").asString().equals("结算护工小陈的服务中心"))
                .findFirst()
                .orElseThrow();
        String price = stack.admin()
                .get("/api/settlements/" + month + "/providers/"
                        + provider.get("providerId").asLong())
                .expect(200)
                .json()
                .get("heldBack")
                .get(0)
                .get("price")
                .get("yuan")
                .asString();
        assertThat(held.getText()).as("the price as Portal.money shows it").contains("¥" + price);
        // nothing payable: the totals row shows zero amounts
        assertThat(browser.findElement(By.cssSelector("#payable tfoot")).getText())
                .contains("¥0.00");
        assertThat(browser.findElement(By.id("statement-title")).getText())
                .isEqualTo("结算护工小陈的服务中心 · " + month + " · 结算单");
        assertThat(browser.findElements(By.cssSelector("#payable tbody tr"))).isEmpty();
        assertThat(browser.findElement(By.id("csv")).getDomAttribute("href"))
                .matches("/api/settlements/" + month + "/providers/\\d+\\.csv");
        assertThat(browser.findElement(By.id("close")).isDisplayed()).isTrue();
    }

    @Test
    void anOperatorOpeningTheSettlementPageIsShownTheRefusal() {
        stack.user("op-settle", "operator-pass-7", "OPERATOR");

        Browser.signIn(browser, stack.baseUrl(), "/settlement.html", "op-settle", "operator-pass-7");

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText())
                .isEqualTo("操作失败（403）：settlements are for [ADMIN, SUPERVISOR, BUREAU] users, not OPERATOR");
        assertThat(browser.findElements(By.cssSelector("#providers tbody tr"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("a.nav-link[href='/catalog.html']"))
                        .isDisplayed())
                .isFalse();

        // the top bar portal.js draws on every page: who is signed in, and a logout that works (CSRF)
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("whoami"), "op-settle"));
        clickIn(By.id("logout-form"), "button");
        wait.until(ExpectedConditions.urlContains("/login.html?logout"));
        browser.get(stack.baseUrl() + "/settlement.html");
        wait.until(ExpectedConditions.urlContains("/login.html"));
    }
}
