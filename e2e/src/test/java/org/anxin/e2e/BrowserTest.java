package org.anxin.e2e;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every portal test in a real browser has: the shared system, a fresh headless Chromium per
 * test, a 20 s wait that looks again when the page re-drew what it was looking at.
 */
abstract class BrowserTest {
    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    protected Stack stack;
    protected ChromeDriver browser;
    protected WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        stack = STACK.stack();
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    /**
     * Clicks the {@code css} element inside {@code container}, finding both anew on each try: a
     * page that re-draws its rows (a list refreshed after loading) makes a found element stale.
     */
    protected void clickIn(By container, String css) {
        wait.until(d -> {
            d.findElement(container).findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }
}
