package org.anxin.platform;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Assessors with an agency and GB/T 42195-2022 score sheets of a chosen total, for the eligibility tests. */
public abstract class AssessmentFixtures extends OrderFixtures {
    protected static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    /** Today in the city, on the test's clock. */
    protected LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CITY);
    }

    /** An ASSESSOR of the agency, registered with it by the admin. */
    protected HttpApi assessor(String agency) {
        String username = "assessor-" + unique();
        String password = "assessor-pass-" + username;
        createUser(username, password, "ASSESSOR");
        admin().put("/api/assessors/" + username, Map.of("agency", agency)).expect(200);
        return as(username, password);
    }

    /** The 26 items from the form, at their maxima, lowered item by item until they add up to {@code total}. */
    protected Map<String, Object> scoresTotalling(int total) {
        Map<String, Object> scores = new LinkedHashMap<>();
        int sum = 0;
        for (JsonNode item :
                admin().get("/api/assessments/form").expect(200).json().get("items")) {
            scores.put(item.get("name").asString(), item.get("max").asInt());
            sum += item.get("max").asInt();
        }
        int excess = sum - total;
        for (Map.Entry<String, Object> e : scores.entrySet()) {
            int lower = Math.min(excess, (Integer) e.getValue());
            e.setValue((Integer) e.getValue() - lower);
            excess -= lower;
        }
        return scores;
    }

    /** A complete assessment body: the scores, on the date, confirmed by a guardian. */
    protected Map<String, Object> assessment(Map<String, Object> scores, LocalDate on) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assessedOn", on.toString());
        body.put("place", "老人家中");
        body.put("reason", "FIRST");
        body.put("scores", scores);
        body.put("coma", false);
        body.put("mentalDiagnosis", false);
        body.put("riskEvents", 0);
        body.put("confirmedBy", "GUARDIAN");
        body.put("confirmerName", "李建国");
        return body;
    }

    /** The senior assessed today with a total of {@code total}; the assessment as returned. */
    protected JsonNode assessed(HttpApi assessor, long senior, int total) {
        return assessor.post("/api/seniors/" + senior + "/assessments", assessment(scoresTotalling(total), today()))
                .expect(201)
                .json();
    }
}
