package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The family's home on a phone-sized (360 px) headless Chromium: the senior's position is on the
 * map and moves when the device reports through the gateway; a safe zone is drawn on the map.
 */
class FamilyHomeBrowserIT extends BrowserTest {
    @BeforeEach
    void phoneSized() {
        browser.manage().window().setSize(new Dimension(360, 740));
    }

    @Test
    void theFamilySeesTheLiveDotMoveWhenTheDeviceReports() throws Exception {
        long senior = stack.senior("杨秀珍", 30.2900, 120.1400);
        String secret = stack.admin()
                .post("/api/devices", Map.of("id", "e2e-fam-watch", "protocol", "mqtt", "seniorId", senior))
                .expect(201)
                .json()
                .get("secret")
                .asString();
        stack.user("fam-yang", "family-pass-yang", "FAMILY", senior);
        MqttClient watch = Devices.connect(stack.mqttPort(), "e2e-fam-watch", secret);
        try {
            Devices.publish(
                    watch,
                    "e2e-fam-watch",
                    "{\"type\":\"LOCATION\",\"lat\":30.29100,\"lon\":120.14100,\"battery\":81}");

            Browser.signIn(browser, stack.baseUrl(), "/", "fam-yang", "family-pass-yang");
            wait.until(ExpectedConditions.urlContains("/family.html"));
            By card = By.cssSelector("li.senior-card[data-senior-id='" + senior + "']");
            wait.until(d -> d.findElement(card)
                    .findElement(By.className("s-position"))
                    .getDomAttribute("data-lat")
                    .startsWith("30.291"));
            wait.until(ExpectedConditions.attributeToBe(By.id("family-feed"), "data-state", "live"));
            WebElement home = browser.findElement(card);
            assertThat(home.findElement(By.className("s-name")).getText()).isEqualTo("杨秀珍");
            assertThat(home.findElement(By.className("s-battery")).getText()).isEqualTo("81%");
            assertThat(home.findElement(By.className("s-source")).getText()).isEqualTo("卫星定位 GPS");
            assertThat(home.findElement(By.className("s-online")).getText()).contains("e2e-fam-watch", "在线");
            assertThat(dotLat(senior)).isEqualTo(30.291);

            Devices.publish(
                    watch,
                    "e2e-fam-watch",
                    "{\"type\":\"LOCATION\",\"lat\":30.29500,\"lon\":120.14600,\"battery\":80}");

            wait.until(d -> dotLat(senior) == 30.295);
            assertThat(browser.findElement(card)
                            .findElement(By.className("s-position"))
                            .getText())
                    .isEqualTo("30.29500, 120.14600");
            assertThat(browser.findElement(card)
                            .findElement(By.className("s-battery"))
                            .getText())
                    .isEqualTo("80%");
            assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
                    .as("nothing wider than the phone's 360 px")
                    .isLessThanOrEqualTo(360L);
            // kept for a person to look at (target/ only)
            java.nio.file.Files.copy(
                    browser.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
                    java.nio.file.Path.of("target", "family-home-360.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Devices.close(watch);
        }
    }

    @Test
    void theFamilyDrawsAndResizesACircleZoneWithNightHours() {
        long senior = stack.senior("许桂兰", 30.2800, 120.1500);
        Api family = stack.user("fam-xu", "family-pass-xu", "FAMILY", senior);
        Browser.signIn(browser, stack.baseUrl(), "/", "fam-xu", "family-pass-xu");
        wait.until(ExpectedConditions.urlContains("/family.html"));
        By card = By.cssSelector("li.senior-card[data-senior-id='" + senior + "']");
        clickIn(card, ".show-zones");
        clickIn(card, ".draw-circle");
        WebElement map = browser.findElement(card).findElement(By.className("s-map"));
        new Actions(browser).moveToElement(map).click().perform(); // the centre: the middle of the map
        WebElement edge = wait.until(d -> d.findElement(card).findElement(By.cssSelector(".zone-handle-edge")));
        new Actions(browser).dragAndDropBy(edge, 40, 0).perform();
        WebElement form = browser.findElement(card).findElement(By.className("zone-form"));
        form.findElement(By.className("zone-name")).sendKeys("家");
        setTime(form.findElement(By.className("zone-from")), "20:00");
        setTime(form.findElement(By.className("zone-to")), "07:00");
        form.findElement(By.className("save-zone")).click();

        wait.until(d -> d.findElement(card)
                        .findElements(By.cssSelector(".zone-list li.zone"))
                        .size()
                == 1);
        JsonNode zones =
                family.get("/api/seniors/" + senior + "/geofences").expect(200).json();
        assertThat(zones.size()).isEqualTo(1);
        JsonNode zone = zones.get(0);
        assertThat(zone.get("name").asString()).isEqualTo("家");
        assertThat(zone.get("activeFrom").asString()).startsWith("20:00");
        assertThat(zone.get("activeTo").asString()).startsWith("07:00");
        // the map's middle is the senior's home; the edge was dragged outwards from the 150 m default
        assertThat(zone.get("centerLat").asDouble()).isCloseTo(30.2800, org.assertj.core.data.Offset.offset(0.001));
        assertThat(zone.get("centerLon").asDouble()).isCloseTo(120.1500, org.assertj.core.data.Offset.offset(0.001));
        assertThat(zone.get("radiusMeters").asDouble()).isGreaterThan(160);
        assertThat(browser.findElement(card)
                        .findElement(By.cssSelector(".zone-list li.zone"))
                        .getText())
                .contains("家", "20:00–07:00");
    }

    private double dotLat(long senior) {
        Object lat = browser.executeScript(
                "const c = FamilyHome.cards().get(arguments[0]); return c && c.dot ? c.dot.getLatLng().lat : null;",
                senior);
        return lat == null ? Double.NaN : ((Number) lat).doubleValue();
    }

    /** A time input takes its value as typed digits, which differ by locale: set it as a script would. */
    private void setTime(WebElement input, String value) {
        browser.executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", input, value);
    }
}
