package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/** The operator console in a real headless Chromium: an SOS appears live, without a reload. */
class OperatorConsoleBrowserIT extends BrowserTest {

    @Test
    void anSosAppearsOnTheOperatorsScreenWithoutReload() throws Exception {
        stack.admin()
                .post(
                        "/api/users",
                        Map.of(
                                "username",
                                "op-zhou",
                                "password",
                                "operator-pass-1",
                                "role",
                                "OPERATOR",
                                "displayName",
                                "周接警员"))
                .expect(201);
        String secret = stack.seniorWithButton("刘淑珍", "e2e-btn-browser");

        Browser.signIn(browser, stack.baseUrl(), "/", "op-zhou", "operator-pass-1");
        wait.until(ExpectedConditions.attributeToBe(By.id("feed-state"), "data-state", "live"));
        assertThat(browser.findElement(By.id("whoami")).getText()).isEqualTo("周接警员");
        // a marker that a reload would wipe out
        ((JavascriptExecutor) browser).executeScript("window.__noReload = true;");

        MqttClient button = Devices.connect(stack.mqttPort(), "e2e-btn-browser", secret);
        Devices.publish(button, "e2e-btn-browser", "{\"type\":\"SOS\",\"lat\":30.29,\"lon\":120.14}");
        Devices.close(button);

        By card = By.cssSelector("li.card[data-device-id='e2e-btn-browser'][data-status='RAISED']");
        WebElement raised = wait.until(ExpectedConditions.visibilityOfElementLocated(card));
        assertThat(raised.findElement(By.className("senior-name")).getText()).isEqualTo("刘淑珍");
        assertThat(raised.findElement(By.className("alarm-type")).getText()).isEqualTo("一键呼救");
        assertThat(raised.findElement(By.className("senior-address")).getText()).isEqualTo("拱墅区莫干山路 88 号");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__noReload === true;"))
                .isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector(".leaflet-interactive"))).isNotEmpty();

        // the live feed may re-draw a card at any moment: find it anew for each click
        clickIn(card, ".ack");
        By acknowledgedCard = By.cssSelector("li.card[data-status='ACKNOWLEDGED']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(acknowledgedCard));
        // opening the alarm shows the senior's record and the timeline so far
        clickIn(acknowledgedCard, ".senior-name");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#record .r-name"), "刘淑珍"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#record .r-timeline li"), 2));
        assertThat(browser.findElement(By.cssSelector("#record .r-timeline li.t-acknowledged"))
                        .getText())
                .contains("op-zhou");
        // the button is offline now: "locate now" queues a command for when it is back
        browser.findElement(By.cssSelector("#record .r-devices .locate-device")).click();
        By locateNote =
                By.xpath("//*[@id='record']//ol[contains(@class,'r-timeline')]/li[contains(., 'LOCATE command')]");
        String note = wait.until(ExpectedConditions.visibilityOfElementLocated(locateNote))
                .getText();
        java.util.regex.Matcher number =
                java.util.regex.Pattern.compile("LOCATE command (\\d+)").matcher(note);
        assertThat(number.find()).as(note).isTrue();
        String commandId = number.group(1);
        JsonNode command = stack.admin()
                .get("/api/devices/e2e-btn-browser/commands/" + commandId)
                .expect(200)
                .json();
        assertThat(command.get("type").asString()).isEqualTo("LOCATE");
        assertThat(command.get("status").asString()).isEqualTo("QUEUED");
        assertThat(command.get("createdBy").asString()).isEqualTo("op-zhou");
        wait.until(d -> {
            WebElement acknowledged = d.findElement(acknowledgedCard);
            new Select(acknowledged.findElement(By.className("outcome"))).selectByValue("HELPED_ON_SITE");
            acknowledged.findElement(By.className("resolve")).click();
            return true;
        });
        wait.until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("li.card[data-device-id='e2e-btn-browser']"), 0));

        String status = stack.admin()
                .get("/api/alarms?status=RESOLVED")
                .json()
                .valueStream()
                .filter(a -> "e2e-btn-browser".equals(a.get("deviceId").asString()))
                .map(a -> a.get("status").asString())
                .findFirst()
                .orElseThrow();
        assertThat(status).isEqualTo("RESOLVED");
    }

    @Test
    void theAnswerTimeReportPageShowsWhatTheApiCounts() throws Exception {
        stack.admin()
                .post("/api/users", Map.of("username", "sup-he", "password", "supervisor-pass-1", "role", "SUPERVISOR"))
                .expect(201);
        String secret = stack.seniorWithButton("何桂兰", "e2e-btn-report");
        MqttClient button = Devices.connect(stack.mqttPort(), "e2e-btn-report", secret);
        Devices.publish(button, "e2e-btn-report", "{\"type\":\"FALL\"}");
        Devices.close(button);
        wait.until(d -> stack.admin()
                .get("/api/alarms?status=OPEN")
                .json()
                .valueStream()
                .anyMatch(a -> "e2e-btn-report".equals(a.get("deviceId").asString())));
        String expected = stack.admin()
                .get("/api/reports/answer-times")
                .json()
                .get("count")
                .asString();

        Browser.signIn(browser, stack.baseUrl(), "/reports.html", "sup-he", "supervisor-pass-1");

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#summary tbody tr"), 2));
        assertThat(browser.findElement(By.cssSelector("#summary tbody tr td:nth-child(2)"))
                        .getText())
                .isEqualTo(expected);
        assertThat(browser.findElement(By.cssSelector("#summary tbody tr:nth-child(2) td:nth-child(4)"))
                        .getText())
                .isEqualTo("97.5 %");
    }

    @Test
    void switchesTheConsoleToEnglish() throws Exception {
        browser.get(stack.baseUrl() + "/login.html");

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-lang='en']")))
                .click();

        assertThat(browser.findElement(By.id("sign-in")).getText()).isEqualTo("Sign in");
        browser.findElement(By.cssSelector("[data-lang='zh-CN']")).click();
        assertThat(browser.findElement(By.id("sign-in")).getText()).isEqualTo("登录");
    }

    @Test
    void rejectsAWrongPasswordOnTheLoginPage() throws Exception {
        Browser.signIn(browser, stack.baseUrl(), "/operator.html", "admin", "definitely-wrong");

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(browser.getCurrentUrl()).contains("/login.html?error");
    }
}
