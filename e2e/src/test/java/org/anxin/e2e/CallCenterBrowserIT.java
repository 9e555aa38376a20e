package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The 12349 calls page in a real headless Chromium: a call arrives (a signed Twilio webhook), the
 * operator takes it, sees the senior's record, opens a consultation work order on the call and
 * closes it with the answer.
 */
class CallCenterBrowserIT extends BrowserTest {

    @Test
    void anOperatorTakesACallSeesTheRecordAndOpensAndClosesAConsultation() throws Exception {
        stack.admin()
                .post(
                        "/api/users",
                        Map.of(
                                "username", "op-calls",
                                "password", "operator-pass-2",
                                "role", "OPERATOR",
                                "displayName", "吴接线员",
                                "phone", "13700009999"))
                .expect(201);
        long senior = stack.admin()
                .post(
                        "/api/seniors",
                        Map.of(
                                "name", "陈玉珍",
                                "phone", "139 8888 0001",
                                "address", "上城区解放路 5 号",
                                "healthNotes", "冠心病",
                                "contacts", List.of(Map.of("name", "陈明", "relation", "儿子", "phone", "13888880001"))))
                .expect(201)
                .json()
                .get("id")
                .asLong();

        Browser.signIn(browser, stack.baseUrl(), "/calls.html", "op-calls", "operator-pass-2");
        wait.until(ExpectedConditions.attributeToBe(By.id("feed-state"), "data-state", "live"));

        String sid = "CA" + UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> answer = webhook(
                "/twilio/inbound", Map.of("CallSid", sid, "From", "+8613988880001", "To", Platform.TWILIO_FROM));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<Gather");
        long callId = stack.admin()
                .get("/api/calls?seniorId=" + senior)
                .expect(200)
                .json()
                .get(0)
                .get("id")
                .asLong();

        By card = By.id("call-" + callId);
        WebElement arrived = wait.until(ExpectedConditions.visibilityOfElementLocated(card));
        assertThat(arrived.findElement(By.className("call-who")).getText()).isEqualTo("陈玉珍（老人）");
        clickIn(card, ".take-call");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#call-" + callId + " .taken-by"), "op-calls"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#pop .p-name"), "陈玉珍"));
        assertThat(browser.findElement(By.cssSelector("#pop .p-health")).getText())
                .isEqualTo("冠心病");
        assertThat(browser.findElement(By.cssSelector("#pop .p-contacts")).getText())
                .contains("陈明");
        assertThat(stack.admin()
                        .get("/api/calls/" + callId)
                        .json()
                        .get("card")
                        .get("call")
                        .get("claimedBy")
                        .asString())
                .isEqualTo("op-calls");

        new Select(browser.findElement(By.id("t-kind"))).selectByValue("CONSULTATION");
        new Select(browser.findElement(By.id("t-category"))).selectByValue("SUBSIDY");
        browser.findElement(By.id("t-summary")).sendKeys("咨询高龄津贴怎么申请");
        browser.findElement(By.cssSelector("#ticket-form button[type=submit]")).click();

        By ticket = By.cssSelector("#my-tickets li.ticket");
        WebElement opened = wait.until(ExpectedConditions.visibilityOfElementLocated(ticket));
        assertThat(opened.findElement(By.className("ticket-summary")).getText()).isEqualTo("咨询高龄津贴怎么申请");
        long ticketId = Long.parseLong(opened.getAttribute("id").substring("ticket-".length()));
        wait.until(d -> {
            WebElement form = d.findElement(By.id("ticket-" + ticketId)).findElement(By.className("close-ticket"));
            form.findElement(By.tagName("input")).sendKeys("已告知到社区提交申请");
            form.findElement(By.tagName("button")).click();
            return true;
        });
        wait.until(ExpectedConditions.numberOfElementsToBe(By.id("ticket-" + ticketId), 0));

        JsonNode closed =
                stack.admin().get("/api/tickets/" + ticketId).expect(200).json();
        assertThat(closed.get("ticket").get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("ticket").get("callId").asLong()).isEqualTo(callId);
        assertThat(closed.get("ticket").get("seniorId").asLong()).isEqualTo(senior);
        assertThat(closed.get("ticket").get("resolution").asString()).isEqualTo("已告知到社区提交申请");
        // closing it asks the caller for a score by an IVR call (评估)
        assertThat(closed.get("timeline")
                        .valueStream()
                        .map(e -> e.get("action").asString() + " by "
                                + e.get("actor").asString()))
                .containsExactly("CREATED by op-calls", "CLOSED by op-calls", "EVALUATION_ASKED by op-calls");
    }

    /** A form POST as Twilio sends it, signed with the platform's auth token. */
    private HttpResponse<String> webhook(String path, Map<String, String> form) throws Exception {
        String url = stack.baseUrl() + path;
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(Platform.TWILIO_AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature =
                Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
