package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The subsidy page in a real headless Chromium: the community officer, then the bureau, approve an application. */
class SubsidyBrowserIT extends BrowserTest {

    @Test
    void theCommunityThenTheBureauApproveAnApplicationOnTheSubsidyPage() {
        Api admin = stack.admin();
        admin.post(
                        "/api/users",
                        Map.of(
                                "username", "sq-cuiyuan",
                                "password", "community-pass-1",
                                "role", "COMMUNITY",
                                "displayName", "翠苑社区王主任",
                                "community", "翠苑社区"))
                .expect(201);
        admin.post("/api/users", Map.of("username", "mzj-li", "password", "bureau-pass-1", "role", "BUREAU"))
                .expect(201);
        long senior = admin.post(
                        "/api/seniors",
                        Map.of("name", "钱桂英", "address", "翠苑一区 5 幢", "community", "翠苑社区", "lat", 30.29, "lon", 120.12))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        long application = admin.post("/api/subsidy/applications", Map.of("seniorId", senior, "category", "DI_BAO"))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        By row = By.cssSelector("#applications tr[data-id='" + application + "']");

        // a community officer opens the subsidy page (their home is the city dashboard)
        Browser.signIn(browser, stack.baseUrl(), "/subsidy.html", "sq-cuiyuan", "community-pass-1");
        wait.until(ExpectedConditions.urlContains("/subsidy.html"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "钱桂英"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "翠苑社区"));
        clickIn(row, "button.approve");
        wait.until(ExpectedConditions.attributeToBe(row, "data-status", "PENDING_BUREAU"));
        // the bureau's step: no buttons for the community officer any more
        wait.until(d -> d.findElement(row)
                .findElements(By.cssSelector("button.approve"))
                .isEmpty());

        browser.manage().deleteAllCookies();
        Browser.signIn(browser, stack.baseUrl(), "/subsidy.html", "mzj-li", "bureau-pass-1");
        wait.until(ExpectedConditions.urlContains("/subsidy.html"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        clickIn(row, "button.approve");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#holders tr[data-senior='" + senior + "']")));
        assertThat(admin.get("/api/subsidy/applications/" + application)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("APPROVED");

        clickIn(By.cssSelector("#holders tr[data-senior='" + senior + "']"), "td.link");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wallet-summary")));
        assertThat(browser.findElement(By.id("wallet-summary")).getText()).contains("钱桂英");
    }
}
