package org.anxin.platform.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.anxin.platform.AssessmentFixtures;
import org.anxin.platform.HttpApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The categories that rest on facts: 失能/半失能 on a current capability assessment at a matching
 * level, 高龄 on the age from the birth date; refused without them, shown as evidence to the
 * approvers, and lapsing by themselves when the facts change.
 */
class EligibilityEvidenceIT extends AssessmentFixtures {
    private static final String COMMUNITY = "闸弄口社区";

    private long senior(LocalDate birthDate) {
        String name = "评估老人" + unique();
        return createSenior(
                Map.of("name", name, "address", name + "家", "community", COMMUNITY, "birthDate", birthDate.toString()));
    }

    private HttpApi.Response apply(long senior, String category) {
        return admin().post("/api/subsidy/applications", Map.of("seniorId", senior, "category", category));
    }

    private JsonNode holding(long senior, String category) {
        return bureau().get("/api/subsidy/eligibility?seniorId=" + senior)
                .expect(200)
                .json()
                .valueStream()
                .filter(h -> h.get("category").asString().equals(category))
                .findFirst()
                .orElseThrow();
    }

    private int applications(long senior) {
        return admin().get("/api/subsidy/applications?seniorId=" + senior)
                .expect(200)
                .json()
                .size();
    }

    @Test
    void disabledIsRefusedWithoutAMatchingCurrentAssessmentAndPassesWithOne() {
        long senior = senior(today().minusYears(72));
        HttpApi assessor = assessor("上城区老年人能力评估中心");

        assertThat(apply(senior, "DISABLED").expect(409).body()).contains("no current capability assessment");
        assessed(assessor, senior, 70); // 轻度失能: not enough by default
        assertThat(apply(senior, "DISABLED").expect(409).body())
                .contains("MILD")
                .contains("needs MODERATE");
        assertThat(applications(senior)).isZero();

        JsonNode moderate = assessed(assessor, senior, 50);
        JsonNode applied = apply(senior, "DISABLED").expect(201).json();
        JsonNode evidence = applied.get("evidence");
        assertThat(evidence.get("meets").asBoolean()).isTrue();
        assertThat(evidence.get("level").asString()).isEqualTo("MODERATE");
        assertThat(evidence.get("assessmentId").asLong())
                .isEqualTo(moderate.get("id").asLong());
        assertThat(evidence.get("assessedOn").asString()).isEqualTo(today().toString());
        assertThat(evidence.get("age").asInt()).isEqualTo(72);

        long id = applied.get("id").asLong();
        // the approvers see the same evidence on the application
        JsonNode seen = officer(COMMUNITY)
                .get("/api/subsidy/applications/" + id)
                .expect(200)
                .json();
        assertThat(seen.get("evidence").get("levelName").asString()).isEqualTo("能力中度受损（中度失能）");
        officer(COMMUNITY).post("/api/subsidy/applications/" + id + "/approve").expect(200);
        bureau().post("/api/subsidy/applications/" + id + "/approve").expect(200);
        assertThat(holding(senior, "DISABLED").get("lapsed").asBoolean()).isFalse();

        // a newer assessment finds the senior intact again: the category lapses by itself
        assessed(assessor, senior, 90);
        assertThat(holding(senior, "DISABLED").get("lapsed").asBoolean()).isTrue();
        JsonNode wallet =
                admin().get("/api/seniors/" + senior + "/wallet").expect(200).json();
        assertThat(wallet.get("categories")
                        .valueStream()
                        .noneMatch(c -> c.get("code").asString().equals("DISABLED")))
                .isTrue();
    }

    @Test
    void aged80CountsFromTheEightiethBirthdayAndEndsWhenTheBirthDateIsCorrected() {
        long tomorrow = senior(today().minusYears(80).plusDays(1));
        long today = senior(today().minusYears(80));

        assertThat(apply(tomorrow, "AGED_80").expect(409).body()).contains("aged 79");
        JsonNode applied = apply(today, "AGED_80").expect(201).json();
        assertThat(applied.get("evidence").get("age").asInt()).isEqualTo(80);
        assertThat(applied.get("evidence").get("birthDate").asString())
                .isEqualTo(today().minusYears(80).toString());
        long noBirthDate = createSenior(Map.of("name", "无生日" + unique(), "community", COMMUNITY));
        assertThat(apply(noBirthDate, "AGED_80").expect(409).body()).contains("no birth date");

        long id = applied.get("id").asLong();
        officer(COMMUNITY).post("/api/subsidy/applications/" + id + "/approve").expect(200);
        bureau().post("/api/subsidy/applications/" + id + "/approve").expect(200);
        assertThat(holding(today, "AGED_80").get("lapsed").asBoolean()).isFalse();

        // the next day in the city, the other senior turns 80
        clock.advance(Duration.ofDays(1));
        apply(tomorrow, "AGED_80").expect(201);

        // the desk corrects a wrong birth date: the category ends by itself
        admin().put(
                        "/api/seniors/" + today + "/birth-date",
                        Map.of("birthDate", today().minusYears(70).toString()))
                .expect(200);
        assertThat(holding(today, "AGED_80").get("lapsed").asBoolean()).isTrue();
        assertThat(admin().get("/api/seniors/" + today + "/changes").expect(200).body())
                .contains("BIRTH_DATE");
        officer(COMMUNITY)
                .put("/api/seniors/" + today + "/birth-date", Map.of("birthDate", "1940-01-01"))
                .expect(403);
    }
}
