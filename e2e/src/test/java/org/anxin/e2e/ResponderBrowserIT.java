package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The responder's phone page in a real headless Chromium: an offer arrives, is accepted, and the job is done. */
class ResponderBrowserIT extends BrowserTest {

    @Test
    void aResponderAcceptsAnOfferArrivesAndFinishes() throws Exception {
        Api admin = stack.admin();
        admin.post("/api/users", Map.of("username", "rsp-wang", "password", "responder-pass-1", "role", "RESPONDER"))
                .expect(201);
        long provider = admin.post("/api/providers", Map.of("name", "拱墅社区服务站", "kind", "COMMUNITY_STATION"))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        long responder = admin.post(
                        "/api/responders",
                        Map.of(
                                "name", "王师傅",
                                "phone", "+8613600000001",
                                "providerId", provider,
                                "skills", List.of("FIRST_AID"),
                                "mode", "EBIKE",
                                "username", "rsp-wang"))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        // 100 m from where the senior presses the button
        admin.put("/api/responders/" + responder + "/position", Map.of("lat", 30.2909, "lon", 120.14))
                .expect(200);
        admin.put("/api/responders/" + responder + "/status", Map.of("status", "AVAILABLE"))
                .expect(200);

        String secret = stack.seniorWithButton("孔秀兰", "e2e-btn-responder");
        MqttClient button = Devices.connect(stack.mqttPort(), "e2e-btn-responder", secret);
        Devices.publish(button, "e2e-btn-responder", "{\"type\":\"SOS\",\"lat\":30.29,\"lon\":120.14}");
        Devices.close(button);
        long alarm = wait.until(d -> admin.get("/api/alarms?status=OPEN")
                .json()
                .valueStream()
                .filter(a -> "e2e-btn-responder".equals(a.get("deviceId").asString()))
                .map(a -> a.get("id").asLong())
                .findFirst()
                .orElse(null));
        admin.post("/api/dispatch/alarms/" + alarm).expect(200);

        browser.get(stack.baseUrl() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys("rsp-wang");
        browser.findElement(By.id("password")).sendKeys("responder-pass-1");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.urlContains("/responder.html"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.offer .accept")))
                .click();
        wait.until(ExpectedConditions.attributeToBe(By.id("job"), "data-status", "ACCEPTED"));
        assertThat(browser.findElement(By.cssSelector("#job .job-name")).getText())
                .isEqualTo("孔秀兰");
        assertThat(status(alarm)).isEqualTo("DISPATCHED");

        browser.findElement(By.id("arrived")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("job"), "data-status", "ARRIVED"));
        assertThat(status(alarm)).isEqualTo("RESPONDER_ON_SCENE");

        new Select(browser.findElement(By.id("job-outcome"))).selectByValue("HELPED_ON_SITE");
        browser.findElement(By.id("done")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-job")));
        assertThat(status(alarm)).isEqualTo("RESOLVED");
        assertThat(admin.get("/api/alarms/" + alarm).json().get("responder").asString())
                .isEqualTo("王师傅");
    }

    @Test
    void theCoveragePageListsTheSeniorsNobodyCanReach() throws Exception {
        Api admin = stack.admin();
        admin.post("/api/users", Map.of("username", "op-feng", "password", "operator-pass-1", "role", "OPERATOR"))
                .expect(201);
        // far from every responder any test registers (Harbin, not Hangzhou)
        long alone = admin.post(
                        "/api/seniors",
                        Map.of(
                                "name", "冯玉珍",
                                "address", "道里区中央大街 1 号",
                                "community", "中央大街社区",
                                "lat", 45.7732,
                                "lon", 126.6170))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        List<String> expected = admin.get("/api/coverage?kind=emergency")
                .json()
                .get("uncovered")
                .valueStream()
                .map(u -> u.get("seniorId").asString())
                .toList();
        assertThat(expected).contains(Long.toString(alone));

        browser.get(stack.baseUrl() + "/coverage.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys("op-feng");
        browser.findElement(By.id("password")).sendKeys("operator-pass-1");
        browser.findElement(By.id("sign-in")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#uncovered-list li[data-senior-id='" + alone + "']")));
        List<String> shown = browser.findElements(By.cssSelector("#uncovered-list li")).stream()
                .map(li -> li.getDomAttribute("data-senior-id"))
                .toList();
        assertThat(shown).containsExactlyElementsOf(expected);
        assertThat(browser.findElement(By.cssSelector("#per-community tbody")).getText())
                .contains("中央大街社区 1 0 0 %");
        // every senior with a home is one dot on the map, red when nobody can reach them
        assertThat(browser.findElements(By.cssSelector("#map path.leaflet-interactive[fill='#e53935']")))
                .hasSize(expected.size());
    }

    private String status(long alarm) {
        return stack.admin().get("/api/alarms/" + alarm).json().get("status").asString();
    }
}
