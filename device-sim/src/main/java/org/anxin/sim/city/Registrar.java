package org.anxin.sim.city;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Registers the city's people and devices through the REST API, idempotently across restarts. */
final class Registrar {
    private final PlatformClient platform;
    private final CityState state;

    Registrar(PlatformClient platform, CityState state) {
        this.platform = platform;
        this.state = state;
    }

    long senior(String key, City.Resident resident, String community) throws IOException, InterruptedException {
        Long known = state.seniors.get(key);
        if (known != null && platform.get("/api/seniors/" + known).status() == 200) {
            return known;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", resident.name());
        body.put("phone", resident.phone());
        body.put("address", resident.address());
        body.put("lat", resident.lat());
        body.put("lon", resident.lon());
        body.put("community", community);
        record(body, key, resident);
        long id = PlatformClient.expect(platform.post("/api/seniors", body), 201, "register senior " + key)
                .get("id")
                .asLong();
        state.seniors.put(key, id);
        return id;
    }

    private static final String[] HEALTH = {"高血压", "2 型糖尿病", "冠心病，装有支架", "轻度认知障碍", "骨质疏松，曾髋部骨折"};
    private static final String[] MEDICINES = {
        "氨氯地平 5mg 每日一次", "二甲双胍 0.5g 每日两次", "阿司匹林 100mg 每日一次", "多奈哌齐 5mg 睡前", "钙片 每日一次"
    };

    /** A plausible record for the desk's record view: age, health, door access, two contacts. */
    private static void record(Map<String, Object> body, String key, City.Resident resident) {
        int h = Math.floorMod(key.hashCode(), 10_000);
        body.put("birthDate", String.format(Locale.ROOT, "%d-%02d-%02d", 1932 + h % 28, 1 + h % 12, 1 + h % 28));
        body.put("healthNotes", HEALTH[h % HEALTH.length]);
        body.put("medicines", MEDICINES[h % MEDICINES.length]);
        body.put("allergies", h % 3 == 0 ? "青霉素" : "无已知过敏");
        body.put("doorNotes", "单元门密码 " + (1000 + h % 9000) + "#，备用钥匙在社区服务站");
        String surname = resident.name().substring(0, 1);
        body.put(
                "contacts",
                List.of(
                        Map.of(
                                "name",
                                surname + "建国",
                                "relation",
                                "儿子",
                                "phone",
                                String.format(Locale.ROOT, "+86139%08d", h)),
                        Map.of(
                                "name",
                                surname + "丽",
                                "relation",
                                "女儿",
                                "phone",
                                String.format(Locale.ROOT, "+86137%08d", h))));
    }

    /** The MQTT device's secret: kept from an earlier run, issued now, or rotated if it was lost. */
    String mqttDevice(String deviceId, long seniorId) throws IOException, InterruptedException {
        return deviceWithSecret(deviceId, "mqtt", seniorId);
    }

    /** A phone's SOS page (protocol app) and its secret, as {@link #mqttDevice} does for a button. */
    String appDevice(String deviceId, long seniorId) throws IOException, InterruptedException {
        return deviceWithSecret(deviceId, "app", seniorId);
    }

    private String deviceWithSecret(String deviceId, String protocol, long seniorId)
            throws IOException, InterruptedException {
        String known = state.deviceSecrets.get(deviceId);
        PlatformClient.Reply existing = platform.get("/api/devices/" + deviceId);
        if (existing.status() == 200 && known != null) {
            return known;
        }
        String secret;
        if (existing.status() == 200) {
            secret = PlatformClient.expect(
                            platform.post("/api/devices/" + deviceId + "/secret", Map.of()),
                            200,
                            "rotate secret of " + deviceId)
                    .get("secret")
                    .asString();
        } else {
            JsonNode created = PlatformClient.expect(
                    platform.post("/api/devices", Map.of("id", deviceId, "protocol", protocol, "seniorId", seniorId)),
                    201,
                    "register device " + deviceId);
            secret = created.get("secret").asString();
        }
        state.deviceSecrets.put(deviceId, secret);
        return secret;
    }

    /** A watch or GT06 tracker (no secret: they are known by id or IMEI), registered once. */
    void device(String deviceId, String protocol, long seniorId) throws IOException, InterruptedException {
        if (platform.get("/api/devices/" + deviceId).status() == 200) {
            return;
        }
        PlatformClient.expect(
                platform.post("/api/devices", Map.of("id", deviceId, "protocol", protocol, "seniorId", seniorId)),
                201,
                "register " + protocol + " device " + deviceId);
    }

    private static final String[] MODES = {"WALK", "EBIKE", "EBIKE", "CAR"};

    /**
     * The city's community station, registered once (found by name on a restart), offering every
     * item of the platform's service catalogue.
     */
    long provider(String name) throws IOException, InterruptedException {
        long id = -1;
        PlatformClient.Reply list = platform.get("/api/providers");
        if (list.status() == 200) {
            for (JsonNode p : list.body()) {
                if (name.equals(p.get("name").asString())) {
                    id = p.get("id").asLong();
                }
            }
        }
        if (id < 0) {
            id = PlatformClient.expect(
                            platform.post("/api/providers", Map.of("name", name, "kind", "COMMUNITY_STATION")),
                            201,
                            "register provider " + name)
                    .get("id")
                    .asLong();
        }
        List<Long> items = new ArrayList<>();
        PlatformClient.Reply catalog = platform.get("/api/catalog");
        if (catalog.status() == 200) {
            for (JsonNode category : catalog.body()) {
                category.path("items").forEach(item -> items.add(item.get("id").asLong()));
            }
        }
        if (!items.isEmpty()) {
            PlatformClient.expect(
                    platform.put("/api/providers/" + id + "/items", Map.of("itemIds", items)),
                    200,
                    "let provider " + name + " offer the catalogue");
        }
        return id;
    }

    /** First aid for everyone (emergencies), and a share of the home services each. */
    private static final List<List<String>> SKILLS = List.of(
            List.of("FIRST_AID", "MEAL", "CLEANING", "SHOPPING"),
            List.of("FIRST_AID", "ESCORT", "DOCTOR_ESCORT"),
            List.of("FIRST_AID", "NURSING", "BATHING"));

    /**
     * A responder: a RESPONDER login (its password set anew when given), the responder record
     * with skills and travel mode, on duty at its home position. Returns the responder id.
     */
    long responder(String username, String password, City.Resident resident, long providerId, int index)
            throws IOException, InterruptedException {
        login(username, password, "RESPONDER", resident.name(), resident.phone(), List.of());
        long id = -1;
        PlatformClient.Reply all = platform.get("/api/responders");
        if (all.status() == 200) {
            for (JsonNode r : all.body()) {
                if (username.equals(r.path("username").asString(""))) {
                    id = r.get("id").asLong();
                }
            }
        }
        if (id < 0) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", resident.name());
            body.put("phone", "+86" + resident.phone());
            body.put("providerId", providerId);
            body.put("skills", SKILLS.get(index % SKILLS.size()));
            body.put("mode", MODES[index % MODES.length]);
            body.put("username", username);
            id = PlatformClient.expect(platform.post("/api/responders", body), 201, "register responder " + username)
                    .get("id")
                    .asLong();
        }
        position(id, resident.lat(), resident.lon());
        PlatformClient.expect(
                platform.put("/api/responders/" + id + "/status", Map.of("status", "AVAILABLE")),
                200,
                "put responder " + username + " on duty");
        return id;
    }

    /**
     * A login of the given role: created when missing; when it exists, its password is set anew if
     * one is given (so the demo can print it), and everything else is kept (a family login keeps
     * its links). A null password: a random one for a new login.
     */
    void login(String username, String password, String role, String displayName, String phone, List<Long> seniorIds)
            throws IOException, InterruptedException {
        login(username, password, role, displayName, phone, seniorIds, null);
    }

    /** As above; {@code community} is the 社区 of a COMMUNITY officer (null for other roles). */
    void login(
            String username,
            String password,
            String role,
            String displayName,
            String phone,
            List<Long> seniorIds,
            String community)
            throws IOException, InterruptedException {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("password", password != null ? password : randomPassword());
        user.put("role", role);
        user.put("displayName", displayName);
        user.put("phone", phone);
        user.put("seniorIds", seniorIds);
        if (community != null) {
            user.put("community", community);
        }
        PlatformClient.Reply reply = platform.post("/api/users", user);
        if (reply.status() == 409 && password != null) {
            PlatformClient.expect(
                    platform.put("/api/users/" + username + "/password", Map.of("password", password)),
                    204,
                    "set the password of " + username);
        } else if (reply.status() != 201 && reply.status() != 409) {
            PlatformClient.expect(reply, 201, "register " + role + " login " + username);
        }
    }

    /**
     * Puts the demo senior on a subsidy, the way a city does it, so that the demo's bookings show a
     * subsidy share: a community officer of the senior's community and a bureau officer (logins
     * made here, passwords set anew), an allowance of {@code yuan} a month for {@code category}
     * proposed by the admin, and the senior's application, each approved by the community and then
     * the bureau. Idempotent: an allowance in force, a category held, or a request already open is
     * taken as it is. Returns the two officers' passwords.
     */
    Map<String, String> demoSubsidy(long seniorId, String community, String category, int yuan)
            throws IOException, InterruptedException {
        String communityPassword = randomPassword();
        String bureauPassword = randomPassword();
        login(
                "demo-community",
                communityPassword,
                "COMMUNITY",
                community + "工作人员",
                "13600000001",
                List.of(),
                community);
        login("demo-bureau", bureauPassword, "BUREAU", "民政局工作人员", "13600000002", List.of(), null);
        PlatformClient officer = platform.as("demo-community", communityPassword);
        PlatformClient bureau = platform.as("demo-bureau", bureauPassword);

        JsonNode allowance = null;
        for (JsonNode c :
                PlatformClient.expect(platform.get("/api/subsidy/categories"), 200, "list subsidy categories")) {
            if (category.equals(c.path("code").asString(""))) {
                allowance = c.path("allowance");
            }
        }
        if (allowance == null) {
            throw new IllegalStateException("the platform has no subsidy category " + category);
        }
        if (allowance.path("yuan").isNull() && allowance.path("hours").isNull()) {
            JsonNode proposal = open(platform.get("/api/subsidy/allowance-proposals?status=PENDING"), category, null);
            if (proposal == null) {
                proposal = PlatformClient.expect(
                        platform.post(
                                "/api/subsidy/allowance-proposals",
                                Map.of("category", category, "yuan", yuan, "note", "演示：本市标准")),
                        201,
                        "propose the " + category + " allowance");
            }
            approve(
                    officer,
                    bureau,
                    "/api/subsidy/allowance-proposals/" + proposal.get("id").asLong(),
                    proposal);
        }
        boolean holds = false;
        for (JsonNode e : PlatformClient.expect(
                platform.get("/api/subsidy/eligibility?seniorId=" + seniorId),
                200,
                "read the demo senior's categories")) {
            holds |= category.equals(e.path("category").asString(""));
        }
        if (!holds) {
            JsonNode application = open(
                    platform.get("/api/subsidy/applications?status=PENDING&seniorId=" + seniorId), category, seniorId);
            if (application == null) {
                application = PlatformClient.expect(
                        platform.post(
                                "/api/subsidy/applications",
                                Map.of("seniorId", seniorId, "category", category, "note", "演示：家属代为申请")),
                        201,
                        "apply for " + category + " for the demo senior");
            }
            approve(
                    officer,
                    bureau,
                    "/api/subsidy/applications/" + application.get("id").asLong(),
                    application);
        }
        return Map.of("demo-community", communityPassword, "demo-bureau", bureauPassword);
    }

    /**
     * The bureau's side of the demo: an assessor of a demo assessment agency (who can assess the demo
     * senior on {@code /assessment.html}, e.g. as moderately disabled, after which a 失能 application
     * passes), and the demo community placed in a district and street with a street officer. Logins
     * made here, passwords set anew; areas that exist are taken as they are. Returns the passwords.
     */
    Map<String, String> demoBureauSide(String community) throws IOException, InterruptedException {
        String assessorPassword = randomPassword();
        String streetPassword = randomPassword();
        login("demo-assessor", assessorPassword, "ASSESSOR", "演示评估员", "13600000003", List.of());
        PlatformClient.expect(
                platform.put("/api/assessors/demo-assessor", Map.of("agency", "演示老年人能力评估中心")),
                200,
                "register the demo assessor's agency");
        area("DEMO-D", "演示区", "DISTRICT", null);
        area("DEMO-S", "演示街道", "STREET", "DEMO-D");
        area("DEMO-C", community, "COMMUNITY", "DEMO-S");
        Map<String, Object> street = new LinkedHashMap<>();
        street.put("username", "demo-street");
        street.put("password", streetPassword);
        street.put("role", "STREET");
        street.put("displayName", "演示街道工作人员");
        street.put("phone", "13600000004");
        street.put("area", "DEMO-S");
        PlatformClient.Reply reply = platform.post("/api/users", street);
        if (reply.status() == 409) {
            PlatformClient.expect(
                    platform.put("/api/users/demo-street/password", Map.of("password", streetPassword)),
                    204,
                    "set the password of demo-street");
        } else {
            PlatformClient.expect(reply, 201, "register STREET login demo-street");
        }
        return Map.of("demo-assessor", assessorPassword, "demo-street", streetPassword);
    }

    private void area(String code, String name, String level, String parent) throws IOException, InterruptedException {
        Map<String, Object> area = new LinkedHashMap<>();
        area.put("code", code);
        area.put("name", name);
        area.put("level", level);
        area.put("parent", parent);
        PlatformClient.Reply reply = platform.post("/api/areas", area);
        if (reply.status() != 409) {
            PlatformClient.expect(reply, 201, "create the area " + code);
        }
    }

    /** The open request for the category (and senior) in a list reply, or null. */
    private static JsonNode open(PlatformClient.Reply list, String category, Long seniorId) {
        for (JsonNode r : PlatformClient.expect(list, 200, "list open subsidy requests")) {
            if (category.equals(r.path("category").asString(""))
                    && (seniorId == null || r.path("seniorId").asLong() == seniorId)) {
                return r;
            }
        }
        return null;
    }

    /** Takes a request through its open steps: the community's approval, then the bureau's. */
    private static void approve(PlatformClient officer, PlatformClient bureau, String path, JsonNode request)
            throws IOException, InterruptedException {
        if ("PENDING_COMMUNITY".equals(request.path("status").asString(""))) {
            PlatformClient.expect(officer.post(path + "/approve", Map.of()), 200, "community approval of " + path);
        }
        PlatformClient.expect(bureau.post(path + "/approve", Map.of()), 200, "bureau approval of " + path);
    }

    void position(long responderId, double lat, double lon) throws IOException, InterruptedException {
        PlatformClient.expect(
                platform.put("/api/responders/" + responderId + "/position", Map.of("lat", lat, "lon", lon)),
                200,
                "move responder " + responderId);
    }

    static String randomPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
