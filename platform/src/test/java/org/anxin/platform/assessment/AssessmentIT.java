package org.anxin.platform.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.anxin.platform.AssessmentFixtures;
import org.anxin.platform.HttpApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Capability assessments over real HTTP on the embedded stack: the level, every item checked, who may, due dates. */
class AssessmentIT extends AssessmentFixtures {

    private long seniorIn(String community) {
        String name = community + "老人" + unique();
        return createSenior(Map.of("name", name, "address", name + "家", "community", community));
    }

    private int count(long senior) {
        return admin().get("/api/seniors/" + senior + "/assessments")
                .expect(200)
                .json()
                .get("assessments")
                .size();
    }

    @Test
    void anAssessorRecordsEveryItemAndTheLevelFollowsTheStandard() {
        HttpApi assessor = assessor("西湖区老年人能力评估中心");
        long senior = seniorIn("翠苑社区");

        JsonNode a = assessed(assessor, senior, 50);
        assertThat(a.get("total").asInt()).isEqualTo(50);
        assertThat(a.get("level").asString()).isEqualTo("MODERATE");
        assertThat(a.get("levelName").asString()).isEqualTo("能力中度受损（中度失能）");
        assertThat(a.get("agency").asString()).isEqualTo("西湖区老年人能力评估中心");
        assertThat(a.get("scores").size()).isEqualTo(26);
        int subtotals = 0;
        for (String d : new String[] {"SELF_CARE", "BASIC_MOBILITY", "MENTAL_STATE", "PERCEPTION_AND_SOCIAL"}) {
            subtotals += a.get("dimensions").get(d).asInt();
        }
        assertThat(subtotals).isEqualTo(50);
        assertThat(a.get("dueOn").asString()).isEqualTo(today().plusMonths(6).toString());

        // a dementia diagnosis (F00–F03) and two falls in 30 days: two levels worse than the total says
        Map<String, Object> body = assessment(scoresTotalling(66), today());
        body.put("mentalDiagnosis", true);
        body.put("riskEvents", 2);
        body.put("reason", "IMMEDIATE");
        JsonNode raised = assessor.post("/api/seniors/" + senior + "/assessments", body)
                .expect(201)
                .json();
        assertThat(raised.get("levelByTotal").asString()).isEqualTo("MILD");
        assertThat(raised.get("level").asString()).isEqualTo("SEVERE");
        assertThat(raised.get("adjustments").toString()).contains("MENTAL_DIAGNOSIS", "RISK_EVENTS");

        JsonNode history = admin().get("/api/seniors/" + senior + "/assessments")
                .expect(200)
                .json();
        assertThat(history.get("assessments").size()).isEqualTo(2);
        assertThat(history.get("assessments").get(0).get("id").asLong())
                .isEqualTo(raised.get("id").asLong());
        assertThat(history.get("assessments").get(0).get("confirmerName").asString())
                .isEqualTo("李建国");
    }

    @Test
    void everyItemIsCheckedAndABadSheetChangesNothing() {
        HttpApi assessor = assessor("拱墅区评估站");
        long senior = seniorIn("文新社区");
        String path = "/api/seniors/" + senior + "/assessments";

        Map<String, Object> missing = new LinkedHashMap<>(scoresTotalling(90));
        missing.remove("STAIRS");
        assertThat(assessor.post(path, assessment(missing, today())).expect(400).body())
                .contains("STAIRS")
                .contains("missing");

        Map<String, Object> tooHigh = new LinkedHashMap<>(scoresTotalling(90));
        tooHigh.put("STAIRS", 4); // 上下楼梯 scores 0–3
        assertThat(assessor.post(path, assessment(tooHigh, today())).expect(400).body())
                .contains("STAIRS")
                .contains("0–3");

        Map<String, Object> unknown = new LinkedHashMap<>(scoresTotalling(90));
        unknown.put("SWIMMING", 2);
        assertThat(assessor.post(path, assessment(unknown, today())).expect(400).body())
                .contains("SWIMMING");

        assertThat(assessor.post(path, assessment(scoresTotalling(90), today().plusDays(1)))
                        .expect(400)
                        .body())
                .contains("future");

        Map<String, Object> coma = assessment(scoresTotalling(90), today());
        coma.put("coma", true);
        assertThat(assessor.post(path, coma).expect(400).body()).contains("CONSCIOUSNESS");

        Map<String, Object> unconfirmed = assessment(scoresTotalling(90), today());
        unconfirmed.remove("confirmedBy");
        assessor.post(path, unconfirmed).expect(400);

        assertThat(count(senior)).isZero();
    }

    @Test
    void onlyAnAssessorOfAnAgencyAssessesAndOfficersSeeOnlyTheirOwnSeniors() {
        long senior = seniorIn("翠苑社区");
        String path = "/api/seniors/" + senior + "/assessments";
        Map<String, Object> body = assessment(scoresTotalling(70), today());

        admin().post(path, body).expect(403);
        String loose = "assessor-loose-" + unique();
        createUser(loose, "loose-pass-1", "ASSESSOR");
        assertThat(as(loose, "loose-pass-1").post(path, body).expect(403).body())
                .contains("agency");
        // the agency register only takes assessors
        String operator = "op-" + unique();
        createUser(operator, "op-pass-1", "OPERATOR");
        admin().put("/api/assessors/" + operator, Map.of("agency", "x")).expect(400);
        as(operator, "op-pass-1")
                .put("/api/assessors/" + loose, Map.of("agency", "x"))
                .expect(403);
        assertThat(count(senior)).isZero();

        assessed(assessor("上城区评估中心"), senior, 70);
        officer("翠苑社区").get(path).expect(200);
        officer("文新社区").get(path).expect(403);
        bureau().get(path).expect(200);
        admin().get("/api/seniors/999999/assessments").expect(404);
    }

    @Test
    void anAssessmentFallsDueAfterItsPeriodAndAppearsOnTheReminderList() {
        HttpApi assessor = assessor("余杭区评估中心");
        long old = seniorIn("良渚社区");
        long fresh = seniorIn("良渚社区");
        long oldId = assessor.post(
                        "/api/seniors/" + old + "/assessments", assessment(scoresTotalling(60), today().minusMonths(7)))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        assessed(assessor, fresh, 60);

        JsonNode due = admin().get("/api/assessments/due").expect(200).json();
        JsonNode mine = due.valueStream()
                .filter(d -> d.get("seniorId").asLong() == old)
                .findFirst()
                .orElseThrow();
        assertThat(mine.get("assessmentId").asLong()).isEqualTo(oldId);
        assertThat(mine.get("overdue").asBoolean()).isTrue();
        assertThat(mine.get("dueOn").asString())
                .isEqualTo(today().minusMonths(7).plusMonths(6).toString());
        assertThat(due.valueStream().noneMatch(d -> d.get("seniorId").asLong() == fresh))
                .isTrue();

        JsonNode withinSevenMonths =
                assessor.get("/api/assessments/due?within=P7M").expect(200).json();
        assertThat(withinSevenMonths
                        .valueStream()
                        .anyMatch(d -> d.get("seniorId").asLong() == fresh))
                .isTrue();
        admin().get("/api/assessments/due?within=soon").expect(400);
        officer("翠苑社区")
                .get("/api/assessments/due")
                .expect(200)
                .json()
                .valueStream()
                .forEach(d -> assertThat(d.get("community").asString()).isEqualTo("翠苑社区"));
    }
}
