package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The one-key SOS page on a phone (headless Chromium at 360 × 740) as a real device: the desk
 * prints its link, the senior presses, the countdown runs out, the SOS travels as MQTT over
 * WebSocket through the gateway and appears on the operator's console; the operator takes it and
 * the phone says help is coming.
 */
class SosPageBrowserIT extends BrowserTest {

    @Test
    void aPressAfterTheCountdownRaisesAnAlarmOnTheConsoleAndTheTakingReachesThePhone() throws Exception {
        stack.user("op-sos", "operator-pass-sos", "OPERATOR");
        long senior = stack.senior("邱玉珍", 30.28, 120.16);

        // the desk makes the senior's personal link
        Browser.signIn(browser, stack.baseUrl(), "/sos-links.html", "op-sos", "operator-pass-sos");
        wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#senior option[value='" + senior + "']")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("senior")))
                .selectByValue(Long.toString(senior));
        browser.findElement(By.cssSelector("#sos-link-form button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sos-card")));
        String link = browser.findElement(By.id("sos-link")).getDomProperty("value");
        assertThat(link)
                .startsWith(stack.baseUrl() + "/sos.html#d=app-" + senior + "-")
                .contains("&k=");
        assertThat((Boolean) ((JavascriptExecutor) browser)
                        .executeScript("const c = document.getElementById('sos-qr');"
                                + " const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                                + " for (let i = 0; i < px.length; i += 4) { if (px[i] === 0) return true; }"
                                + " return false;"))
                .as("the QR code is drawn")
                .isTrue();
        String deviceId = link.substring(link.indexOf("#d=") + 3, link.indexOf("&k="));

        // the operator watches the console
        browser.get(stack.baseUrl() + "/operator.html");
        wait.until(ExpectedConditions.attributeToBe(By.id("feed-state"), "data-state", "live"));

        ChromeDriver phone = Browser.start();
        try {
            phone.manage().window().setSize(new Dimension(360, 740));
            WebDriverWait phoneWait = new WebDriverWait(phone, java.time.Duration.ofSeconds(20));
            phone.get(link);
            phoneWait.until(ExpectedConditions.attributeToBe(By.id("sos-connection"), "data-state", "online"));
            assertThat(phone.getCurrentUrl())
                    .as("the secret leaves the address bar")
                    .doesNotContain("k=");
            assertThat(phone.findElement(By.id("sos-state")).getDomAttribute("aria-live"))
                    .isEqualTo("assertive");
            assertThat(phone.findElement(By.id("sos-button")).getSize().getWidth())
                    .isGreaterThanOrEqualTo(250);

            // pressed by mistake: cancelled within the countdown
            phone.findElement(By.id("sos-button")).click();
            phoneWait
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("sos-cancel")))
                    .click();
            phoneWait.until(ExpectedConditions.attributeToBe(By.id("sos-state"), "data-state", "cancelled"));

            // pressed for real: the countdown runs out and the SOS goes
            phone.findElement(By.id("sos-button")).click();
            assertThat(phone.findElement(By.id("sos-countdown")).isDisplayed()).isTrue();
            phoneWait.until(ExpectedConditions.attributeToBe(By.id("sos-state"), "data-state", "sent"));

            By card = By.cssSelector("li.card[data-device-id='" + deviceId + "'][data-status='RAISED']");
            wait.until(ExpectedConditions.visibilityOfElementLocated(card));
            assertThat(browser.findElement(card)
                            .findElement(By.className("senior-name"))
                            .getText())
                    .isEqualTo("邱玉珍");
            assertThat(stack.admin()
                            .get("/api/alarms?status=OPEN")
                            .json()
                            .valueStream()
                            .filter(a -> deviceId.equals(a.get("deviceId").asString()))
                            .count())
                    .as("the cancelled press raised nothing: one alarm")
                    .isEqualTo(1);

            clickIn(card, ".ack");
            phoneWait.until(ExpectedConditions.attributeToBe(By.id("sos-state"), "data-state", "coming"));
            assertThat(phone.findElement(By.id("sos-state")).getText()).contains("救助人员正在赶来");
        } finally {
            phone.quit();
        }
        // the phone's PUBACK reaches the platform as the gateway's DELIVERED report, a moment later
        wait.until(d -> stack.admin()
                .get("/api/devices/" + deviceId + "/commands")
                .json()
                .valueStream()
                .map(c -> c.get("type").asString() + " " + c.get("status").asString())
                .toList()
                .equals(java.util.List.of("HELP_COMING DELIVERED")));
        // the stack is shared: leave no open alarm behind for the console tests that follow
        long alarm = stack.admin()
                .get("/api/alarms?status=OPEN")
                .json()
                .valueStream()
                .filter(a -> deviceId.equals(a.get("deviceId").asString()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        stack.admin()
                .post("/api/alarms/" + alarm + "/resolve", java.util.Map.of("outcome", "HELPED_ON_SITE"))
                .expect(200);
    }

    @Test
    void anOldLinkStopsWorkingOnceTheDeskIssuesANewOne() throws Exception {
        long senior = stack.senior("邱桂芳", 30.28, 120.16);
        String deviceId = "app-" + senior + "-revoked";
        String oldSecret = stack.admin()
                .post("/api/devices", java.util.Map.of("id", deviceId, "protocol", "app", "seniorId", senior))
                .expect(201)
                .json()
                .get("secret")
                .asString();
        stack.admin().post("/api/devices/" + deviceId + "/secret").expect(200);
        browser.manage().window().setSize(new Dimension(360, 740));

        // the gateways cache registrations for 10 s; the page keeps trying until it is refused
        browser.get(stack.baseUrl() + "/sos.html#d=" + deviceId + "&k=" + oldSecret);

        new WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                .until(ExpectedConditions.attributeToBe(By.id("sos-connection"), "data-state", "refused"));
        assertThat(browser.findElement(By.id("sos-connection")).getText()).contains("12349");
        assertThat(browser.findElement(By.id("sos-button")).isEnabled()).isFalse();
    }
}
