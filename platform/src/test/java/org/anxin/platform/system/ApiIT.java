package org.anxin.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.anxin.platform.HttpApi;
import org.anxin.platform.PlatformIT;
import org.junit.jupiter.api.Test;

class ApiIT extends PlatformIT {

    @Test
    void isHealthyOnTheEmbeddedDatabaseAndRedis() {
        assertThat(anonymous()
                        .get("/actuator/health")
                        .expect(200)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("UP");
    }

    @Test
    void registersADeviceAndShowsItsSecretOnlyOnce() throws Exception {
        long senior = createSenior("李桂兰");

        HttpApi.Response created = admin().post(
                        "/api/devices", Map.of("id", "api-btn-1", "protocol", "mqtt", "seniorId", senior))
                .expect(201);

        String secret = created.json().get("secret").asString();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(22);
        assertThat(redis.hget("anxin:device:api-btn-1", "secretSha256")).isEqualTo(sha256(secret));
        assertThat(redis.hget("anxin:device:api-btn-1", "protocol")).isEqualTo("mqtt");
        HttpApi.Response shown = admin().get("/api/devices/api-btn-1").expect(200);
        assertThat(shown.json().has("secret")).isFalse();
        assertThat(shown.json().get("online").asBoolean()).isFalse();
        assertThat(shown.json().get("seniorId").asLong()).isEqualTo(senior);
    }

    @Test
    void rotatesASecretAndTheOldOneStopsMatching() throws Exception {
        long senior = createSenior("赵凤英");
        String first = createDevice("api-btn-rotate", senior);

        String second = admin().post("/api/devices/api-btn-rotate/secret")
                .expect(200)
                .json()
                .get("secret")
                .asString();

        assertThat(second).isNotEqualTo(first);
        assertThat(redis.hget("anxin:device:api-btn-rotate", "secretSha256")).isEqualTo(sha256(second));
    }

    @Test
    void refusesADuplicateDeviceWithConflict() {
        long senior = createSenior("王建国");
        createDevice("api-btn-dup", senior);

        HttpApi.Response again =
                admin().post("/api/devices", Map.of("id", "api-btn-dup", "protocol", "mqtt", "seniorId", senior));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asString()).contains("api-btn-dup");
    }

    @Test
    void explainsInvalidInputAsAProblem() {
        HttpApi.Response bad = admin().post("/api/seniors", Map.of("name", "", "lat", 123.0, "lon", 120.0));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("detail").asString()).contains("name").contains("lat");
    }

    @Test
    void explainsMalformedJsonAsAProblem() {
        HttpApi.Response bad = admin().post("/api/seniors", "{\"name\": ");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).contains("JSON");
    }

    @Test
    void refusesAnUnknownProtocol() {
        long senior = createSenior("周淑珍");

        HttpApi.Response bad =
                admin().post("/api/devices", Map.of("id", "x-1", "protocol", "zigbee", "seniorId", senior));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).contains("protocol");
    }

    @Test
    void refusesADeviceForAMissingSenior() {
        HttpApi.Response bad =
                admin().post("/api/devices", Map.of("id", "x-2", "protocol", "mqtt", "seniorId", 999_999));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).contains("999999");
    }

    @Test
    void asksForCredentialsWithoutThem() {
        HttpApi.Response response = anonymous().get("/api/alarms");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesAWrongPassword() {
        assertThat(as("admin", "not-the-password").get("/api/seniors").status()).isEqualTo(401);
    }

    @Test
    void showsAFamilyOnlyItsOwnSenior() {
        long mine = createSenior("孙玉兰");
        long theirs = createSenior("钱志强");
        createDevice("fam-btn-mine", mine);
        createDevice("fam-btn-theirs", theirs);
        createUser("family-sun", "family-pass-1", "FAMILY", mine);
        HttpApi family = as("family-sun", "family-pass-1");

        assertThat(family.get("/api/seniors/" + mine).status()).isEqualTo(200);
        assertThat(family.get("/api/seniors/" + theirs).status()).isEqualTo(403);
        assertThat(family.get("/api/devices/fam-btn-theirs").status()).isEqualTo(403);
        assertThat(family.get("/api/devices/fam-btn-theirs/events").status()).isEqualTo(403);
        assertThat(family.get("/api/seniors").json().valueStream().map(s -> s.get("id")
                        .asLong()))
                .containsExactly(mine);
    }

    @Test
    void letsOnlyStaffRegisterSeniorsAndDevices() {
        createUser("family-li", "family-pass-2", "FAMILY");

        HttpApi.Response response =
                as("family-li", "family-pass-2").post("/api/seniors", Map.of("name", "x", "lat", 30.0, "lon", 120.0));

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void tellsWhoIsSignedIn() {
        long senior = createSenior("吴秀兰");
        createUser("family-wu", "family-pass-3", "FAMILY", senior);

        var me = as("family-wu", "family-pass-3").get("/api/me").expect(200).json();

        assertThat(me.get("role").asString()).isEqualTo("FAMILY");
        assertThat(me.get("seniorIds").valueStream().map(n -> n.asLong())).containsExactly(senior);
    }

    @Test
    void publishesTheOpenApiDocument() {
        assertThat(anonymous().get("/v3/api-docs").expect(200).body()).contains("/api/alarms");
    }

    private static String sha256(String secret) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
