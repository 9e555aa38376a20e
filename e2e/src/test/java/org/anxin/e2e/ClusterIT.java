package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.anxin.gateway.server.GatewayConfig;
import org.anxin.gateway.server.GatewayServer;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two platform nodes and two gateways on one PostgreSQL and one Redis, as {@code ./anxin cluster}
 * and the compose file run them (without the balancer: each test picks the node it talks to).
 * What one node or gateway takes in must show, or take effect, through the others.
 */
class ClusterIT {
    private static Platform node1;
    private static Platform node2;
    private static GatewayServer gatewayA;
    private static GatewayServer gatewayB;

    @BeforeAll
    static void cluster() throws Exception {
        // escalation within seconds, so both nodes' timers race for every step of it
        String[] fastEscalation = {
            "--ANXIN_ACK_TIMEOUT=PT2S", "--ANXIN_FAMILY_AFTER=PT4S", "--ANXIN_FAMILY_CALL_GAP=PT3S"
        };
        node1 = Platform.start(fastEscalation);
        node2 = Platform.join(node1, fastEscalation);
        gatewayA = GatewayServer.start(GatewayConfig.loopback(node1.redisUri()).withNode("cluster-gateway-a"));
        gatewayB = GatewayServer.start(GatewayConfig.loopback(node2.redisUri()).withNode("cluster-gateway-b"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (GatewayServer gateway : new GatewayServer[] {gatewayA, gatewayB}) {
            if (gateway != null) {
                gateway.close();
            }
        }
        for (Platform node : new Platform[] {node2, node1}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void anSosThroughGatewayAReachesTheConsolesOfBothNodes() throws Exception {
        String secret = button(node1.admin(), "王秀珍", "cluster-btn-sos", 30.27, 120.15);
        try (AlarmFeed console1 = new AlarmFeed(node1.admin());
                AlarmFeed console2 = new AlarmFeed(node2.admin())) {
            console1.awaitConnected();
            console2.awaitConnected();
            MqttClient button = Devices.connect(gatewayA.mqttPort(), "cluster-btn-sos", secret);
            Devices.publish(button, "cluster-btn-sos", sos(30.27, 120.15));

            await().atMost(Duration.ofSeconds(30)).until(() -> shows(console1, "cluster-btn-sos"));
            await().atMost(Duration.ofSeconds(30)).until(() -> shows(console2, "cluster-btn-sos"));
            Devices.close(button);
        }
        // stored once, though both nodes consume the streams
        assertThat(openAlarms(node2.admin(), "cluster-btn-sos")).hasSize(1);
    }

    @Test
    void aCommandSentThroughNode2ReachesAButtonOnGatewayBAndItsAnswerComesBack() throws Exception {
        String secret = button(node1.admin(), "钱秀兰", "cluster-btn-cmd", 30.28, 120.16);
        MqttClient button = Devices.connect(gatewayB.mqttPort(), "cluster-btn-cmd", secret);
        // sent through node 2, the status read through node 1
        Devices.locateRoundTrip(button, "cluster-btn-cmd", node2.admin(), node1.admin());
        Devices.close(button);
    }

    @Test
    void anUnansweredSosIsEscalatedOnceThoughBothNodesRunTheTimers() throws Exception {
        Api desk = node1.admin();
        long senior = desk.post(
                        "/api/seniors",
                        Map.of(
                                "name",
                                "周玉兰",
                                "phone",
                                "13900000003",
                                "address",
                                "周玉兰家",
                                "lat",
                                30.29,
                                "lon",
                                120.17,
                                "contacts",
                                List.of(
                                        Map.of("name", "周强", "relation", "儿子", "phone", "+8613900000301"),
                                        Map.of("name", "周丽", "relation", "女儿", "phone", "+8613900000302"))))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        String secret = desk.post(
                        "/api/devices", Map.of("id", "cluster-btn-esc", "protocol", "mqtt", "seniorId", senior))
                .expect(201)
                .json()
                .get("secret")
                .asString();
        MqttClient button = Devices.connect(gatewayA.mqttPort(), "cluster-btn-esc", secret);
        Devices.publish(button, "cluster-btn-esc", sos(30.29, 120.17));
        Devices.close(button);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !openAlarms(desk, "cluster-btn-esc").isEmpty());
        long alarm = openAlarms(desk, "cluster-btn-esc").get(0).get("id").asLong();

        // nobody answers: the supervisor step, then an SMS to each contact, then a call to each in
        // turn, then back to the operator
        await().atMost(Duration.ofSeconds(90)).until(() -> count(timeline(desk, alarm), "FAMILY_CALLS_EXHAUSTED") > 0);
        // both nodes tick every second: time enough for either to repeat a step it should not
        Thread.sleep(5_000);
        List<JsonNode> sent = node2.admin()
                .get("/api/alarms/" + alarm)
                .json()
                .get("notifications")
                .valueStream()
                .toList();
        assertThat(sent.stream()
                        .map(n -> n.get("phone").asString() + " "
                                + n.get("channel").asString())
                        .toList())
                .as("each contact one SMS and one call")
                .containsExactlyInAnyOrder(
                        "+8613900000301 SMS", "+8613900000302 SMS", "+8613900000301 VOICE", "+8613900000302 VOICE");
        JsonNode timeline = timeline(node1.admin(), alarm);
        assertThat(count(timeline, "ESCALATED")).as("the supervisor step once").isEqualTo(1);
        assertThat(count(timeline, "FAMILY_CALL")).as("the second call once").isEqualTo(1);
        assertThat(count(timeline, "FAMILY_CALLS_EXHAUSTED")).isEqualTo(1);
        desk.post("/api/alarms/" + alarm + "/acknowledge").expect(200);
        desk.post("/api/alarms/" + alarm + "/resolve", Map.of("outcome", "HELPED_ON_SITE"))
                .expect(200);
    }

    private static JsonNode timeline(Api api, long alarm) {
        return api.get("/api/alarms/" + alarm).json().get("timeline");
    }

    private static long count(JsonNode timeline, String action) {
        return timeline.valueStream()
                .filter(t -> action.equals(t.path("action").asString("")))
                .count();
    }

    @Test
    void twoRespondersAcceptingOneEmergencyThroughDifferentNodesOneWins() throws Exception {
        double lat = 30.2600;
        double lon = 120.1300;
        Api desk = node1.admin();
        long provider = desk.post("/api/providers", Map.of("name", "集群志愿队", "kind", "COMMUNITY_STATION"))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        Api first = responder(desk, node1, "cluster-rsp-1", "志愿者一", provider, lat + 0.0009, lon);
        Api second = responder(desk, node2, "cluster-rsp-2", "志愿者二", provider, lat + 0.0011, lon);
        String secret = button(desk, "孙桂英", "cluster-btn-race", lat, lon);
        MqttClient button = Devices.connect(gatewayB.mqttPort(), "cluster-btn-race", secret);
        Devices.publish(button, "cluster-btn-race", sos(lat, lon));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !openAlarms(desk, "cluster-btn-race").isEmpty());
        long alarm = openAlarms(desk, "cluster-btn-race").get(0).get("id").asLong();
        Devices.close(button);

        node2.admin().post("/api/dispatch/alarms/" + alarm).expect(200);
        long offerOne = openOffer(first);
        long offerTwo = openOffer(second);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> one = pool.submit(() -> {
            go.await();
            return first.post("/api/responder/offers/" + offerOne + "/accept").status();
        });
        Future<Integer> two = pool.submit(() -> {
            go.await();
            return second.post("/api/responder/offers/" + offerTwo + "/accept").status();
        });
        go.countDown();
        List<Integer> statuses = new ArrayList<>(List.of(one.get(), two.get()));
        pool.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        JsonNode detail = node2.admin().get("/api/alarms/" + alarm).json();
        assertThat(detail.get("status").asString()).isEqualTo("DISPATCHED");
        String winner = statuses.get(0) == 200 ? "志愿者一" : "志愿者二";
        assertThat(detail.get("responder").asString()).isEqualTo(winner);
        assertThat(desk.get("/api/dispatch/alarms/" + alarm)
                        .json()
                        .get(0)
                        .get("offers")
                        .valueStream()
                        .map(o -> o.get("status").asString()))
                .containsExactlyInAnyOrder("ACCEPTED", "WITHDRAWN");
    }

    /**
     * Two desk operators start the same batch through node 1 and node 2 at the same moment: every
     * order is handed out once, to one responder, with one ASSIGNED step and one SMS line.
     */
    @Test
    void aBatchStartedThroughBothNodesAtOnceHandsOutEachOrderOnce() throws Exception {
        double lat = 30.3100;
        double lon = 120.2100;
        Api desk = node1.admin();
        long item = desk.get("/api/catalog")
                .expect(200)
                .json()
                .valueStream()
                .flatMap(c -> c.get("items").valueStream())
                .filter(i -> i.get("name").asString().equals("助洁"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        long provider = desk.post("/api/providers", Map.of("name", "集群助洁中心", "kind", "HOME_CARE"))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        desk.put("/api/providers/" + provider + "/items", Map.of("itemIds", List.of(item)))
                .expect(200);
        responder(desk, node1, "cluster-clean-3", "保洁员三", provider, List.of("CLEANING"), lat + 0.0009, lon);
        responder(desk, node2, "cluster-clean-4", "保洁员四", provider, List.of("CLEANING"), lat - 0.0009, lon);
        Instant from = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofDays(3));
        Instant to = from.plus(Duration.ofHours(1));
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long senior = desk.post(
                            "/api/seniors",
                            Map.of(
                                    "name", "集群老人" + i,
                                    "phone", "13900000003",
                                    "address", "集群老人" + i + "家",
                                    "lat", lat + i * 0.0002,
                                    "lon", lon))
                    .expect(201)
                    .json()
                    .get("id")
                    .asLong();
            Map<String, String> window = Map.of(
                    "from", from.plus(Duration.ofMinutes(10 + i)).toString(),
                    "to", from.plus(Duration.ofHours(2)).toString());
            orders.add(desk.post("/api/orders", Map.of("seniorId", senior, "itemId", item, "window", window))
                    .expect(201)
                    .json()
                    .get("id")
                    .asLong());
        }

        Map<String, String> range = Map.of("from", from.toString(), "to", to.toString());
        List<JsonNode> plans = atOnce(
                () -> node1.admin()
                        .post("/api/orders/assign", range)
                        .expect(200)
                        .json(),
                () -> node2.admin()
                        .post("/api/orders/assign", range)
                        .expect(200)
                        .json());

        List<Long> assigned = plans.stream()
                .flatMap(plan -> plan.get("assigned").valueStream())
                .map(pair -> pair.get("orderId").asLong())
                .toList();
        // two responders, one order each: two of the three orders, each in one plan only
        assertThat(assigned).hasSize(2).doesNotHaveDuplicates().isSubsetOf(orders);
        for (long order : orders) {
            JsonNode detail =
                    node2.admin().get("/api/orders/" + order).expect(200).json();
            long steps = detail.get("timeline")
                    .valueStream()
                    .filter(t -> "ASSIGNED".equals(t.path("action").asString("")))
                    .count();
            assertThat(steps).as("ASSIGNED steps of order %d", order).isEqualTo(assigned.contains(order) ? 1 : 0);
            assertThat(detail.get("status").asString()).isEqualTo(assigned.contains(order) ? "ASSIGNED" : "REQUESTED");
        }
    }

    /** Closing one provider's month through both nodes at the same moment: one close, one 409. */
    @Test
    void aMonthClosedThroughBothNodesAtOnceIsClosedOnce() throws Exception {
        long provider = node1.admin()
                .post("/api/providers", Map.of("name", "集群结算中心", "kind", "HOME_CARE"))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        String close = "/api/settlements/" + month + "/providers/" + provider + "/close";

        List<Integer> statuses = atOnce(
                () -> node1.admin().post(close).status(),
                () -> node2.admin().post(close).status());

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        JsonNode statement = node2.admin()
                .get("/api/settlements/" + month + "/providers/" + provider)
                .expect(200)
                .json();
        assertThat(statement.get("closedAt").isNull()).isFalse();
    }

    /** Both calls released at the same moment from two threads; their results in call order. */
    private static <T> List<T> atOnce(Callable<T> first, Callable<T> second) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<T> one = pool.submit(() -> {
                go.await();
                return first.call();
            });
            Future<T> two = pool.submit(() -> {
                go.await();
                return second.call();
            });
            go.countDown();
            return List.of(one.get(60, TimeUnit.SECONDS), two.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    /** A RESPONDER login, its responder with first aid on duty at the place; its API client on {@code node}. */
    private static Api responder(
            Api desk, Platform node, String username, String name, long provider, double lat, double lon) {
        return responder(desk, node, username, name, provider, List.of("FIRST_AID"), lat, lon);
    }

    /** A RESPONDER login, its responder (one order at a time) with these skills on duty at the place. */
    private static Api responder(
            Api desk,
            Platform node,
            String username,
            String name,
            long provider,
            List<String> skills,
            double lat,
            double lon) {
        String password = "cluster-pass-" + username;
        desk.post(
                        "/api/users",
                        Map.of("username", username, "password", password, "role", "RESPONDER", "displayName", name))
                .expect(201);
        desk.post(
                        "/api/responders",
                        Map.of(
                                "name",
                                name,
                                "phone",
                                "+861360000000" + username.charAt(username.length() - 1),
                                "providerId",
                                provider,
                                "skills",
                                skills,
                                "mode",
                                "WALK",
                                "capacity",
                                1,
                                "username",
                                username))
                .expect(201);
        Api api = node.admin().as(username, password);
        api.put("/api/responder/position", Map.of("lat", lat, "lon", lon)).expect(200);
        api.put("/api/responder/status", Map.of("status", "AVAILABLE")).expect(200);
        return api;
    }

    private static long openOffer(Api responder) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> responder.get("/api/responder/offers").json().size() > 0);
        return responder
                .get("/api/responder/offers")
                .json()
                .get(0)
                .get("offerId")
                .asLong();
    }

    private static String button(Api desk, String name, String deviceId, double lat, double lon) {
        long senior = desk.post(
                        "/api/seniors",
                        Map.of("name", name, "phone", "13900000002", "address", name + "家", "lat", lat, "lon", lon))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        return desk.post("/api/devices", Map.of("id", deviceId, "protocol", "mqtt", "seniorId", senior))
                .expect(201)
                .json()
                .get("secret")
                .asString();
    }

    private static String sos(double lat, double lon) {
        return "{\"type\":\"SOS\",\"ts\":\"" + Instant.now() + "\",\"lat\":" + lat + ",\"lon\":" + lon + "}";
    }

    private static boolean shows(AlarmFeed console, String deviceId) {
        return console.alarms().stream()
                .anyMatch(a -> deviceId.equals(a.get("deviceId").asString()));
    }

    private static List<JsonNode> openAlarms(Api api, String deviceId) {
        return api.get("/api/alarms?status=OPEN")
                .expect(200)
                .json()
                .valueStream()
                .filter(a -> deviceId.equals(a.get("deviceId").asString()))
                .toList();
    }
}
