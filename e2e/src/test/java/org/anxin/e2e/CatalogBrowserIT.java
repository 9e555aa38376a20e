package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/** The admin's catalogue page in a real headless Chromium: add, price, deactivate, providers; others refused. */
class CatalogBrowserIT extends BrowserTest {

    @Test
    void anAdminAddsAnItemChangesItsPriceChoosesItsProviderAndDeactivatesIt() {
        long provider = stack.admin()
                .post("/api/providers", Map.of("name", "锦江区探访服务队", "kind", "VOLUNTEER_TEAM"))
                .expect(201)
                .json()
                .get("id")
                .asLong();

        Browser.signIn(browser, stack.baseUrl(), "/catalog.html", "admin", stack.adminPassword());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section[data-category='VISITING']")));
        WebElement add = browser.findElement(By.id("add-form"));
        new Select(add.findElement(By.className("category"))).selectByValue("VISITING");
        add.findElement(By.className("name")).sendKeys("上门探访");
        add.findElement(By.className("name-en")).sendKeys("home visit");
        add.findElement(By.className("price")).sendKeys("25");
        add.findElement(By.className("duration")).sendKeys("45");
        new Select(add.findElement(By.className("skill"))).selectByValue("NURSING");
        browser.findElement(By.id("add-item")).click();

        long id = wait.until(d -> item("上门探访"));
        By row = By.cssSelector("section[data-category='VISITING'] tr[data-item-id='" + id + "']");
        WebElement price =
                wait.until(ExpectedConditions.visibilityOfElementLocated(row)).findElement(By.className("price"));
        assertThat(price.getDomProperty("value")).isEqualTo("25");
        price.clear();
        price.sendKeys("32.5");
        browser.findElement(row).findElement(By.className("save-item")).click();
        wait.until(d -> catalogItem(id) != null
                && catalogItem(id).get("priceYuan").decimalValue().compareTo(new BigDecimal("32.50")) == 0);
        assertThat(catalogItem(id).get("durationMinutes").asInt()).isEqualTo(45);
        assertThat(catalogItem(id).get("skill").asString()).isEqualTo("NURSING");

        new Select(browser.findElement(By.id("provider"))).selectByValue(Long.toString(provider));
        browser.findElement(By.cssSelector("#offered input[value='" + id + "']"))
                .click();
        browser.findElement(By.id("save-provider")).click();
        wait.until(d -> catalogItem(id)
                .get("providers")
                .valueStream()
                .anyMatch(p -> p.get("id").asLong() == provider));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("tr[data-item-id='" + id + "'] .item-providers"), "锦江区探访服务队"));

        browser.findElement(row).findElement(By.className("active")).click();
        browser.findElement(row).findElement(By.className("save-item")).click();
        wait.until(d -> catalogItem(id) == null);
        // no longer bookable, but still on the admin's page to be switched back on
        wait.until(ExpectedConditions.attributeContains(
                By.cssSelector("tr[data-item-id='" + id + "']"), "class", "inactive"));
    }

    @Test
    void aFamilyUserOpeningTheCataloguePageIsShownTheRefusalAndNoEditor() {
        long senior = stack.senior("吴桂兰", 30.6700, 104.0800);
        stack.user("fam-wu", "family-pass-5", "FAMILY", senior);

        Browser.signIn(browser, stack.baseUrl(), "/catalog.html", "fam-wu", "family-pass-5");

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("catalog-error")));
        assertThat(error.getText())
                .isEqualTo("操作失败（403）：only an admin edits the catalogue and sees its inactive items");
        assertThat(browser.findElement(By.id("editor")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("tr.item-row"))).isEmpty();
        // their way back is to their own page, not the desk's
        assertThat(browser.findElement(By.cssSelector("a.nav-link[href='/family.html']"))
                        .isDisplayed())
                .isTrue();
        assertThat(browser.findElement(By.cssSelector("a.nav-link[href='/operator.html']"))
                        .isDisplayed())
                .isFalse();
    }

    /** The bookable item with the id, or null when the catalogue does not list it. */
    private JsonNode catalogItem(long id) {
        return stack.catalogItem(i -> i.get("id").asLong() == id).orElse(null);
    }

    private Long item(String name) {
        return stack.catalogItem(i -> i.get("name").asString().equals(name))
                .map(i -> i.get("id").asLong())
                .orElse(null);
    }
}
