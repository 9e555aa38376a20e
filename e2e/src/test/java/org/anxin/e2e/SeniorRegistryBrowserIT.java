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
}
