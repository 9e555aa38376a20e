package org.anxin.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.anxin.platform.AssessmentFixtures;
import org.anxin.platform.HttpApi;
import org.junit.jupiter.api.Test;

/**
 * District → street → community as data, and officers scoped to their node: a street officer sees
 * the seniors of the communities below their street and gets 403 on a neighbouring street's; a
 * district's bureau officer decides only for their district.
 */
class AdminAreasIT extends AssessmentFixtures {

    private void area(String code, String name, String level, String parent) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name, "level", level));
        if (parent != null) {
            body.put("parent", parent);
        }
        admin().post("/api/areas", body).expect(201);
    }

    private HttpApi user(String role, String area) {
        String username = role.toLowerCase(java.util.Locale.ROOT) + "-area-" + unique();
        String password = "area-pass-" + username;
        admin().post("/api/users", Map.of("username", username, "password", password, "role", role, "area", area))
                .expect(201);
        return as(username, password);
    }

    private long seniorIn(String community) {
        return createSenior(Map.of("name", community + "老人" + unique(), "community", community));
    }

    private long applied(long senior) {
        return admin().post("/api/subsidy/applications", Map.of("seniorId", senior, "category", "DI_BAO"))
                .expect(201)
                .json()
                .get("id")
                .asLong();
    }

    @Test
    void aStreetOfficerSeesTheCommunitiesBelowAndGets403OnANeighbouringStreetsSenior() {
        int n = unique();
        String district = "D" + n;
        String otherDistrict = "E" + n;
        area(district, "西湖区" + n, "DISTRICT", null);
        area(otherDistrict, "拱墅区" + n, "DISTRICT", null);
        area("S1-" + n, "翠苑街道" + n, "STREET", district);
        area("S2-" + n, "文新街道" + n, "STREET", district);
        area("S3-" + n, "米市巷街道" + n, "STREET", otherDistrict);
        String cuiyuanOne = "翠苑一区" + n;
        String cuiyuanTwo = "翠苑二区" + n;
        String wenxin = "文新" + n;
        String mishi = "米市巷" + n;
        area("C1-" + n, cuiyuanOne, "COMMUNITY", "S1-" + n);
        area("C2-" + n, cuiyuanTwo, "COMMUNITY", "S1-" + n);
        area("C3-" + n, wenxin, "COMMUNITY", "S2-" + n);
        area("C4-" + n, mishi, "COMMUNITY", "S3-" + n);

        // the hierarchy is checked: a community under a district, a second community of the same name
        admin().post("/api/areas", Map.of("code", "X" + n, "name", "x", "level", "COMMUNITY", "parent", district))
                .expect(400);
        admin().post("/api/areas", Map.of("code", "Y" + n, "name", wenxin, "level", "COMMUNITY", "parent", "S1-" + n))
                .expect(409);
        officer(wenxin)
                .post("/api/areas", Map.of("code", "Z" + n, "name", "z", "level", "DISTRICT"))
                .expect(403);
        assertThat(admin().get("/api/areas").expect(200).body()).contains("C4-" + n);
        // a street officer belongs to a street, not to a community
        admin().post("/api/users", Map.of("username", "street-bad-" + n, "password", "area-pass-1", "role", "STREET"))
                .expect(400);
        admin().post(
                        "/api/users",
                        Map.of(
                                "username",
                                "street-bad2-" + n,
                                "password",
                                "area-pass-1",
                                "role",
                                "STREET",
                                "area",
                                "C1-" + n))
                .expect(400);

        long a = seniorIn(cuiyuanOne);
        long b = seniorIn(cuiyuanTwo);
        long neighbour = seniorIn(wenxin);
        long elsewhere = seniorIn(mishi);
        assessed(assessor("评估中心" + n), a, 60);
        assessed(assessor("评估中心" + n), neighbour, 60);
        long appA = applied(a);
        long appNeighbour = applied(neighbour);
        long appElsewhere = applied(elsewhere);

        HttpApi street = user("STREET", "S1-" + n);
        street.get("/api/seniors/" + a + "/assessments").expect(200);
        street.get("/api/seniors/" + b + "/wallet").expect(200);
        assertThat(street.get("/api/seniors/" + neighbour + "/assessments")
                        .expect(403)
                        .body())
                .contains("communities you cover");
        street.get("/api/seniors/" + neighbour + "/wallet").expect(403);
        street.get("/api/subsidy/applications/" + appNeighbour).expect(403);
        assertThat(street.get("/api/subsidy/applications?status=PENDING")
                        .expect(200)
                        .json()
                        .valueStream()
                        .map(x -> x.get("id").asLong()))
                .contains(appA)
                .doesNotContain(appNeighbour, appElsewhere);
        assertThat(street.get("/api/assessments/due?within=P1Y")
                        .expect(200)
                        .json()
                        .valueStream()
                        .map(x -> x.get("seniorId").asLong()))
                .contains(a)
                .doesNotContain(neighbour);
        // a street officer reviews, the community and the bureau decide
        street.post("/api/subsidy/applications/" + appA + "/approve").expect(403);

        // a district's bureau officer: their district's streets only
        officer(cuiyuanOne)
                .post("/api/subsidy/applications/" + appA + "/approve")
                .expect(200);
        officer(mishi)
                .post("/api/subsidy/applications/" + appElsewhere + "/approve")
                .expect(200);
        HttpApi otherBureau = user("BUREAU", otherDistrict);
        otherBureau.get("/api/seniors/" + a + "/wallet").expect(403);
        otherBureau.post("/api/subsidy/applications/" + appA + "/approve").expect(403);
        otherBureau
                .post("/api/subsidy/applications/" + appElsewhere + "/approve")
                .expect(200);
        HttpApi bureau = user("BUREAU", district);
        bureau.get("/api/seniors/" + neighbour + "/wallet").expect(200);
        bureau.get("/api/seniors/" + elsewhere + "/wallet").expect(403);
        assertThat(bureau.post("/api/subsidy/applications/" + appA + "/approve")
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("APPROVED");
        // a city-wide bureau officer (no district) still sees every senior
        bureau().get("/api/seniors/" + elsewhere + "/wallet").expect(200);
        admin().post(
                        "/api/users",
                        Map.of(
                                "username",
                                "bureau-bad-" + n,
                                "password",
                                "area-pass-1",
                                "role",
                                "BUREAU",
                                "area",
                                "S1-" + n))
                .expect(400);
    }
}
