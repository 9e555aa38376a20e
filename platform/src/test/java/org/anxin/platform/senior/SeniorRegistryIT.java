package org.anxin.platform.senior;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anxin.platform.HttpApi;
import org.anxin.platform.PlatformIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The registry: search and its scoping, the record's edits, the family allow-list, the audit. */
class SeniorRegistryIT extends PlatformIT {

    private static String tag() {
        return "Q" + UUID.randomUUID().toString().substring(0, 5);
    }

    private long senior(String name, String phone, String address, String community) {
        return createSenior(Map.of(
                "name", name,
                "phone", phone,
                "address", address,
                "community", community,
                "contacts",
                        List.of(Map.of(
                                "name", "联系人" + name, "relation", "女儿", "phone", "139 1234 " + phone.substring(7)))));
    }

    private static List<Long> ids(JsonNode hits) {
        return hits.valueStream().map(h -> h.get("id").asLong()).toList();
    }

    @Test
    void theDeskFindsASeniorByNamePhoneIdCardAddressCommunityAndContactPhone() {
        String t = tag();
        long wang = senior("王秀英" + t, "1380013" + "4" + "57" + "1", "西湖区文三路" + t + "号", "翠苑社区" + t);
        long other = senior("李建国" + t, "13900007777", "拱墅区" + t, "米市巷社区" + t);
        admin().put("/api/seniors/" + wang, Map.of("idCardLast4", "123x")).expect(200);
        HttpApi desk = admin();

        assertThat(ids(desk.get("/api/seniors?q=" + enc("王秀英" + t)).expect(200).json()))
                .containsExactly(wang);
        assertThat(ids(desk.get("/api/seniors?q=" + enc("文三路" + t)).json())).containsExactly(wang);
        assertThat(ids(desk.get("/api/seniors?q=" + enc("翠苑社区" + t)).json())).containsExactly(wang);
        assertThat(ids(desk.get("/api/seniors?q=" + t).json())).containsExactlyInAnyOrder(wang, other);
        // the phone however it is typed, and the contact's phone
        assertThat(ids(desk.get("/api/seniors?q=" + enc("+86 138 0013 4571")).json()))
                .contains(wang)
                .doesNotContain(other);
        assertThat(ids(desk.get("/api/seniors?q=" + enc("139 1234 4571")).json()))
                .contains(wang)
                .doesNotContain(other);
        // ID card's last four, stored upper-case
        JsonNode byCard = desk.get("/api/seniors?q=123X").json();
        assertThat(ids(byCard)).contains(wang).doesNotContain(other);
        assertThat(byCard.valueStream()
                        .filter(h -> h.get("id").asLong() == wang)
                        .findFirst()
                        .orElseThrow()
                        .get("idCardLast4")
                        .asString())
                .isEqualTo("123X");
        // a wildcard is a character, not a pattern
        assertThat(ids(desk.get("/api/seniors?q=" + enc("%" + t)).json())).isEmpty();
        desk.get("/api/seniors?q=").expect(400);
    }

    @Test
    void theDeskFindsASeniorByThePinyinInitialsOfTheirNameEvenAfterARename() {
        String t = tag();
        long shan = senior("单秀兰" + t, "13800135551", "上城区" + t, "清波社区" + t);
        HttpApi desk = admin();

        // 单 as a surname is shàn; as a word, dān: both spellings find her, in either case
        assertThat(ids(desk.get("/api/seniors?q=sxl" + t).expect(200).json())).containsExactly(shan);
        assertThat(ids(desk.get("/api/seniors?q=DXL" + t).json())).containsExactly(shan);
        assertThat(ids(desk.get("/api/seniors?q=wxl" + t).json())).isEmpty();

        desk.put("/api/seniors/" + shan, Map.of("name", "曹秀兰" + t)).expect(200);
        assertThat(ids(desk.get("/api/seniors?q=cxl" + t).json())).containsExactly(shan);
        assertThat(ids(desk.get("/api/seniors?q=sxl" + t).json())).isEmpty();
    }

    @Test
    void aFamilyFindsOnlyTheirOwnSeniorAndAResponderMayNotSearch() {
        String t = tag();
        long mine = senior("赵桂兰" + t, "13700001111", "滨江区" + t, "社区" + t);
        long theirs = senior("赵桂芳" + t, "13700002222", "滨江区" + t, "社区" + t);
        createUser("fam-reg-" + t, "family-pass-" + t, "FAMILY", mine);
        createUser("resp-reg-" + t, "responder-pass-" + t, "RESPONDER");
        HttpApi family = as("fam-reg-" + t, "family-pass-" + t);

        assertThat(ids(admin().get("/api/seniors?q=" + t).json())).containsExactlyInAnyOrder(mine, theirs);
        assertThat(ids(family.get("/api/seniors?q=" + t).expect(200).json())).containsExactly(mine);
        assertThat(ids(family.get("/api/seniors?q=" + enc("赵桂芳" + t)).json())).isEmpty();
        assertThat(ids(family.get("/api/seniors?q=13700002222").json())).isEmpty();
        as("resp-reg-" + t, "responder-pass-" + t).get("/api/seniors?q=" + t).expect(403);
        family.get("/api/seniors/" + theirs + "/profile").expect(403);
    }

    @Test
    void theDeskEditsEveryFieldAndEachChangeIsAudited() {
        long id = createSenior("钱玉珍" + tag());
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("phone", "13600006666");
        change.put("livingSituation", "LIVES_ALONE");
        change.put("chronicConditions", "高血压");
        change.put("allergies", "青霉素");
        change.put("familyDoctor", "孙医生");
        change.put("clinic", "翠苑社区卫生服务站");
        change.put("bloodType", "O+");
        change.put("birthDate", "1940-03-08");
        change.put("doorNotes", "钥匙在邻居 302");
        change.put("medicines", List.of(Map.of("name", "氨氯地平", "dose", "5mg", "times", List.of("20:00", "08:00"))));

        JsonNode profile = admin().put("/api/seniors/" + id, change).expect(200).json();

        assertThat(profile.get("livingSituation").asString()).isEqualTo("LIVES_ALONE");
        assertThat(profile.get("bloodType").asString()).isEqualTo("O+");
        assertThat(profile.get("doorNotesSet").asBoolean()).isTrue();
        assertThat(profile.has("doorNotes")).isFalse();
        assertThat(profile.get("medicines").get(0).get("times").valueStream().map(JsonNode::asString))
                .containsExactly("08:00:00", "20:00:00");
        assertThat(profile.get("medicinesSummary").asString()).isEqualTo("氨氯地平 5mg 08:00/20:00");
        JsonNode audit = admin().get("/api/seniors/" + id + "/changes").json().get(0);
        assertThat(audit.get("kind").asString()).isEqualTo("PROFILE");
        assertThat(audit.get("actor").asString()).isEqualTo("admin");
        assertThat(audit.get("before").asString())
                .contains("phone: 13800000000", "allergies: (empty)", "doorNotes: (none)");
        assertThat(audit.get("after").asString())
                .contains("phone: 13600006666", "livingSituation: LIVES_ALONE", "doorNotes: (set)")
                .doesNotContain("钥匙");

        // the same values again change nothing and add no audit row
        admin().put("/api/seniors/" + id, change).expect(200);
        assertThat(admin().get("/api/seniors/" + id + "/changes").json().size()).isEqualTo(1);

        assertThat(admin().get("/api/seniors/" + id + "/door-notes")
                        .json()
                        .get("doorNotes")
                        .asString())
                .isEqualTo("钥匙在邻居 302");
        assertThat(admin().get("/api/seniors/" + id + "/changes")
                        .json()
                        .get(0)
                        .get("kind")
                        .asString())
                .isEqualTo("DOOR_NOTES_READ");
    }

    @Test
    void aFamilyChangesOnlyTheAllowedFieldsAndAForbiddenOneChangesNothing() {
        String t = tag();
        long id = createSenior("孙淑华" + t);
        createUser("fam-edit-" + t, "family-pass-" + t, "FAMILY", id);
        HttpApi family = as("fam-edit-" + t, "family-pass-" + t);

        HttpApi.Response refused =
                family.put("/api/seniors/" + id, Map.of("allergies", "花粉", "doorNotes", "密码 1234", "address", "别处"));
        refused.expect(403);
        assertThat(refused.json().get("detail").asString()).contains("address", "doorNotes");
        JsonNode unchanged = admin().get("/api/seniors/" + id + "/profile").json();
        assertThat(unchanged.get("allergies").isNull()).isTrue();
        assertThat(unchanged.get("doorNotesSet").asBoolean()).isFalse();

        JsonNode changed = family.put(
                        "/api/seniors/" + id,
                        Map.of(
                                "allergies",
                                "花粉",
                                "address",
                                unchanged.get("address").asString()))
                .expect(200)
                .json();
        assertThat(changed.get("allergies").asString()).isEqualTo("花粉");
        JsonNode audit = admin().get("/api/seniors/" + id + "/changes").json();
        assertThat(audit.size()).isEqualTo(1);
        assertThat(audit.get(0).get("role").asString()).isEqualTo("FAMILY");
        assertThat(audit.get(0).get("after").asString()).isEqualTo("allergies: 花粉");
        family.get("/api/seniors/" + id + "/door-notes").expect(403);
        family.get("/api/seniors/" + id + "/changes").expect(403);
    }

    @Test
    void badValuesAreProblemsAndChangeNothing() {
        long id = createSenior("周凤英" + tag());
        admin().put("/api/seniors/" + id, Map.of("livingSituation", "ON_THE_MOON", "allergies", "x"))
                .expect(400);
        admin().put("/api/seniors/" + id, Map.of("bloodType", "C+")).expect(400);
        admin().put("/api/seniors/" + id, Map.of("name", " ")).expect(400);
        admin().put("/api/seniors/" + id, Map.of("lat", 30.1)).expect(400);
        admin().put("/api/seniors/" + id, Map.of("medicines", List.of(Map.of("name", "药", "times", List.of("25:00")))))
                .expect(400);
        admin().put("/api/seniors/999999999", Map.of("allergies", "x")).expect(404);
        assertThat(admin().get("/api/seniors/" + id + "/profile")
                        .json()
                        .get("allergies")
                        .isNull())
                .isTrue();
        assertThat(admin().get("/api/seniors/" + id + "/changes").json().size()).isZero();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
