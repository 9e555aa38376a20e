package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Device groups through the whole system: an ADMIN on devices.html in a real headless Chromium
 * creates a private-APN group, moves a button into it, and the real gateway refuses the button's
 * Paho login from 127.0.0.1 with the wrong-secret answer; the ADMIN adds 127.0.0.1/32 on the page
 * and the button logs in, no gateway restart (the gateway caches look-ups for 10 s: the FORGET
 * entry is what makes it see the change).
 */
class DeviceGroupsBrowserIT extends BrowserTest {

    @Test
    void anAdminsGroupListDecidesWhereTheButtonMayLogInFrom() throws Exception {
        String secret = stack.seniorWithButton("周秀珍", "e2e-btn-apn");
        MqttClient before = Devices.connect(stack.mqttPort(), "e2e-btn-apn", secret); // no group: anywhere
        Devices.close(before);

        Browser.signIn(browser, stack.baseUrl(), "/devices.html", "admin", stack.adminPassword());
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("group-name")));
        name.sendKeys("联通专网 哈尔滨手表");
        browser.findElement(By.id("group-networks")).sendKeys("10.0.0.0/8\n2001:db8::/32");
        browser.findElement(By.id("group-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups"), "10.0.0.0/8, 2001:db8::/32"));

        new Select(browser.findElement(By.id("assign-group"))).selectByVisibleText("联通专网 哈尔滨手表");
        browser.findElement(By.id("assign-ids")).sendKeys("e2e-btn-apn");
        browser.findElement(By.id("assign-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("members"), "e2e-btn-apn"));

        assertThat(refusal("e2e-btn-apn", secret)).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED);

        // a typo is refused with the field named, and the list stays as it was
        WebElement networks = browser.findElement(By.id("group-networks"));
        networks.clear();
        networks.sendKeys("10.0.0.0/8\n127.0.0.1/33");
        browser.findElement(By.id("group-save")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("groups-error")));
        assertThat(error.getText()).contains("400").contains("networks[1]");
        assertThat(refusal("e2e-btn-apn", secret)).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED);

        networks.clear();
        networks.sendKeys("10.0.0.0/8\n127.0.0.1/32");
        browser.findElement(By.id("group-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups"), "127.0.0.1/32"));

        MqttClient after = Devices.connect(stack.mqttPort(), "e2e-btn-apn", secret);
        assertThat(after.isConnected()).isTrue();
        Devices.close(after);

        // a group holding a device offers no delete; an empty one does, after a confirmation
        browser.findElement(By.id("group-new")).click();
        browser.findElement(By.id("group-name")).sendKeys("临时分组");
        browser.findElement(By.id("group-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups"), "临时分组"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#groups tbody tr"));
        WebElement held = rows.stream()
                .filter(r -> r.getText().contains("联通专网"))
                .findFirst()
                .orElseThrow();
        assertThat(held.findElements(By.xpath(".//button[text()='删除']"))).isEmpty();
        WebElement empty = rows.stream()
                .filter(r -> r.getText().contains("临时分组"))
                .findFirst()
                .orElseThrow();
        empty.findElement(By.xpath(".//button[text()='删除']")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups-notice"), "分组已删除"));
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("groups"), "临时分组")));
    }

    /**
     * One CONNECT, MQTT 3.1.1 only (Paho's default retries a refused one as 3.1, a second failed
     * login of 127.0.0.1 that the shared gateway's per-address limit would count).
     */
    private int refusal(String id, String secret) {
        Throwable refused = catchThrowable(() -> {
            MqttClient client = new MqttClient(
                    "tcp://127.0.0.1:" + stack.mqttPort(),
                    id,
                    new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
            org.eclipse.paho.client.mqttv3.MqttConnectOptions options =
                    new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
            options.setUserName(id);
            options.setPassword(secret.toCharArray());
            options.setMqttVersion(org.eclipse.paho.client.mqttv3.MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setConnectionTimeout(10);
            options.setAutomaticReconnect(false);
            client.setTimeToWait(15_000);
            try {
                client.connect(options);
            } finally {
                client.close();
            }
        });
        assertThat(refused).isInstanceOf(MqttException.class);
        return ((MqttException) refused).getReasonCode();
    }
}
