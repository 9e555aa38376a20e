package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.anxin.gateway.server.GatewayConfig;
import org.anxin.gateway.server.GatewayServer;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole path on a three-master Redis Cluster ({@link RedisClusterRig}): a platform (its own
 * embedded PostgreSQL) and a gateway both given the cluster's nodes in {@code ANXIN_REDIS_URL}.
 * Subclasses start it plain or over TLS.
 */
abstract class RedisClusterPath {
    static RedisClusterRig cluster;
    static Platform platform;
    static GatewayServer gateway;

    static void startAll(RedisClusterRig.Tls tls) throws Exception {
        cluster = RedisClusterRig.start(tls);
        Path ca = tls == null ? null : tls.ca();
        platform = Platform.onRedis(cluster.url(), ca);
        gateway = GatewayServer.start(
                GatewayConfig.loopback(cluster.url()).withRedisCaFile(ca).withNode("cluster-redis-gateway"));
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        gateway = null;
        platform = null;
        cluster = null;
    }

    @Test
    void anSosThroughTheGatewayRaisesOneAlarmOnTheLiveFeedAndItsEventsAreStored() throws Exception {
        String secret = button("王淑芬", "rc-btn-sos", 30.27, 120.15);
        try (AlarmFeed console = new AlarmFeed(platform.admin())) {
            console.awaitConnected();
            MqttClient button = Devices.connect(gateway.mqttPort(), "rc-btn-sos", secret);
            String sos = "{\"type\":\"SOS\",\"ts\":\"" + Instant.now() + "\",\"lat\":30.27,\"lon\":120.15}";
            Devices.publish(button, "rc-btn-sos", sos); // PUBACK: the XADD reached the cluster
            Devices.publish(button, "rc-btn-sos", sos); // a QoS 1 redelivery of the same press
            Devices.publish(button, "rc-btn-sos", "{\"type\":\"HEARTBEAT\",\"battery\":66}");

            await().atMost(Duration.ofSeconds(30)).until(() -> console.alarms().stream()
                    .anyMatch(a -> "rc-btn-sos".equals(a.get("deviceId").asString())));
            await().atMost(Duration.ofSeconds(30)).until(() -> platform.admin()
                    .get("/api/devices/rc-btn-sos/events")
                    .json()
                    .valueStream()
                    .anyMatch(e -> "HEARTBEAT".equals(e.get("type").asString())));
            Devices.close(button);
        }
        List<JsonNode> open = openAlarms("rc-btn-sos");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("type").asString()).isEqualTo("SOS");
        assertThat(platform.admin()
                        .get("/api/devices/rc-btn-sos")
                        .json()
                        .get("battery")
                        .asInt())
                .isEqualTo(66);
        // the streams, registry and sessions are spread over the three masters, not on one
        assertThat(cluster.keysPerNode()).hasSize(3).allSatisfy(keys -> assertThat(keys)
                .isPositive());
    }

    @Test
    void aPortalLoginLivesInTheClusterAndLogoutEndsIt() throws Exception {
        PortalLogin browser = new PortalLogin(platform.baseUrl());
        browser.logIn("admin", platform.adminPassword());
        String session = browser.session();

        assertThat(browser.me(session).statusCode()).isEqualTo(200);
        assertThat(Api.JSON.readTree(browser.me(session).body()).get("username").asString())
                .isEqualTo("admin");

        browser.logOut();
        assertThat(browser.me(session).statusCode()).isEqualTo(401);
    }

    @Test
    void aLogoutEndsTheLiveStreamItsSessionOpenedWhicheverMasterHoldsTheSession() throws Exception {
        // Spring Session hears of a logout through a keyspace event of the master holding the
        // session's keys: each of these sessions lands on some master, none may be missed
        for (int i = 0; i < 4; i++) {
            PortalLogin browser = new PortalLogin(platform.baseUrl());
            browser.logIn("admin", platform.adminPassword());
            try (AlarmFeed feed = AlarmFeed.withSession(platform.baseUrl(), browser.session())) {
                feed.awaitConnected();

                browser.logOut();

                await().atMost(Duration.ofSeconds(30)).until(feed::ended);
            }
        }
    }

    @Test
    void aCommandReachesTheButtonThroughItsGatewayStreamAndItsAnswerComesBack() throws Exception {
        String secret = button("赵桂芝", "rc-btn-cmd", 30.28, 120.16);
        MqttClient button = Devices.connect(gateway.mqttPort(), "rc-btn-cmd", secret);
        Devices.locateRoundTrip(button, "rc-btn-cmd", platform.admin(), platform.admin());
        Devices.close(button);
    }

    @Test
    void aRevokedButtonIsDisconnectedThroughTheGatewayStreamFoundOnAnyNode() throws Exception {
        String secret = button("钱秀英", "rc-btn-revoke", 30.29, 120.17);
        MqttClient button = Devices.connect(gateway.mqttPort(), "rc-btn-revoke", secret);
        Devices.publish(button, "rc-btn-revoke", "{\"type\":\"HEARTBEAT\",\"battery\":90}");

        // the platform finds every gateway's command stream with a SCAN over every master
        platform.admin().post("/api/devices/rc-btn-revoke/revoke").expect(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> !button.isConnected());
        button.close();
    }

    static String button(String name, String deviceId, double lat, double lon) {
        Api desk = platform.admin();
        long senior = desk.post(
                        "/api/seniors",
                        Map.of("name", name, "phone", "13900000009", "address", name + "家", "lat", lat, "lon", lon))
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

    private static List<JsonNode> openAlarms(String deviceId) {
        return platform.admin()
                .get("/api/alarms?status=OPEN")
                .expect(200)
                .json()
                .valueStream()
                .filter(a -> deviceId.equals(a.get("deviceId").asString()))
                .toList();
    }
}
