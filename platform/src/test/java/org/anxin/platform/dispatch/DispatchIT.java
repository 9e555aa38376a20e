package org.anxin.platform.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.anxin.platform.DeskContext;
import org.anxin.platform.DeviceStream;
import org.anxin.platform.HttpApi;
import org.anxin.platform.system.Geo;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dispatcher on the embedded stack: real Redis GEO, real offers and locks, a clock the test
 * moves. Each test works in a place of its own, far from the others' responders.
 */
class DispatchIT extends DeskContext {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private final Map<String, String> passwords = new HashMap<>();

    @Test
    void ranksOnlyThoseWhoCanReachTheSeniorInsideTheCircle() {
        double lat = 31.2304;
        double lon = 121.4737; // Shanghai, People's Square
        long provider = provider("黄浦社区服务站");
        LocalTime now = LocalTime.ofInstant(clock.instant(), CITY);
        long near = responder("近-步行", provider, "WALK", List.of("FIRST_AID"), north(lat, 300), lon, null);
        responder("远-步行", provider, "WALK", List.of("FIRST_AID"), north(lat, 700), lon, null);
        long car = responder("远-汽车", provider, "CAR", List.of("FIRST_AID", "ESCORT"), north(lat, 3000), lon, null);
        responder("无急救技能", provider, "EBIKE", List.of("CLEANING"), north(lat, 200), lon, null);
        long off = responder("下岗", provider, "EBIKE", List.of("FIRST_AID"), north(lat, 250), lon, null);
        admin().put("/api/responders/" + off + "/status", Map.of("status", "OFF"))
                .expect(200);
        responder("不在班", provider, "EBIKE", List.of("FIRST_AID"), north(lat, 150), lon, new LocalTime[] {
            now.plusHours(2), now.plusHours(3)
        });

        List<JsonNode> ranking = admin().get("/api/dispatch/candidates?lat=" + lat + "&lon=" + lon + "&kind=emergency")
                .expect(200)
                .json()
                .valueStream()
                .toList();

        assertThat(ranking.stream().map(c -> c.get("responderId").asLong())).containsExactly(near, car);
        for (JsonNode c : ranking) {
            double expected =
                    Geo.meters(lat, lon, north(lat, c.get("responderId").asLong() == near ? 300 : 3000), lon);
            assertThat(c.get("distanceMeters").asDouble())
                    .isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(0.5));
            assertThat(c.get("etaSeconds").asInt()).isLessThanOrEqualTo(600);
        }
        // the widened (service) circle reaches the 700 m walker too, with the skill asked for
        assertThat(admin().get("/api/dispatch/candidates?lat=" + lat + "&lon=" + lon + "&kind=service&skill=ESCORT")
                        .json()
                        .valueStream()
                        .map(c -> c.get("name").asString()))
                .containsExactly("远-汽车");
        assertThat(admin().get("/api/dispatch/candidates?lat=" + lat + "&lon=" + lon + "&kind=service")
                        .status())
                .isEqualTo(400);
        assertThat(admin().get("/api/dispatch/candidates?lat=95&lon=" + lon).status())
                .isEqualTo(400);
    }

    @Test
    void twoRespondersAcceptingAtOnceNeverBothWin() throws Exception {
        double lat = 39.9087;
        double lon = 116.3975; // Beijing
        long provider = provider("东城志愿队");
        long a = responder("志愿者甲", provider, "WALK", List.of("FIRST_AID"), north(lat, 100), lon, null);
        long b = responder("志愿者乙", provider, "WALK", List.of("FIRST_AID"), north(lat, 120), lon, null);
        long alarm = sosAt("dsp-race-1", "赵大爷", lat, lon);

        admin().post("/api/dispatch/alarms/" + alarm).expect(200);
        long offerA = openOffer("志愿者甲");
        long offerB = openOffer("志愿者乙");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> first = pool.submit(() -> {
            go.await();
            return as("志愿者甲")
                    .post("/api/responder/offers/" + offerA + "/accept")
                    .status();
        });
        Future<Integer> second = pool.submit(() -> {
            go.await();
            return as("志愿者乙")
                    .post("/api/responder/offers/" + offerB + "/accept")
                    .status();
        });
        go.countDown();
        List<Integer> statuses = new ArrayList<>(List.of(first.get(), second.get()));
        pool.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        JsonNode detail = admin().get("/api/alarms/" + alarm).json();
        assertThat(detail.get("status").asString()).isEqualTo("DISPATCHED");
        String winner = detail.get("responder").asString();
        assertThat(winner).isIn("志愿者甲", "志愿者乙");
        assertThat(admin().get("/api/dispatch/alarms/" + alarm)
                        .json()
                        .get(0)
                        .get("offers")
                        .valueStream()
                        .map(o -> o.get("status").asString()))
                .containsExactlyInAnyOrder("ACCEPTED", "WITHDRAWN");
        assertThat(actions(alarm)).containsSubsequence("DISPATCH_STARTED", "OFFERED", "DISPATCHED", "WITHDRAWN");
        long loser = winner.equals("志愿者甲") ? b : a;
        assertThat(admin().get("/api/responders/" + loser).json().get("status").asString())
                .isEqualTo("AVAILABLE");
        assertThat(admin().get("/api/responders/" + (loser == a ? b : a))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("BUSY");
    }

    @Test
    void timesOutReoffersWidensTheCircleThenHandsBackToTheOperator() {
        double lat = 22.5431;
        double lon = 114.0579; // Shenzhen
        long provider = provider("福田社区站");
        for (int i = 1; i <= 4; i++) {
            responder("步行" + i, provider, "WALK", List.of("FIRST_AID"), north(lat, 50 * i), lon, null);
        }
        responder("远处汽车", provider, "CAR", List.of("FIRST_AID"), north(lat, 4500), lon, null); // ETA 848 s
        long alarm = sosAt("dsp-chain-1", "钱奶奶", lat, lon);
        admin().put(
                        "/api/seniors/" + seniorOf(alarm) + "/contacts",
                        List.of(Map.of("name", "钱磊", "relation", "孙子", "phone", "+8613900000777")))
                .expect(200);

        JsonNode started =
                admin().post("/api/dispatch/alarms/" + alarm).expect(200).json();
        assertThat(started.get("offers").size()).isEqualTo(3);
        assertThat(admin().post("/api/dispatch/alarms/" + alarm).status()).isEqualTo(409);

        clock.advance(Duration.ofSeconds(61)); // nobody answered: the fourth walker is next
        long fourth = awaitValue(() -> offerFor("步行4"));
        as("步行4")
                .post("/api/responder/offers/" + fourth + "/decline", Map.of("reason", "在另一单"))
                .expect(200);
        long far = awaitValue(() -> offerFor("远处汽车")); // widened to 15 minutes
        clock.advance(Duration.ofSeconds(61));
        await(() -> actions(alarm).contains("DISPATCH_FAILED"));

        assertThat(actions(alarm))
                .containsSubsequence(
                        "DISPATCH_STARTED",
                        "OFFERED",
                        "TIMED_OUT",
                        "OFFERED",
                        "DECLINED",
                        "CIRCLE_WIDENED",
                        "OFFERED",
                        "TIMED_OUT",
                        "DISPATCH_FAILED");
        assertThat(as("远处汽车").post("/api/responder/offers/" + far + "/accept").status())
                .isEqualTo(409);
        JsonNode detail = admin().get("/api/alarms/" + alarm).json();
        assertThat(detail.get("status").asString()).isEqualTo("RAISED");
        assertThat(detail.get("notifications").valueStream().map(n -> n.get("purpose")
                        .asString()))
                .contains("RESPONDER_OFFER", "FAMILY_NO_RESPONDER");
        await(() -> TWILIO.to("+8613900000777").stream()
                .anyMatch(r -> r.form().get("Body").contains("暂时没有附近的响应人员")));
    }

    @Test
    void arrivedIsRefusedFarFromTheSeniorAndLatenessIsFlagged() {
        double lat = 30.5728;
        double lon = 104.0668; // Chengdu
        long provider = provider("锦江护理站");
        long nurse = responder("护士小周", provider, "EBIKE", List.of("FIRST_AID", "NURSING"), north(lat, 1500), lon, null);
        long alarm = sosAt("dsp-arrive-1", "孙爷爷", lat, lon);
        admin().post("/api/dispatch/alarms/" + alarm).expect(200);
        long offer = openOffer("护士小周");
        long dispatch = as("护士小周")
                .post("/api/responder/offers/" + offer + "/accept")
                .expect(200)
                .json()
                .get("dispatchId")
                .asLong();

        clock.advance(Duration.ofSeconds(601)); // not on scene within the 10-minute circle
        await(() -> actions(alarm).contains("RESPONDER_LATE"));

        HttpApi.Response far = as("护士小周")
                .post("/api/responder/jobs/" + dispatch + "/arrived", Map.of("lat", north(lat, 2000), "lon", lon));
        assertThat(far.status()).isEqualTo(409);
        assertThat(far.json().get("detail").asString()).contains("m from the senior");
        assertThat(admin().get("/api/alarms/" + alarm).json().get("status").asString())
                .isEqualTo("DISPATCHED");
        assertThat(as("护士小周")
                        .post("/api/responder/jobs/" + dispatch + "/done", Map.of("outcome", "HELPED_ON_SITE"))
                        .status())
                .isEqualTo(409);

        as("护士小周")
                .post("/api/responder/jobs/" + dispatch + "/arrived", Map.of("lat", north(lat, 40), "lon", lon))
                .expect(200);
        assertThat(admin().get("/api/alarms/" + alarm).json().get("status").asString())
                .isEqualTo("RESPONDER_ON_SCENE");
        as("护士小周")
                .post("/api/responder/jobs/" + dispatch + "/done", Map.of("outcome", "HELPED_ON_SITE"))
                .expect(200);
        assertThat(admin().get("/api/alarms/" + alarm).json().get("status").asString())
                .isEqualTo("RESOLVED");
        JsonNode after = admin().get("/api/responders/" + nurse).json();
        assertThat(after.get("status").asString()).isEqualTo("AVAILABLE");
        assertThat(after.get("load").asInt()).isZero();
    }

    @Test
    void onlyTheOfferedResponderMayAnswerAndOnlyStaffSeeTheRanking() {
        double lat = 23.1291;
        double lon = 113.2644; // Guangzhou
        long provider = provider("越秀服务站");
        responder("甲", provider, "WALK", List.of("FIRST_AID"), north(lat, 100), lon, null);
        long alarm = sosAt("dsp-auth-1", "李奶奶", lat, lon);
        admin().post("/api/dispatch/alarms/" + alarm).expect(200);
        long offer = openOffer("甲");
        responder("乙", provider, "WALK", List.of("FIRST_AID"), north(lat, 40000), lon, null);

        assertThat(as("乙").post("/api/responder/offers/" + offer + "/accept").status())
                .isEqualTo(403);
        assertThat(as("乙").get("/api/responder/offers").json().size()).isZero();
        // a responder sees a senior only in their own offers and jobs, never through the general API
        long senior = seniorOf(alarm);
        assertThat(as("甲").get("/api/seniors").json().size()).isZero();
        assertThat(as("甲").get("/api/seniors/" + senior).status()).isEqualTo(403);
        assertThat(as("甲").get("/api/seniors/" + senior + "/contacts").status()).isEqualTo(403);
        assertThat(as("甲").get("/api/alarms/" + alarm).status()).isEqualTo(403);
        assertThat(as("甲").get("/api/alarms/" + alarm + "/record").status()).isEqualTo(403);
        assertThat(as("甲").get("/api/alarms?status=OPEN").json().size()).isZero();
        assertThat(as("乙").get("/api/dispatch/candidates?lat=" + lat + "&lon=" + lon)
                        .status())
                .isEqualTo(403);
        assertThat(as("乙").put("/api/responders/" + responderId("甲") + "/status", Map.of("status", "OFF"))
                        .status())
                .isEqualTo(403);
        createUser("family-li-dsp", "family-pass-li", "FAMILY", seniorOf(alarm));
        assertThat(as("family-li-dsp", "family-pass-li")
                        .post("/api/dispatch/alarms/" + alarm)
                        .status())
                .isEqualTo(403);
        assertThat(admin().post("/api/providers", Map.of("name", "x", "kind", "SPACESHIP"))
                        .status())
                .isEqualTo(400);
        assertThat(admin().post(
                                "/api/responders",
                                Map.of(
                                        "name",
                                        "x",
                                        "providerId",
                                        provider,
                                        "skills",
                                        List.of("JUGGLING"),
                                        "mode",
                                        "WALK"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void coverageListsExactlyTheSeniorsNobodyCanReach() {
        double lat = 36.0671;
        double lon = 120.3826; // Qingdao
        long provider = provider("市南服务站");
        long reached = senior("覆盖内", "八大关社区", lat, lon);
        long alone = senior("覆盖外", "八大关社区", north(lat, 8000), lon);
        long other = senior("另一社区", "金门路社区", north(lat, 200), lon);
        responder("急救员", provider, "WALK", List.of("FIRST_AID"), north(lat, 100), lon, null);

        JsonNode coverage =
                admin().get("/api/coverage?kind=emergency").expect(200).json();

        List<Long> uncovered = coverage.get("uncovered")
                .valueStream()
                .map(u -> u.get("seniorId").asLong())
                .toList();
        assertThat(uncovered).contains(alone).doesNotContain(reached, other);
        Map<Long, Boolean> perSenior = new HashMap<>();
        coverage.get("perSenior")
                .valueStream()
                .forEach(e -> perSenior.put(
                        e.get("seniorId").asLong(), e.get("covered").asBoolean()));
        assertThat(perSenior)
                .containsEntry(reached, true)
                .containsEntry(other, true)
                .containsEntry(alone, false);
        JsonNode community = coverage.get("perCommunity")
                .valueStream()
                .filter(c -> c.get("community").asString().equals("八大关社区"))
                .findFirst()
                .orElseThrow();
        assertThat(community.get("seniors").asInt()).isEqualTo(2);
        assertThat(community.get("covered").asInt()).isEqualTo(1);
        assertThat(community.get("sharePercent").asDouble()).isEqualTo(50.0);
    }

    @Test
    void aPressWithoutAFixSendsHelpToTheSeniorsHome() {
        double lat = 34.3416;
        double lon = 108.9398; // Xi'an
        long provider = provider("碑林服务站");
        responder("小杜", provider, "WALK", List.of("FIRST_AID"), north(lat, 150), lon, null);
        long home = senior("韩奶奶", "南院门社区", lat, lon);
        long alarm = pressWithoutFix("dsp-nofix-1", home);

        admin().post("/api/dispatch/alarms/" + alarm).expect(200);
        JsonNode offer = awaitValue(() -> as("小杜").get("/api/responder/offers")
                .json()
                .valueStream()
                .findFirst()
                .orElse(null));
        assertThat(offer.get("lat").asDouble()).isEqualTo(lat);
        assertThat(offer.get("lon").asDouble()).isEqualTo(lon);
        assertThat(offer.get("distanceMeters").asInt()).isBetween(145, 155);

        // no fix and no home: the desk must pick by hand, and nothing is started
        long homeless = admin().post("/api/seniors", Map.of("name", "无住址老人"))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        long lost = pressWithoutFix("dsp-nofix-2", homeless);
        HttpApi.Response refused = admin().post("/api/dispatch/alarms/" + lost);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("no position");
        assertThat(admin().get("/api/dispatch/alarms/" + lost).json().size()).isZero();
    }

    @Test
    void aProvidersServiceAreaBoundsWhereItsRespondersAreOffered() {
        double lat = 30.5928;
        double lon = 114.3055; // Wuhan
        long elsewhere = providerServing("汉阳服务站", north(lat, 5000), lon, 1000);
        long here = providerServing("江汉服务站", lat, lon, 2000);
        long citywide = provider("全市志愿队");
        responder("区外护工", elsewhere, "WALK", List.of("FIRST_AID"), north(lat, 80), lon, null);
        responder("区内护工", here, "WALK", List.of("FIRST_AID"), north(lat, 120), lon, null);
        responder("志愿者", citywide, "WALK", List.of("FIRST_AID"), north(lat, 160), lon, null);

        List<String> names = admin().get("/api/dispatch/candidates?lat=" + lat + "&lon=" + lon + "&kind=emergency")
                .expect(200)
                .json()
                .valueStream()
                .map(c -> c.get("name").asString())
                .toList();

        assertThat(names).containsExactly("区内护工", "志愿者");
        JsonNode created = admin().get("/api/providers")
                .json()
                .valueStream()
                .filter(p -> p.get("id").asLong() == here)
                .findFirst()
                .orElseThrow();
        assertThat(created.get("serviceArea").get("radiusMeters").asInt()).isEqualTo(2000);
        assertThat(admin().post(
                                "/api/providers",
                                Map.of(
                                        "name", "x",
                                        "kind", "CLINIC",
                                        "serviceArea", Map.of("lat", lat, "lon", lon, "radiusMeters", 5)))
                        .status())
                .isEqualTo(400);
    }

    // --- helpers

    /** A point {@code meters} due north. */
    private static double north(double lat, double meters) {
        return lat + meters / 111_194.93;
    }

    private long providerServing(String name, double lat, double lon, int radiusMeters) {
        return admin().post(
                        "/api/providers",
                        Map.of(
                                "name",
                                name,
                                "kind",
                                "COMMUNITY_STATION",
                                "serviceArea",
                                Map.of("lat", lat, "lon", lon, "radiusMeters", radiusMeters)))
                .expect(201)
                .json()
                .get("id")
                .asLong();
    }

    private long provider(String name) {
        return admin().post("/api/providers", Map.of("name", name, "kind", "COMMUNITY_STATION"))
                .expect(201)
                .json()
                .get("id")
                .asLong();
    }

    private long responder(
            String name, long provider, String mode, List<String> skills, double lat, double lon, LocalTime[] shift) {
        String username = "rsp-" + Math.abs(name.hashCode()) + "-" + provider;
        String password = "responder-pass-" + provider;
        createUser(username, password, "RESPONDER");
        passwords.put(name, username + " " + password);
        Map<String, Object> body = new HashMap<>(Map.of(
                "name",
                name,
                "phone",
                "+86136" + String.format(java.util.Locale.ROOT, "%08d", Math.abs(name.hashCode()) % 100_000_000),
                "providerId",
                provider,
                "skills",
                skills,
                "mode",
                mode,
                "username",
                username));
        if (shift != null) {
            body.put("shiftStart", shift[0].toString());
            body.put("shiftEnd", shift[1].toString());
        }
        long id = admin().post("/api/responders", body)
                .expect(201)
                .json()
                .get("id")
                .asLong();
        as(name).put("/api/responder/position", Map.of("lat", lat, "lon", lon)).expect(200);
        as(name).put("/api/responder/status", Map.of("status", "AVAILABLE")).expect(200);
        return id;
    }

    private HttpApi as(String responderName) {
        String[] credentials = passwords.get(responderName).split(" ");
        return as(credentials[0], credentials[1]);
    }

    private long responderId(String name) {
        return as(name).get("/api/responder/me").json().get("id").asLong();
    }

    private long senior(String name, String community, double lat, double lon) {
        return admin().post("/api/seniors", Map.of("name", name, "community", community, "lat", lat, "lon", lon))
                .expect(201)
                .json()
                .get("id")
                .asLong();
    }

    private long sosAt(String deviceId, String name, double lat, double lon) {
        long senior = senior(name, "测试社区", lat, lon);
        createDevice(deviceId, senior);
        Map<String, String> sos = DeviceStream.entry(deviceId, "SOS", clock.instant(), clock.instant());
        sos.put("lat", Double.toString(lat));
        sos.put("lon", Double.toString(lon));
        DeviceStream.xadd(redis, sos);
        return openAlarmOf(deviceId);
    }

    private long pressWithoutFix(String deviceId, long senior) {
        createDevice(deviceId, senior);
        Map<String, String> sos = DeviceStream.entry(deviceId, "SOS", clock.instant(), clock.instant());
        sos.remove("lat"); // pressed indoors: no fix
        sos.remove("lon");
        DeviceStream.xadd(redis, sos);
        return openAlarmOf(deviceId);
    }

    private long openAlarmOf(String deviceId) {
        return awaitValue(() -> admin().get("/api/alarms?status=OPEN")
                        .json()
                        .valueStream()
                        .filter(a -> a.get("deviceId").asString().equals(deviceId))
                        .findFirst()
                        .orElse(null))
                .get("id")
                .asLong();
    }

    private long seniorOf(long alarm) {
        return admin().get("/api/alarms/" + alarm).json().get("seniorId").asLong();
    }

    private Long offerFor(String responderName) {
        return as(responderName)
                .get("/api/responder/offers")
                .json()
                .valueStream()
                .map(o -> o.get("offerId").asLong())
                .findFirst()
                .orElse(null);
    }

    private long openOffer(String responderName) {
        return awaitValue(() -> offerFor(responderName));
    }

    private List<String> actions(long alarm) {
        return admin().get("/api/alarms/" + alarm)
                .json()
                .get("timeline")
                .valueStream()
                .map(e -> e.get("action").asString())
                .toList();
    }
}
