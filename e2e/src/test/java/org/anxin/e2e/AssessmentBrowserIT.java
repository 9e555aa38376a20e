package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The capability assessment form in a real headless Chromium at a tablet's size: an assessor taps
 * a score for each of the 26 items, the senior's guardian confirms, and the server's level shows
 * and is stored.
 */
class AssessmentBrowserIT extends BrowserTest {

    @Test
    void anAssessorScoresEveryItemOnTheTabletFormAndSeesTheComputedLevel() {
        Api admin = stack.admin();
        admin.post("/api/users", Map.of("username", "pg-zhang", "password", "assessor-pass-1", "role", "ASSESSOR"))
                .expect(201);
        admin.put("/api/assessors/pg-zhang", Map.of("agency", "西湖区老年人能力评估中心")).expect(200);
        long senior = admin.post(
                        "/api/seniors",
                        Map.of("name", "孙玉珍", "address", "翠苑二区 3 幢", "community", "翠苑社区", "lat", 30.29, "lon", 120.12))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1024, 1366)); // a tablet, upright

        // the portal's home sends an assessor to the assessment page
        Browser.signIn(browser, stack.baseUrl(), "/", "pg-zhang", "assessor-pass-1");
        wait.until(ExpectedConditions.urlContains("/assessment.html"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("assessment-form")));
        browser.findElement(By.id("senior-id")).sendKeys(String.valueOf(senior));
        browser.findElement(By.cssSelector("#senior-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("senior-name"), "孙玉珍"));

        // 26 items, each tapped: the top score everywhere except self-care, where each of the eight
        // items gets 1 (32 → 8): 90 − 24 = 66, the lowest total of 能力轻度受损
        wait.until(d -> d.findElements(By.cssSelector("#items .item")).size() == 26);
        for (WebElement item : browser.findElements(By.cssSelector("#items .item"))) {
            boolean selfCare = item.findElement(By.xpath("ancestor::section"))
                    .getAttribute("data-dimension")
                    .equals("SELF_CARE");
            String score =
                    selfCare ? "1" : item.findElement(By.cssSelector("input")).getAttribute("value");
            item.findElement(By.cssSelector("input[value='" + score + "'] + span"))
                    .click();
        }
        assertThat(browser.findElement(By.id("running-total")).getText()).startsWith("66 / 90");
        browser.findElement(By.id("place")).sendKeys("老人家中");
        browser.findElement(By.id("confirmer-name")).sendKeys("孙建华");
        browser.findElement(By.id("submit-assessment")).click();

        wait.until(ExpectedConditions.attributeToBe(By.id("result"), "data-level", "MILD"));
        assertThat(browser.findElement(By.id("result")).getText())
                .contains("66")
                .contains("轻度受损");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#history tr[data-level='MILD']")));

        var stored = admin.get("/api/seniors/" + senior + "/assessments")
                .expect(200)
                .json()
                .get("assessments");
        assertThat(stored.size()).isEqualTo(1);
        assertThat(stored.get(0).get("total").asInt()).isEqualTo(66);
        assertThat(stored.get(0).get("scores").get("EATING").asInt()).isEqualTo(1);
        assertThat(stored.get(0).get("scores").get("STAIRS").asInt()).isEqualTo(3);
        assertThat(stored.get(0).get("confirmedBy").asString()).isEqualTo("SENIOR");
        assertThat(stored.get(0).get("confirmerName").asString()).isEqualTo("孙建华");
        assertThat(stored.get(0).get("agency").asString()).isEqualTo("西湖区老年人能力评估中心");
    }

    @Test
    void theApprovalScreenShowsTheAssessmentADisabledApplicationRestsOn() {
        Api admin = stack.admin();
        admin.post("/api/users", Map.of("username", "pg-wang", "password", "assessor-pass-2", "role", "ASSESSOR"))
                .expect(201);
        admin.put("/api/assessors/pg-wang", Map.of("agency", "拱墅区评估站")).expect(200);
        admin.post(
                        "/api/users",
                        Map.of(
                                "username", "sq-mishi",
                                "password", "community-pass-2",
                                "role", "COMMUNITY",
                                "community", "米市巷社区"))
                .expect(201);
        long senior = admin.post(
                        "/api/seniors",
                        Map.of("name", "周桂兰", "address", "米市巷 8 号", "community", "米市巷社区", "lat", 30.29, "lon", 120.16))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        Api assessor = admin.as("pg-wang", "assessor-pass-2");
        Map<String, Object> scores = new java.util.LinkedHashMap<>();
        admin.get("/api/assessments/form")
                .json()
                .get("items")
                .forEach(item -> scores.put(
                        item.get("name").asString(),
                        item.get("dimension").asString().equals("SELF_CARE")
                                ? 0
                                : item.get("max").asInt()));
        // 90 − 32 = 58: 能力中度受损
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put(
                "assessedOn",
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                        .minusDays(1)
                        .toString());
        body.put("place", "老人家中");
        body.put("reason", "FIRST");
        body.put("scores", scores);
        body.put("coma", false);
        body.put("mentalDiagnosis", false);
        body.put("riskEvents", 0);
        body.put("confirmedBy", "GUARDIAN");
        body.put("confirmerName", "周明");
        assessor.post("/api/seniors/" + senior + "/assessments", body).expect(201);
        long application = admin.post("/api/subsidy/applications", Map.of("seniorId", senior, "category", "DISABLED"))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        By row = By.cssSelector("#applications tr[data-id='" + application + "']");

        Browser.signIn(browser, stack.baseUrl(), "/subsidy.html", "sq-mishi", "community-pass-2");
        wait.until(ExpectedConditions.urlContains("/subsidy.html"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#applications tr[data-id='" + application + "'] td.evidence"), "能力中度受损"));
        assertThat(browser.findElement(By.cssSelector("#applications tr[data-id='" + application + "'] td.evidence"))
                        .getText())
                .contains(body.get("assessedOn").toString());
    }
}
