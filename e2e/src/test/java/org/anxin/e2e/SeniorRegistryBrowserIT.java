package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The senior page in a real headless Chromium: the desk enrols a senior and a device from the
 * page, sees the device's secret once (with the installer's QR code), finds the senior again with
 * the search box of another desk page, and the device, logging in with that secret, raises an SOS
 * that reaches the operator's console.
 */
class SeniorRegistryBrowserIT extends BrowserTest {

    @Test
    void theDeskEnrolsASeniorAndADeviceWhoseSosReachesTheConsole() throws Exception {
        stack.user("op-registry", "operator-pass-reg", "OPERATOR");
        Browser.signIn(browser, stack.baseUrl(), "/senior.html", "op-registry", "operator-pass-reg");

        // enrol
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-name")))
                .sendKeys("柏素琴");
        browser.findElement(By.id("f-phone")).sendKeys("13677770001");
        browser.findElement(By.id("f-idCardLast4")).sendKeys("402x");
        browser.findElement(By.id("f-address")).sendKeys("上城区清波街 9 号");
        browser.findElement(By.id("f-lat")).sendKeys("30.245");
        browser.findElement(By.id("f-lon")).sendKeys("120.165");
        browser.findElement(By.id("f-community")).sendKeys("清波社区");
        new Select(browser.findElement(By.id("f-livingSituation"))).selectByValue("LIVES_ALONE");
        browser.findElement(By.id("f-allergies")).sendKeys("青霉素");
        browser.findElement(By.id("f-doorNotes")).sendKeys("钥匙在社区网格员处");
        browser.findElement(By.id("save-record")).click();
        wait.until(ExpectedConditions.urlContains("/senior.html?id="));
        String url = browser.getCurrentUrl();
        long senior = Long.parseLong(url.replaceAll(".*[?&]id=(\\d+).*", "$1"));
        JsonNode profile =
                stack.admin().get("/api/seniors/" + senior + "/profile").json();
        assertThat(profile.get("name").asString()).isEqualTo("柏素琴");
        assertThat(profile.get("idCardLast4").asString()).isEqualTo("402X");
        assertThat(profile.get("livingSituation").asString()).isEqualTo("LIVES_ALONE");
        assertThat(profile.get("allergies").asString()).isEqualTo("青霉素");
        assertThat(profile.get("doorNotesSet").asBoolean()).isTrue();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "livingSituation: LIVES_ALONE"));

        // a device, its secret shown once with the installer's QR code
        String deviceId = "reg-btn-" + senior;
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("device-id")))
                .sendKeys(deviceId);
        new Select(browser.findElement(By.id("device-protocol"))).selectByValue("mqtt");
        browser.findElement(By.id("register-device")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("device-card")));
        String secret = browser.findElement(By.id("card-secret")).getText().strip();
        assertThat(secret).hasSizeGreaterThan(10);
        assertThat((Boolean) ((JavascriptExecutor) browser)
                        .executeScript("const c = document.getElementById('device-qr');"
                                + " const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                                + " for (let i = 0; i < px.length; i += 4) { if (px[i] === 0) return true; }"
                                + " return false;"))
                .as("the QR code is drawn")
                .isTrue();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("devices"), deviceId));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("devices"), deviceId));
        assertThat(browser.findElement(By.id("device-card")).isDisplayed()).isFalse();
        assertThat(browser.getPageSource()).as("the secret is shown once only").doesNotContain(secret);

        // the search box of the console finds the senior and opens the page
        browser.get(stack.baseUrl() + "/operator.html");
        wait.until(ExpectedConditions.attributeToBe(By.id("feed-state"), "data-state", "live"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".senior-search-input")))
                .sendKeys("402X");
        By hit = By.cssSelector(".senior-search-hits a[href='/senior.html?id=" + senior + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(hit));
        browser.findElement(By.cssSelector(".senior-search-input")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/senior.html?id=" + senior));
        wait.until(ExpectedConditions.attributeToBe(By.id("f-name"), "value", "柏素琴"));

        // the device logs in with the secret the page showed, and its SOS reaches the console
        browser.get(stack.baseUrl() + "/operator.html");
        wait.until(ExpectedConditions.attributeToBe(By.id("feed-state"), "data-state", "live"));
        MqttClient button = Devices.connect(stack.mqttPort(), deviceId, secret);
        try {
            Devices.publish(button, deviceId, "{\"type\":\"SOS\",\"lat\":30.245,\"lon\":120.165}");
        } finally {
            Devices.close(button);
        }
        By card = By.cssSelector("li.card[data-device-id='" + deviceId + "'][data-status='RAISED']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(card));
        assertThat(browser.findElement(card)
                        .findElement(By.className("senior-name"))
                        .getText())
                .isEqualTo("柏素琴");

        // the stack is shared: leave no open alarm behind
        long alarm = stack.admin()
                .get("/api/alarms?status=OPEN")
                .json()
                .valueStream()
                .filter(a -> deviceId.equals(a.get("deviceId").asString()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        stack.admin().post("/api/alarms/" + alarm + "/acknowledge").expect(200);
        stack.admin()
                .post("/api/alarms/" + alarm + "/resolve", Map.of("outcome", "HELPED_ON_SITE"))
                .expect(200);
    }

    @Test
    void theDeskPlansWeeklyVisitsThatAreBookedAsOrders() {
        long senior = stack.admin()
                .post("/api/seniors", Map.of("name", "葛玉珍", "address", "上城区清波街 11 号", "lat", 30.246, "lon", 120.166))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        stack.user("op-visits", "operator-pass-vis", "OPERATOR");
        Browser.signIn(browser, stack.baseUrl(), "/senior.html?id=" + senior, "op-visits", "operator-pass-vis");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#vp-item option")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("visit-plans"), "暂无"));
        browser.findElement(By.cssSelector("input[name='vp-day'][value='4']")).click(); // Thursday
        ((JavascriptExecutor) browser).executeScript("document.getElementById('vp-time').value = '10:00';");
        browser.findElement(By.id("vp-notes")).sendKeys("每周巡访：量血压");
        browser.findElement(By.cssSelector("#visit-plan-form button[type='submit']"))
                .click();

        // four or five Thursdays, each an order of its own
        wait.until(d -> d.findElements(By.cssSelector(".plan-date-booked")).size() >= 4);
        JsonNode plan = stack.admin()
                .get("/api/seniors/" + senior + "/visit-plans")
                .json()
                .get(0);
        assertThat(plan.get("weekdays").get(0).asInt()).isEqualTo(4);
        assertThat(plan.get("notes").asString()).isEqualTo("每周巡访：量血压");
        JsonNode dates = stack.admin()
                .get("/api/visit-plans/" + plan.get("id").asLong())
                .json()
                .get("dates");
        assertThat(dates.size())
                .isEqualTo(browser.findElements(By.cssSelector(".plan-date-booked"))
                        .size());
        dates.forEach(d -> assertThat(stack.admin()
                        .get("/api/orders/" + d.get("orderId").asLong())
                        .json()
                        .get("seniorId")
                        .asLong())
                .isEqualTo(senior));

        browser.findElement(By.cssSelector(".visit-plan .stop-plan")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("visit-plans"), "已停止"));
        // the stack is shared: leave no open order behind
        dates.forEach(d -> stack.admin()
                .post("/api/orders/" + d.get("orderId").asLong() + "/cancel", Map.of("note", "test over"))
                .expect(200));
    }

    @Test
    void theDeskSchedulesCareCallsForASeniorWhoLivesAloneAndStopsThem() {
        long senior = stack.admin()
                .post("/api/seniors", Map.of("name", "邵桂芝", "address", "拱墅区湖墅南路 7 号", "lat", 30.28, "lon", 120.15))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        stack.admin()
                .put("/api/seniors/" + senior, Map.of("livingSituation", "LIVES_ALONE"))
                .expect(200);
        stack.user("op-care", "operator-pass-care", "OPERATOR");
        Browser.signIn(browser, stack.baseUrl(), "/senior.html?id=" + senior, "op-care", "operator-pass-care");

        // a senior who lives alone without care calls: the page suggests them
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("care-hint")));
        assertThat(browser.findElement(By.id("care-hint")).getText()).contains("独居或空巢");
        new Select(browser.findElement(By.id("cs-frequency"))).selectByValue("WEEKLY");
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cs-day")))).selectByValue("3");
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById('cs-start').value = '15:00';"
                        + "document.getElementById('cs-end').value = '16:00';");
        browser.findElement(By.cssSelector("#care-schedule-form button[type='submit']"))
                .click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("care-schedules"), "每周三 15:00–16:00"));
        assertThat(browser.findElement(By.id("care-hint")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("care-schedule-form")).isDisplayed())
                .isFalse();
        JsonNode schedule = stack.admin()
                .get("/api/care-calls/schedules?seniorId=" + senior)
                .json()
                .get(0);
        assertThat(schedule.get("frequency").asString()).isEqualTo("WEEKLY");
        assertThat(schedule.get("dayOfWeek").asInt()).isEqualTo(3);
        assertThat(schedule.get("windowStart").asString()).startsWith("15:00");
        assertThat(schedule.get("createdBy").asString()).isEqualTo("op-care");

        browser.findElement(By.cssSelector(".care-schedule .stop-care")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("care-schedules"), "已停止"));
        assertThat(stack.admin()
                        .get("/api/care-calls/schedules?seniorId=" + senior)
                        .json()
                        .get(0)
                        .get("active")
                        .asBoolean())
                .isFalse();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("care-schedule-form")));
    }
}
