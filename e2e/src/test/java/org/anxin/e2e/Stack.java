package org.anxin.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.anxin.gateway.server.GatewayConfig;
import org.anxin.gateway.server.GatewayServer;
import org.anxin.gateway.server.MqttWebSocketConfig;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;

/**
 * The whole system for end-to-end tests: the platform (with its embedded PostgreSQL and Redis)
 * and a gateway pointed at the same Redis, both on free ports. Started once for all test classes
 * and stopped when the test run ends.
 */
final class Stack implements AutoCloseable {
    private final Platform platform;
    private final GatewayServer gateway;

    private Stack(Platform platform, GatewayServer gateway) {
        this.platform = platform;
        this.gateway = gateway;
    }

    static Stack shared(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Stack.class, key -> start(), Stack.class);
    }

    private static Stack start() {
        try {
            // the platform tells the SOS page where the gateway's WebSocket is: a port known before both start
            int webSocketPort = org.anxin.platform.system.FreePorts.pick();
            Platform platform = Platform.start("--ANXIN_MQTT_WS_URL=ws://{host}:" + webSocketPort + "/mqtt");
            GatewayServer gateway = GatewayServer.start(
                    GatewayConfig.loopback(platform.redisUri()).withNode("e2e-gateway"),
                    new MqttWebSocketConfig(webSocketPort, MqttWebSocketConfig.DEFAULT_PATH));
            return new Stack(platform, gateway);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the system under test", e);
        }
    }

    int mqttWsPort() {
        return gateway.mqttWsPort();
    }

    Api admin() {
        return platform.admin();
    }

    javax.sql.DataSource dataSource() {
        return platform.dataSource();
    }

    String adminPassword() {
        return platform.adminPassword();
    }

    int mqttPort() {
        return gateway.mqttPort();
    }

    int watchPort() {
        return gateway.watchPort();
    }

    int gt06Port() {
        return gateway.gt06Port();
    }

    String baseUrl() {
        return platform.baseUrl();
    }

    /** A senior with an MQTT button; returns the button's secret. */
    String seniorWithButton(String name, String deviceId) {
        long senior = admin().post(
                        "/api/seniors",
                        Map.of(
                                "name",
                                name,
                                "phone",
                                "13900000000",
                                "address",
                                "拱墅区莫干山路 88 号",
                                "lat",
                                30.29,
                                "lon",
                                120.14))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        JsonNode device = admin().post("/api/devices", Map.of("id", deviceId, "protocol", "mqtt", "seniorId", senior))
                .expect(201)
                .json();
        return device.get("secret").asString();
    }

    /** A senior at home at the place, with no device. */
    long senior(String name, double lat, double lon) {
        return admin().post(
                        "/api/seniors",
                        Map.of("name", name, "phone", "13900000001", "address", name + "家", "lat", lat, "lon", lon))
                .expect(201)
                .json()
                .get("id")
                .asLong();
    }

    /** The first bookable item (in {@code GET /api/catalog}) that matches. */
    Optional<JsonNode> catalogItem(Predicate<JsonNode> which) {
        return admin().get("/api/catalog")
                .expect(200)
                .json()
                .valueStream()
                .flatMap(c -> c.get("items").valueStream())
                .filter(which)
                .findFirst();
    }

    /** A portal user (a FAMILY one linked to the seniors) and their API client. */
    Api user(String username, String password, String role, Long... seniorIds) {
        admin().post(
                        "/api/users",
                        Map.of(
                                "username",
                                username,
                                "password",
                                password,
                                "role",
                                role,
                                "displayName",
                                username,
                                "seniorIds",
                                List.of(seniorIds)))
                .expect(201);
        return admin().as(username, password);
    }

    static Map<String, Object> booking(long seniorId, long itemId, Instant from, Instant to) {
        return Map.of(
                "seniorId", seniorId, "itemId", itemId, "window", Map.of("from", from.toString(), "to", to.toString()));
    }

    /** The id of the bookable item of that name. */
    long itemId(String name) {
        return catalogItem(i -> i.get("name").asString().equals(name))
                .orElseThrow(() -> new AssertionError("no item " + name))
                .get("id")
                .asLong();
    }

    /** A bathing worker of a provider that offers 助浴, on duty at the place, and their API client. */
    Api bathingWorker(String name, String username, double lat, double lon) {
        Api admin = admin();
        long provider = admin.post("/api/providers", Map.of("name", name + "的服务中心", "kind", "HOME_CARE"))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        admin.put("/api/providers/" + provider + "/items", Map.of("itemIds", List.of(itemId("助浴"))))
                .expect(200);
        Api worker = user(username, "responder-pass-" + username, "RESPONDER");
        admin.post(
                        "/api/responders",
                        Map.of(
                                "name",
                                name,
                                "phone",
                                "+8613600000077",
                                "providerId",
                                provider,
                                "skills",
                                List.of("BATHING"),
                                "mode",
                                "WALK",
                                "capacity",
                                1,
                                "username",
                                username))
                .expect(201);
        worker.put("/api/responder/position", Map.of("lat", lat, "lon", lon)).expect(200);
        worker.put("/api/responder/status", Map.of("status", "AVAILABLE")).expect(200);
        return worker;
    }

    /**
     * A bathing visit at the senior's home at ({@code lat}, {@code lon}), booked by {@code booker}
     * for a minute of its own ({@code from}, so that its batch holds only it), assigned to the
     * worker, who checks in and out at the door at once. Returns the order's id.
     */
    long bathingVisitDone(Api booker, long seniorId, Api worker, Instant from, double lat, double lon) {
        long order = bathingVisitAssigned(booker, seniorId, from);
        String path = "/api/responder/orders/" + order;
        worker.post(path + "/accept").expect(200);
        worker.post(path + "/en-route").expect(200);
        worker.post(path + "/arrive", Map.of("lat", lat, "lon", lon)).expect(200);
        worker.post(path + "/start").expect(200);
        worker.post(path + "/check-out", Map.of("lat", lat, "lon", lon)).expect(200);
        return order;
    }

    /**
     * A bathing visit booked by {@code booker} for a minute of its own ({@code from}, so that its
     * batch holds only it) and assigned by the batch to the one worker who can take it. Returns the
     * order's id.
     */
    long bathingVisitAssigned(Api booker, long seniorId, Instant from) {
        long order = booker.post("/api/orders", booking(seniorId, itemId("助浴"), from, from.plus(Duration.ofHours(2))))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        JsonNode plan = admin().post(
                        "/api/orders/assign",
                        Map.of(
                                "from",
                                from.toString(),
                                "to",
                                from.plusSeconds(1).toString()))
                .expect(200)
                .json();
        if (plan.get("assigned").size() != 1) {
            throw new AssertionError("the visit's batch did not assign it alone: " + plan);
        }
        return order;
    }

    @Override
    public void close() throws Exception {
        gateway.close();
        platform.close();
    }
}
