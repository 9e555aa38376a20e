package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * A contact's preferences, set by the family on a phone-sized (360 px) page and seen by the desk
 * on the senior's page, where the desk grants the limit only it may set.
 */
class ContactPreferencesBrowserIT extends BrowserTest {

    @Test
    void theFamilyChoosesHowAlarmsReachAContactAndTheDeskSeesIt() {
        long senior = stack.senior("卢凤英", 30.2700, 120.1600);
        stack.admin()
                .put(
                        "/api/seniors/" + senior + "/contacts",
                        List.of(
                                Map.of("name", "卢明", "relation", "儿子", "phone", "+8613900006101"),
                                Map.of("name", "卢芳", "relation", "女儿", "phone", "+8613900006102")))
                .expect(200);
        Api family = stack.user("fam-lu", "family-pass-lu", "FAMILY", senior);
        stack.user("op-lu", "operator-pass-lu", "OPERATOR");

        browser.manage().window().setSize(new Dimension(360, 740));
        Browser.signIn(browser, stack.baseUrl(), "/", "fam-lu", "family-pass-lu");
        wait.until(ExpectedConditions.urlContains("/family.html"));
        By card = By.cssSelector("li.senior-card[data-senior-id='" + senior + "']");
        clickIn(card, ".show-contact-prefs");
        By first = By.cssSelector("li.senior-card[data-senior-id='" + senior + "'] li.pref-contact[data-position='1']");
        WebElement contact = wait.until(ExpectedConditions.visibilityOfElementLocated(first));
        assertThat(contact.findElement(By.className("pref-who")).getText()).contains("卢明", "儿子");
        WebElement fall = contact.findElement(By.cssSelector("select[data-kind='FALL']"));
        assertThat(new Select(fall).getOptions())
                .as("a fall always calls: the desk allows nothing else")
                .hasSize(1);
        assertThat(fall.isEnabled()).isFalse();
        new Select(contact.findElement(By.cssSelector("select[data-kind='LOW_BATTERY']"))).selectByValue("FEED");
        contact.findElement(By.className("pref-own-quiet")).click();
        setTime(contact.findElement(By.className("pref-quiet-from")), "23:00");
        setTime(contact.findElement(By.className("pref-quiet-to")), "06:00");
        contact.findElement(By.className("save-prefs")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("family-notice"), "卢明"));
        JsonNode saved = family.get("/api/seniors/" + senior + "/contacts/preferences")
                .expect(200)
                .json()
                .get("contacts")
                .get(0);
        assertThat(saved.get("channels").get("LOW_BATTERY").asString()).isEqualTo("FEED");
        assertThat(saved.get("channels").get("WATCH_REMOVED").asString()).isEqualTo("SMS");
        assertThat(saved.get("quietFrom").asString()).startsWith("23:00");
        assertThat(saved.get("quietTo").asString()).startsWith("06:00");
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
                .as("nothing wider than the phone's 360 px")
                .isLessThanOrEqualTo(360L);

        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 900));
        Browser.signIn(browser, stack.baseUrl(), "/senior.html?id=" + senior, "op-lu", "operator-pass-lu");
        wait.until(ExpectedConditions.urlContains("/senior.html"));
        if (!browser.getCurrentUrl().contains("id=" + senior)) {
            browser.get(stack.baseUrl() + "/senior.html?id=" + senior);
        }
        By deskRow = By.cssSelector("#contact-prefs li.desk-pref[data-position='1']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(deskRow, "23:00–06:00"));
        assertThat(browser.findElement(deskRow).getText()).contains("卢明", "低电量: 只在本页查看", "紧急报警必来电");
        browser.findElement(deskRow).findElement(By.className("toggle-limit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(deskRow, "紧急报警可只收短信"));
        assertThat(family.get("/api/seniors/" + senior + "/contacts/preferences")
                        .json()
                        .get("contacts")
                        .get(0)
                        .get("mayDeclineCalls")
                        .asBoolean())
                .isTrue();
    }

    /** A time input takes its value as typed digits, which differ by locale: set it as a script would. */
    private void setTime(WebElement input, String value) {
        browser.executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", input, value);
    }
}
