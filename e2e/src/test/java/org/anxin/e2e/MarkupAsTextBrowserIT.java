package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A senior whose name and address are markup: every page shows them as text, in lists and in the
 * map's tooltips, and nothing in them runs (a script would set {@code window.__xss}; an injected
 * element would be found in the page).
 */
class MarkupAsTextBrowserIT extends BrowserTest {
    private static final String NAME = "<img src=x onerror=\"window.__xss=1\">";
    private static final String ADDRESS = "<b id=\"injected-address\">莫干山路</b><script>window.__xss=2</script>";

    @Test
    void aSeniorNamedAsMarkupShowsAsTextOnTheConsoleTheMapAndTheFamilyPage() throws Exception {
        long senior = stack.admin()
                .post(
                        "/api/seniors",
                        Map.of("name", NAME, "phone", "13900000077", "address", ADDRESS, "lat", 30.291, "lon", 120.141))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        String secret = stack.admin()
                .post("/api/devices", Map.of("id", "e2e-btn-markup", "protocol", "mqtt", "seniorId", senior))
                .expect(201)
                .json()
                .get("secret")
                .asString();
        stack.user("op-markup", "operator-pass-m", "OPERATOR");
        stack.user("fam-markup", "family-pass-m", "FAMILY", senior);
        MqttClient button = Devices.connect(stack.mqttPort(), "e2e-btn-markup", secret);
        Devices.publish(button, "e2e-btn-markup", "{\"type\":\"SOS\",\"lat\":30.291,\"lon\":120.141}");
        Devices.close(button);

        Browser.signIn(browser, stack.baseUrl(), "/operator.html", "op-markup", "operator-pass-m");
        By card = By.cssSelector("li.card[data-device-id='e2e-btn-markup']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(card));
        // looked up afresh on each try: the console redraws its cards as the feed moves, and an
        // element held from before a redraw is stale (seen once in a full run)
        wait.until(ExpectedConditions.textToBe(
                By.cssSelector("li.card[data-device-id='e2e-btn-markup'] .senior-name"), NAME));
        wait.until(ExpectedConditions.textToBe(
                By.cssSelector("li.card[data-device-id='e2e-btn-markup'] .senior-address"), ADDRESS));
        List<String> tooltips = openEveryTooltip();
        assertThat(tooltips).anySatisfy(t -> assertThat(t).contains(NAME));
        assertNothingInjected();
        // the record panel shows the name and address as text too
        clickIn(card, ".senior-name");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#record .r-name"), NAME));
        assertThat(browser.findElement(By.cssSelector("#record .r-address")).getText())
                .isEqualTo(ADDRESS);
        assertNothingInjected();

        browser.manage().deleteAllCookies();
        Browser.signIn(browser, stack.baseUrl(), "/family.html", "fam-markup", "family-pass-m");
        By familyCard = By.cssSelector("li.senior-card[data-senior-id='" + senior + "']");
        wait.until(ExpectedConditions.textToBe(
                new By.ByCssSelector("li.senior-card[data-senior-id='" + senior + "'] .s-name"), NAME));
        assertThat(browser.findElement(familyCard).getText()).contains(NAME);
        openEveryTooltip();
        assertNothingInjected();
    }

    @SuppressWarnings("unchecked")
    private List<String> openEveryTooltip() {
        return (List<String>)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "document.querySelectorAll('.leaflet-interactive').forEach((el) =>"
                                        + " el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })));"
                                        + " return Array.from(document.querySelectorAll('.leaflet-tooltip')).map((t) => t.textContent);");
    }

    private void assertNothingInjected() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return window.__xss === undefined;")).isEqualTo(true);
        assertThat(js.executeScript("return document.querySelectorAll('img[src=\"x\"], #injected-address').length;"))
                .isEqualTo(0L);
    }
}
