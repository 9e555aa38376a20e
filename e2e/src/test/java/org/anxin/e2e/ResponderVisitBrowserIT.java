package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * A worker's home-service visit on the responder's phone page in a real headless Chromium, the
 * phone's position set through Chromium's geolocation override: accepted, set off, checked in at
 * the door, started and checked out; a check-in 2 km from the home refused, then taken with a
 * reason and flagged; a visit declined with a reason.
 */
class ResponderVisitBrowserIT extends BrowserTest {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Test
    void aWorkerTakesAVisitFromAcceptToCheckOutOnThePage() {
        double lat = 27.9938;
        double lon = 120.6994; // Wenzhou, away from every other test's responders
        long senior = stack.senior("吴凤英", lat, lon);
        stack.bathingWorker("上门护工小吴", "rsp-wu", lat + 0.0009, lon);
        // a minute of its own four days ahead, so that this batch holds only this order
        Instant from = LocalDate.now(CITY)
                .plusDays(4)
                .atTime(LocalTime.of(10, 13))
                .atZone(CITY)
                .toInstant();
        long order = stack.bathingVisitAssigned(stack.admin(), senior, from);

        Browser.signIn(browser, stack.baseUrl(), "/", "rsp-wu", "responder-pass-rsp-wu");
        wait.until(ExpectedConditions.urlContains("/responder.html"));
        double doorLat = lat + 0.0003; // at the door, 33 m from the home's point
        phoneAt(doorLat, lon);
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(visit(order, "ASSIGNED")));
        assertThat(card.findElement(By.className("v-item")).getText()).isEqualTo("助浴");
        assertThat(card.findElement(By.className("v-senior")).getText()).isEqualTo("吴凤英");
        assertThat(card.findElement(By.className("v-phone")).getDomAttribute("href"))
                .isEqualTo("tel:13900000001");
        String day = from.atZone(CITY).toLocalDate().toString();
        assertThat(card.findElement(By.className("v-window")).getText()).isEqualTo(day + " 10:13–12:13");

        step(order, "ASSIGNED", "accept");
        step(order, "ACCEPTED", "en-route");
        phoneAt(doorLat, lon); // a fresh fix for the check-in
        step(order, "EN_ROUTE", "arrive");
        wait.until(ExpectedConditions.visibilityOfElementLocated(visit(order, "ARRIVED")));
        assertThat(browser.findElement(By.id("visit-notice")).getText()).startsWith("已签到，距老人家 33 米");
        step(order, "ARRIVED", "start");
        phoneAt(doorLat, lon);
        step(order, "IN_SERVICE", "check-out");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-visits")));
        assertThat(browser.findElement(By.id("visit-notice")).getText()).isEqualTo("已签退，在场 0 分钟");

        JsonNode done = stack.admin().get("/api/orders/" + order).expect(200).json();
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("arrivedMeters").asInt()).isEqualTo(33);
        assertThat(done.get("serviceMinutes").asInt()).isZero();
        assertThat(done.get("anomalies").valueStream().map(a -> a.get("kind").asString()))
                .doesNotContain("FAR_CHECK_IN");
    }

    @Test
    void aCheckInTwoKilometresAwayIsRefusedThenTakenWithAReasonAndFlagged() {
        double lat = 29.0790;
        double lon = 119.6474; // Jinhua, away from every other test's responders
        long senior = stack.senior("郑桂兰", lat, lon);
        Api worker = stack.bathingWorker("上门护工小郑", "rsp-zheng", lat + 0.0009, lon);
        Instant from = LocalDate.now(CITY)
                .plusDays(4)
                .atTime(LocalTime.of(10, 29))
                .atZone(CITY)
                .toInstant();
        long order = stack.bathingVisitAssigned(stack.admin(), senior, from);
        worker.post("/api/responder/orders/" + order + "/accept").expect(200);
        worker.post("/api/responder/orders/" + order + "/en-route").expect(200);

        Browser.signIn(browser, stack.baseUrl(), "/", "rsp-zheng", "responder-pass-rsp-zheng");
        wait.until(ExpectedConditions.urlContains("/responder.html"));
        phoneAt(lat + 0.018, lon); // 2 km north of the home
        step(order, "EN_ROUTE", "arrive");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("visit-error")));
        assertThat(error.getText()).matches("操作失败（409）：you are 200\\d m from the senior's home; .*");
        assertThat(status(order)).isEqualTo("EN_ROUTE");

        step(order, "EN_ROUTE", "elsewhere");
        Alert reason = wait.until(ExpectedConditions.alertIsPresent());
        reason.sendKeys("老人在社区卫生站输液，在那里会合");
        reason.accept();
        wait.until(ExpectedConditions.visibilityOfElementLocated(visit(order, "ARRIVED")));

        JsonNode flagged = stack.admin().get("/api/orders/" + order).expect(200).json();
        assertThat(flagged.get("status").asString()).isEqualTo("ARRIVED");
        assertThat(flagged.get("farReason").asString()).isEqualTo("老人在社区卫生站输液，在那里会合");
        assertThat(flagged.get("anomalies").valueStream().map(a -> a.get("kind").asString()))
                .contains("FAR_CHECK_IN"); // and MISSING_CHECK_OUT until the check-out
    }

    @Test
    void aDeclinedVisitLeavesThePageAndGoesBackToTheDeskWithTheReason() {
        double lat = 28.6564;
        double lon = 121.4208; // Taizhou, away from every other test's responders
        long senior = stack.senior("林美华", lat, lon);
        stack.bathingWorker("上门护工小林", "rsp-lin", lat + 0.0009, lon);
        Instant from = LocalDate.now(CITY)
                .plusDays(4)
                .atTime(LocalTime.of(10, 47))
                .atZone(CITY)
                .toInstant();
        long order = stack.bathingVisitAssigned(stack.admin(), senior, from);

        Browser.signIn(browser, stack.baseUrl(), "/", "rsp-lin", "responder-pass-rsp-lin");
        step(order, "ASSIGNED", "decline");
        Alert reason = wait.until(ExpectedConditions.alertIsPresent());
        reason.sendKeys("当天要陪家人看病");
        reason.accept();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-visits")));

        assertThat(status(order)).isEqualTo("REQUESTED");
        assertThat(stack.admin()
                        .get("/api/orders/" + order)
                        .json()
                        .get("timeline")
                        .valueStream()
                        .filter(step -> "DECLINED".equals(step.get("action").asString()))
                        .map(step -> step.get("note").asString()))
                .containsExactly("当天要陪家人看病");
    }

    /**
     * Chromium answers the page's geolocation with this place, without asking. Emulation sends one
     * fix when set, to the page's running watch; setting it again is the phone's next fix.
     */
    private void phoneAt(double lat, double lon) {
        browser.executeCdpCommand(
                "Browser.grantPermissions", Map.of("origin", stack.baseUrl(), "permissions", List.of("geolocation")));
        browser.executeCdpCommand(
                "Emulation.setGeolocationOverride", Map.of("latitude", lat, "longitude", lon, "accuracy", 5));
    }

    private static By visit(long order, String status) {
        return By.cssSelector("li.visit[data-order-id='" + order + "'][data-status='" + status + "']");
    }

    /** Clicks the step's button on the visit's card while it is in that status. */
    private void step(long order, String status, String action) {
        clickIn(visit(order, status), ".step-" + action);
    }

    private String status(long order) {
        return stack.admin().get("/api/orders/" + order).json().get("status").asString();
    }
}
