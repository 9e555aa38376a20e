package org.anxin.platform.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.anxin.platform.HttpApi;
import org.anxin.platform.PlatformIT;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.JsonNode;

/**
 * Device groups over the real API: what the gateways read (the device's {@code group}, the
 * group's {@code networks} in Redis) and the FORGET entries every node's command stream gets.
 */
class DeviceGroupsIT extends PlatformIT {

    @Test
    void anAdminCreatesAGroupWithNormalisedNetworksThatTheGatewaysCanRead() {
        JsonNode group = admin().post(
                        "/api/device-groups",
                        Map.of(
                                "name",
                                "联通专网 哈尔滨手表 (grp-a)",
                                "networks",
                                List.of(" 10.20.0.0/16", "2001:DB8::/32", "10.20.0.0/16")))
                .expect(201)
                .json();

        assertThat(group.get("networks").valueStream().map(JsonNode::asString))
                .containsExactly("10.20.0.0/16", "2001:db8::/32");
        assertThat(group.get("devices").asInt()).isZero();
        assertThat(redis.hgetAll("anxin:device-group:" + group.get("id").asLong()))
                .containsEntry("networks", "10.20.0.0/16,2001:db8::/32");
        assertThat(admin().get("/api/device-groups")
                        .expect(200)
                        .json()
                        .valueStream()
                        .map(g -> g.get("name").asString()))
                .contains("联通专网 哈尔滨手表 (grp-a)");
    }

    @Test
    void aMalformedNetworkIsA400NamingTheFieldAndChangesNothing() {
        long id = admin().post("/api/device-groups", Map.of("name", "grp-b", "networks", List.of("10.0.0.0/8")))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        redis.xgroupCreate("anxin:commands:grp-node-b", "gateway", new StreamEntryID(0, 0), true);

        for (String bad : List.of("10.0.0.0/33", "10.0.0.0", "example.com/24", "10.20.1.0/16", "2001:db8::/129")) {
            HttpApi.Response answer = admin().put(
                            "/api/device-groups/" + id,
                            Map.of("name", "grp-b renamed", "networks", List.of("192.0.2.0/24", bad)));
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.contentType()).as(bad).startsWith("application/problem+json");
            assertThat(answer.json().get("detail").asString()).as(bad).startsWith("networks[1]: ");
        }
        HttpApi.Response created =
                admin().post("/api/device-groups", Map.of("name", "grp-b2", "networks", List.of("300.1.1.1/8")));
        assertThat(created.status()).isEqualTo(400);

        JsonNode unchanged = admin().get("/api/device-groups/" + id).expect(200).json();
        assertThat(unchanged.get("name").asString()).isEqualTo("grp-b");
        assertThat(unchanged.get("networks").valueStream().map(JsonNode::asString))
                .containsExactly("10.0.0.0/8");
        assertThat(redis.hget("anxin:device-group:" + id, "networks")).isEqualTo("10.0.0.0/8");
        assertThat(redis.xlen("anxin:commands:grp-node-b")).isZero();
        assertThat(admin().get("/api/device-groups").json().valueStream().map(g -> g.get("name")
                        .asString()))
                .doesNotContain("grp-b2");
    }

    @Test
    void devicesJoinAGroupAtRegistrationAndInBulkAndEveryGatewayIsTold() {
        long senior = createSenior("分组王");
        long group = admin().post("/api/device-groups", Map.of("name", "grp-c", "networks", List.of("10.0.0.0/8")))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        for (String node : List.of("grp-node-c1", "grp-node-c2")) {
            redis.xgroupCreate("anxin:commands:" + node, "gateway", new StreamEntryID(0, 0), true);
        }

        JsonNode registered = admin().post(
                        "/api/devices",
                        Map.of("id", "grp-watch-1", "protocol", "watch", "seniorId", senior, "groupId", group))
                .expect(201)
                .json();
        assertThat(registered.get("groupId").asLong()).isEqualTo(group);
        assertThat(redis.hgetAll("anxin:device:grp-watch-1")).containsEntry("group", Long.toString(group));
        String secret = createDevice("grp-btn-2", senior);
        createDevice("grp-btn-3", senior);
        assertThat(redis.hgetAll("anxin:device:grp-btn-2")).doesNotContainKey("group");

        admin().post("/api/device-groups/" + group + "/devices", Map.of("deviceIds", List.of("grp-btn-2", "grp-btn-3")))
                .expect(200);

        assertThat(admin().get("/api/device-groups/" + group + "/devices")
                        .json()
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactly("grp-btn-2", "grp-btn-3", "grp-watch-1");
        assertThat(redis.hgetAll("anxin:device:grp-btn-2"))
                .containsEntry("group", Long.toString(group))
                .containsEntry("secretSha256", DeviceService.sha256Hex(secret));
        assertThat(admin().get("/api/device-groups/" + group)
                        .json()
                        .get("devices")
                        .asInt())
                .isEqualTo(3);
        for (String node : List.of("grp-node-c1", "grp-node-c2")) {
            assertThat(redis.xrange("anxin:commands:" + node, "-", "+"))
                    .as(node)
                    .extracting(StreamEntry::getFields)
                    .anySatisfy(f -> assertThat(f)
                            .containsEntry("type", "FORGET")
                            .containsEntry("deviceIds", "grp-btn-2,grp-btn-3"));
        }

        admin().put(
                        "/api/device-groups/" + group,
                        Map.of("name", "grp-c", "networks", List.of("10.0.0.0/8", "127.0.0.1/32")))
                .expect(200);
        assertThat(redis.hget("anxin:device-group:" + group, "networks")).isEqualTo("10.0.0.0/8,127.0.0.1/32");
        assertThat(redis.xrange("anxin:commands:grp-node-c1", "-", "+"))
                .extracting(StreamEntry::getFields)
                .anySatisfy(f -> assertThat(f)
                        .containsEntry("type", "FORGET")
                        .containsEntry("group", Long.toString(group))
                        // the members, whose live connections each gateway re-checks
                        .containsEntry("deviceIds", "grp-btn-2,grp-btn-3,grp-watch-1"));

        // a rotated secret keeps the group
        admin().post("/api/devices/grp-btn-2/secret").expect(200);
        assertThat(redis.hgetAll("anxin:device:grp-btn-2")).containsEntry("group", Long.toString(group));

        admin().post("/api/device-groups/none/devices", Map.of("deviceIds", List.of("grp-btn-3")))
                .expect(200);
        assertThat(redis.hgetAll("anxin:device:grp-btn-3"))
                .doesNotContainKey("group")
                .containsKey("protocol");
        assertThat(admin().get("/api/devices/grp-btn-3").json().get("groupId").isNull())
                .isTrue();
    }

    @Test
    void aBulkAssignmentWithAnUnknownDeviceChangesNothing() {
        long senior = createSenior("分组李");
        createDevice("grp-btn-4", senior);
        long group = admin().post("/api/device-groups", Map.of("name", "grp-d", "networks", List.of()))
                .expect(201)
                .json()
                .get("id")
                .asLong();

        HttpApi.Response answer = admin().post(
                        "/api/device-groups/" + group + "/devices",
                        Map.of("deviceIds", List.of("grp-btn-4", "grp-nobody")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asString()).startsWith("deviceIds[1]: ");
        assertThat(admin().get("/api/device-groups/" + group + "/devices")
                        .json()
                        .isEmpty())
                .isTrue();
        assertThat(redis.hgetAll("anxin:device:grp-btn-4")).doesNotContainKey("group");
        assertThat(admin().post("/api/device-groups/" + group + "/devices", Map.of("deviceIds", List.of()))
                        .status())
                .isEqualTo(400);
        assertThat(admin().post(
                                "/api/devices",
                                Map.of("id", "grp-btn-5", "protocol", "mqtt", "seniorId", senior, "groupId", 999_999))
                        .status())
                .isEqualTo(400);
        assertThat(admin().get("/api/devices/grp-btn-5").status()).isEqualTo(404);
    }

    @Test
    void onlyAnEmptyGroupCanBeDeletedAndTheGatewaysForgetIt() {
        long senior = createSenior("分组钱");
        createDevice("grp-btn-8", senior);
        long group = admin().post("/api/device-groups", Map.of("name", "grp-del", "networks", List.of("10.9.0.0/16")))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        admin().post("/api/device-groups/" + group + "/devices", Map.of("deviceIds", List.of("grp-btn-8")))
                .expect(200);

        HttpApi.Response refused = admin().delete("/api/device-groups/" + group);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("still holds 1 devices");
        assertThat(admin().get("/api/device-groups/" + group).status()).isEqualTo(200);

        admin().post("/api/device-groups/none/devices", Map.of("deviceIds", List.of("grp-btn-8")))
                .expect(200);
        assertThat(admin().delete("/api/device-groups/" + group).status()).isEqualTo(204);
        assertThat(admin().get("/api/device-groups/" + group).status()).isEqualTo(404);
        assertThat(redis.exists("anxin:device-group:" + group)).isFalse();
        assertThat(admin().delete("/api/device-groups/" + group).status()).isEqualTo(404);
    }

    @Test
    void onlyAnAdminManagesGroups() {
        long senior = createSenior("分组赵");
        createDevice("grp-btn-6", senior);
        long group = admin().post("/api/device-groups", Map.of("name", "grp-e", "networks", List.of("10.0.0.0/8")))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        createUser("grp-sup", "grp-sup-pass", "SUPERVISOR");
        createUser("grp-op", "grp-op-pass", "OPERATOR");

        for (HttpApi user : List.of(as("grp-sup", "grp-sup-pass"), as("grp-op", "grp-op-pass"))) {
            assertThat(user.get("/api/device-groups").status()).isEqualTo(403);
            assertThat(user.get("/api/device-groups/" + group + "/devices").status())
                    .isEqualTo(403);
            assertThat(user.post("/api/device-groups", Map.of("name", "grp-x", "networks", List.of()))
                            .status())
                    .isEqualTo(403);
            assertThat(user.put("/api/device-groups/" + group, Map.of("name", "grp-x", "networks", List.of()))
                            .status())
                    .isEqualTo(403);
            assertThat(user.post("/api/device-groups/" + group + "/devices", Map.of("deviceIds", List.of("grp-btn-6")))
                            .status())
                    .isEqualTo(403);
            assertThat(user.post("/api/device-groups/none/devices", Map.of("deviceIds", List.of("grp-btn-6")))
                            .status())
                    .isEqualTo(403);
            assertThat(user.delete("/api/device-groups/" + group).status()).isEqualTo(403);
        }
        // registering a device in a group is an admin's act too; registering without one is not
        HttpApi operator = as("grp-op", "grp-op-pass");
        assertThat(operator.post(
                                "/api/devices",
                                Map.of("id", "grp-btn-7", "protocol", "gt06", "seniorId", senior, "groupId", group))
                        .status())
                .isEqualTo(403);
        assertThat(admin().get("/api/devices/grp-btn-7").status()).isEqualTo(404);
        operator.post("/api/devices", Map.of("id", "grp-btn-7", "protocol", "gt06", "seniorId", senior))
                .expect(201);
        assertThat(admin().get("/api/device-groups/" + group + "/devices")
                        .json()
                        .isEmpty())
                .isTrue();
    }
}
