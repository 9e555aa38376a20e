package org.anxin.platform.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.anxin.platform.DeviceStream;
import org.anxin.platform.HttpApi;
import org.anxin.platform.PlatformIT;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.JsonNode;

/** Phones as SOS devices (protocol app): enrolment, the public page settings, "help is coming". */
class SosPageIT extends PlatformIT {

    @Test
    void registersAnAppDeviceWhoseSecretTheGatewaysCanCheck() {
        long senior = createSenior("何桂英");

        JsonNode device = admin().post("/api/devices", Map.of("id", "app-sos-1", "protocol", "app", "seniorId", senior))
                .expect(201)
                .json();

        String secret = device.get("secret").asString();
        assertThat(secret).hasSizeGreaterThan(20);
        assertThat(redis.hgetAll("anxin:device:app-sos-1"))
                .containsEntry("protocol", "app")
                .containsEntry("secretSha256", DeviceService.sha256Hex(secret));
        assertThat(admin().get("/api/devices?seniorId=" + senior)
                        .json()
                        .valueStream()
                        .map(d -> d.get("protocol").asString()))
                .containsExactly("app");
    }

    @Test
    void aNewSecretRevokesTheOldLink() {
        long senior = createSenior("何秀兰");
        String first = admin().post("/api/devices", Map.of("id", "app-sos-2", "protocol", "app", "seniorId", senior))
                .expect(201)
                .json()
                .get("secret")
                .asString();

        String second = admin().post("/api/devices/app-sos-2/secret")
                .expect(200)
                .json()
                .get("secret")
                .asString();

        assertThat(second).isNotEqualTo(first);
        assertThat(redis.hget("anxin:device:app-sos-2", "secretSha256")).isEqualTo(DeviceService.sha256Hex(second));
    }

    @Test
    void servesThePageAndWhereTheGatewayIsWithoutALogin() {
        HttpApi nobody = anonymous();

        assertThat(nobody.get("/sos.html").status()).isEqualTo(200);
        assertThat(nobody.get("/js/vendor/mqtt/mqtt.min.js").status()).isEqualTo(200);
        assertThat(nobody.get("/api/sos-page/config")
                        .expect(200)
                        .json()
                        .get("mqttWsUrl")
                        .asString())
                .isEqualTo("ws://127.0.0.1:8083/mqtt");
        // nothing else opens up with it
        assertThat(nobody.get("/api/devices?seniorId=1").status()).isEqualTo(401);
        assertThat(nobody.get("/sos-links.html").status()).isNotEqualTo(200);
    }

    @Test
    void tellsThePhoneOnceThatHelpIsComingWhenTheDeskTakesItsSos() {
        long senior = createSenior("何德顺");
        admin().post("/api/devices", Map.of("id", "app-sos-3", "protocol", "app", "seniorId", senior))
                .expect(201);
        redis.set("anxin:session:app-sos-3", "sos-node"); // the phone is online on gateway node sos-node
        Instant now = Instant.now();
        DeviceStream.xadd(redis, DeviceStream.entry("app-sos-3", "SOS", now, now));
        long alarm = openAlarmOf("app-sos-3");
        assertThat(commandTypes("app-sos-3")).isEmpty();

        admin().post("/api/alarms/" + alarm + "/acknowledge").expect(200);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> commandTypes("app-sos-3")
                .contains("HELP_COMING"));
        List<StreamEntry> routed = redis.xrange("anxin:commands:sos-node", (StreamEntryID) null, (StreamEntryID) null);
        assertThat(routed).singleElement().satisfies(entry -> assertThat(entry.getFields())
                .containsEntry("deviceId", "app-sos-3")
                .containsEntry("protocol", "app")
                .containsEntry("type", "HELP_COMING"));
        admin().post("/api/alarms/" + alarm + "/dispatch", Map.of("responder", "王师傅"))
                .expect(200);
        admin().post("/api/alarms/" + alarm + "/notes", Map.of("note", "已电话联系")).expect(200);
        assertThat(commandTypes("app-sos-3")).containsExactly("HELP_COMING");
        assertThat(admin().get("/api/alarms/" + alarm)
                        .json()
                        .get("timeline")
                        .valueStream()
                        .map(e -> e.get("action").asString()))
                .contains("HELP_COMING");
    }

    @Test
    void sendsNoHelpComingToAWearable() {
        long senior = createSenior("何长林");
        createDevice("btn-sos-4", senior);
        redis.set("anxin:session:btn-sos-4", "sos-node-4");
        Instant now = Instant.now();
        DeviceStream.xadd(redis, DeviceStream.entry("btn-sos-4", "SOS", now, now));
        long alarm = openAlarmOf("btn-sos-4");

        admin().post("/api/alarms/" + alarm + "/acknowledge").expect(200);

        assertThat(admin().get("/api/alarms/" + alarm)
                        .json()
                        .get("timeline")
                        .valueStream()
                        .map(e -> e.get("action").asString()))
                .contains("ACKNOWLEDGED")
                .doesNotContain("HELP_COMING");
        assertThat(commandTypes("btn-sos-4")).isEmpty();
    }

    private long openAlarmOf(String deviceId) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> admin().get("/api/alarms")
                                .json()
                                .valueStream()
                                .filter(a -> deviceId.equals(a.get("deviceId").asString()))
                                .map(a -> a.get("id").asLong())
                                .findFirst()
                                .orElse(null),
                        id -> id != null);
    }

    private List<String> commandTypes(String deviceId) {
        return admin().get("/api/devices/" + deviceId + "/commands")
                .json()
                .valueStream()
                .map(c -> c.get("type").asString())
                .toList();
    }
}
