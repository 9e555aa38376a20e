package org.anxin.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both must be installed
 * ({@code apt-get install chromium chromium-driver}; {@code .ci/run} does it): a missing browser
 * fails the test rather than skipping it.
 */
final class Browser {
    private static final Path CHROMIUM = Path.of(System.getProperty("anxin.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("anxin.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {}

    static ChromeDriver start() throws java.io.IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("headless browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install chromium chromium-driver");
        }
        Path profile = Files.createTempDirectory("anxin-chromium-");
        // the profile (a few MB each, one per browser) goes when the JVM exits: the tests quit their browsers first
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> org.springframework.util.FileSystemUtils.deleteRecursively(profile.toFile())));
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1280,900",
                        "--lang=zh-CN",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Opens {@code path}, which sends the browser to the login page, and signs in; the portal then returns to it. */
    static void signIn(ChromeDriver driver, String baseUrl, String path, String username, String password) {
        driver.get(baseUrl + path);
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
    }
}
