package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A user changes their password on the account page: the browser they did it in stays signed in,
 * the one signed in elsewhere is sent to the login page with a notice saying why, in Chinese and
 * in English.
 */
class PasswordChangeBrowserIT extends BrowserTest {

    @Test
    void aPasswordChangedOnTheAccountPageEndsTheOtherBrowsersSessionAndTellsItWhy() throws Exception {
        stack.user("acct-he", "acct-pass-1", "OPERATOR");
        ChromeDriver elsewhere = Browser.start();
        try {
            WebDriverWait elsewhereWait = new WebDriverWait(elsewhere, Duration.ofSeconds(20));
            Browser.signIn(elsewhere, stack.baseUrl(), "/account.html", "acct-he", "acct-pass-1");
            elsewhereWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-form")));
            Browser.signIn(browser, stack.baseUrl(), "/account.html", "acct-he", "acct-pass-1");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-form")));

            browser.findElement(By.id("current-password")).sendKeys("acct-pass-1");
            browser.findElement(By.id("new-password")).sendKeys("acct-pass-2");
            browser.findElement(By.id("repeat-password")).sendKeys("acct-pass-2");
            browser.findElement(By.id("change-password")).click();
            wait.until(ExpectedConditions.textToBe(By.id("account-notice"), "密码已修改；您在其他设备上的会话已结束"));

            elsewhere.get(stack.baseUrl() + "/account.html");
            elsewhereWait.until(ExpectedConditions.urlContains("/login.html?expired"));
            elsewhereWait.until(ExpectedConditions.textToBe(By.id("login-expired"), "密码已更改，会话已结束，请重新登录。"));
            elsewhere.findElement(By.cssSelector("[data-lang='en']")).click();
            elsewhereWait.until(ExpectedConditions.textToBe(
                    By.id("login-expired"), "Your password was changed and this session ended. Please sign in again."));

            // the browser that changed it goes on
            browser.get(stack.baseUrl() + "/account.html");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-form")));
            assertThat(browser.getCurrentUrl()).endsWith("/account.html");
        } finally {
            elsewhere.quit();
        }
    }
}
