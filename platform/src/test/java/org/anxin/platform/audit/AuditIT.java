package org.anxin.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.anxin.platform.HttpApi;
import org.anxin.platform.PlatformIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.JsonNode;

/** Each security-relevant act leaves one row in the append-only audit log, which only an ADMIN reads. */
class AuditIT extends PlatformIT {
    @Autowired
    JdbcClient db;

    private List<JsonNode> audit(String query) {
        return admin().get("/api/audit?" + query)
                .expect(200)
                .json()
                .valueStream()
                .toList();
    }

    private JsonNode single(String query) {
        List<JsonNode> rows = audit(query);
        assertThat(rows).as(query).hasSize(1);
        return rows.get(0);
    }

    @Test
    void recordsUserCreationPasswordResetAndSignInsWithActorAndAddress() {
        createUser("audit-wei", "audit-pass-1", "OPERATOR");
        JsonNode created = single("action=USER_CREATED&objectId=audit-wei");
        assertThat(created.get("actor").asString()).isEqualTo("admin");
        assertThat(created.get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(created.get("after").get("role").asString()).isEqualTo("OPERATOR");

        as("audit-wei", "wrong-one").get("/api/me").expect(401);
        JsonNode failed = single("action=SIGN_IN_FAILED&actor=audit-wei");
        assertThat(failed.get("after").get("reason").asString()).isEqualTo("BadCredentialsException");

        admin().put("/api/users/audit-wei/password", Map.of("password", "audit-pass-2"))
                .expect(204);
        assertThat(single("action=PASSWORD_RESET&objectId=audit-wei")
                        .get("actor")
                        .asString())
                .isEqualTo("admin");

        // a portal sign-in is recorded; a script's HTTP Basic calls are not sign-ins to record
        as("audit-wei", "audit-pass-2").get("/api/me").expect(200);
        assertThat(audit("action=SIGN_IN&actor=audit-wei")).isEmpty();
        org.anxin.platform.system.PortalSessions.signIn(port, "audit-wei", "audit-pass-2");
        assertThat(single("action=SIGN_IN&actor=audit-wei").get("objectId").asString())
                .isEqualTo("audit-wei");
    }

    @Test
    void recordsDeviceRegistrationRotationPrivacyCommandsAndRevocation() {
        long senior = createSenior("审计张");
        createDevice("audit-btn-1", senior);
        admin().post("/api/devices", Map.of("id", "audit-watch-1", "protocol", "watch", "seniorId", senior))
                .expect(201);
        admin().post("/api/devices/audit-btn-1/secret").expect(200);
        admin().post(
                        "/api/devices/audit-watch-1/commands",
                        Map.of("type", "MONITOR", "params", Map.of("number", "13900000001")))
                .expect(202);
        admin().post("/api/devices/audit-watch-1/commands", Map.of("type", "LOCATE"))
                .expect(202);

        JsonNode registered = single("action=DEVICE_REGISTERED&objectId=audit-btn-1");
        assertThat(registered.get("after").get("seniorId").asLong()).isEqualTo(senior);
        assertThat(registered.toString()).doesNotContain("secret\"");
        single("action=DEVICE_SECRET_ROTATED&objectId=audit-btn-1");
        JsonNode monitor = single("action=DEVICE_COMMAND&objectId=audit-watch-1");
        assertThat(monitor.get("after").get("type").asString()).isEqualTo("MONITOR");
        assertThat(monitor.get("actor").asString()).isEqualTo("admin");
    }

    @Test
    void aRevocationRemovesTheRegistryEntryTellsEveryGatewayStreamAndIsAudited() {
        long senior = createSenior("吊销李");
        createDevice("audit-revoke-1", senior);
        createUser("audit-fam", "audit-fam-pass", "FAMILY", senior);
        // two gateway nodes' command streams, as their consumer groups create them
        redis.xgroupCreate("anxin:commands:it-node-a", "gateway", new StreamEntryID(0, 0), true);
        redis.xgroupCreate("anxin:commands:it-node-b", "gateway", new StreamEntryID(0, 0), true);
        assertThat(redis.exists("anxin:device:audit-revoke-1")).isTrue();

        assertThat(as("audit-fam", "audit-fam-pass")
                        .post("/api/devices/audit-revoke-1/revoke")
                        .status())
                .isEqualTo(403);
        JsonNode revoked =
                admin().post("/api/devices/audit-revoke-1/revoke").expect(200).json();

        assertThat(revoked.get("revokedAt").isNull()).isFalse();
        assertThat(redis.exists("anxin:device:audit-revoke-1")).isFalse();
        for (String node : List.of("it-node-a", "it-node-b")) {
            List<StreamEntry> entries = redis.xrange("anxin:commands:" + node, "-", "+");
            assertThat(entries).as(node).anySatisfy(e -> assertThat(e.getFields())
                    .containsEntry("type", "REVOKE")
                    .containsEntry("deviceId", "audit-revoke-1"));
        }
        JsonNode row = single("action=DEVICE_REVOKED&objectId=audit-revoke-1");
        assertThat(row.get("before").get("revokedAt").isNull()).isTrue();
        assertThat(row.get("after").get("revokedAt").isNull()).isFalse();
        assertThat(admin().post("/api/devices/audit-revoke-1/revoke").status()).isEqualTo(409);
        assertThat(admin().post("/api/devices/audit-revoke-1/commands", Map.of("type", "LOCATE"))
                        .status())
                .isEqualTo(409);
        assertThat(admin().post("/api/devices/audit-revoke-1/secret").status()).isEqualTo(409);
    }

    @Test
    void recordsSeniorCreationContactEditsAndViews() {
        long senior = createSenior("审计王");
        createUser("audit-op", "audit-op-pass", "OPERATOR");
        HttpApi operator = as("audit-op", "audit-op-pass");

        operator.put(
                        "/api/seniors/" + senior + "/contacts",
                        List.of(Map.of("name", "王强", "relation", "儿子", "phone", "13900000002")))
                .expect(200);
        operator.get("/api/seniors/" + senior).expect(200);

        assertThat(single("action=SENIOR_CREATED&objectId=" + senior)
                        .get("after")
                        .get("name")
                        .asString())
                .isEqualTo("审计王");
        JsonNode edit = single("action=SENIOR_UPDATED&objectId=" + senior);
        assertThat(edit.get("actor").asString()).isEqualTo("audit-op");
        assertThat(edit.get("before").get("contacts").size()).isZero();
        assertThat(edit.get("after").get("contacts").get(0).get("name").asString())
                .isEqualTo("王强");
        assertThat(single("action=SENIOR_VIEWED&objectId=" + senior)
                        .get("actor")
                        .asString())
                .isEqualTo("audit-op");
    }

    @Test
    void onlyAnAdministratorReadsTheLogAsJsonOrCsv() {
        createUser("audit-sup", "audit-sup-pass", "SUPERVISOR");
        createUser("audit-csv", "audit-csv-pass", "FAMILY");
        HttpApi supervisor = as("audit-sup", "audit-sup-pass");

        assertThat(supervisor.get("/api/audit").status()).isEqualTo(403);
        assertThat(supervisor.get("/api/audit.csv").status()).isEqualTo(403);
        assertThat(supervisor.get("/api/users/locked").status()).isEqualTo(403);
        assertThat(anonymous().get("/api/audit").status()).isEqualTo(401);

        HttpApi.Response csv = admin().get("/api/audit.csv?action=USER_CREATED&objectId=audit-csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).hasSize(2);
        assertThat(csv.body()).contains("\"admin\"", "\"USER_CREATED\"", "\"audit-csv\"");
    }

    @Test
    void badFiltersAreProblemsNotErrors() {
        assertThat(admin().get("/api/audit?action=NO_SUCH_ACT").status()).isEqualTo(400);
        assertThat(admin().get("/api/audit?limit=0").status()).isEqualTo(400);
        assertThat(admin().get("/api/audit?from=yesterday").status()).isEqualTo(400);
        assertThat(admin().get("/api/audit?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theTableRefusesUpdateDeleteAndTruncate() {
        createUser("audit-tamper", "audit-tamper-1", "OPERATOR");
        long id = single("action=USER_CREATED&objectId=audit-tamper").get("id").asLong();

        assertThatThrownBy(() -> db.sql("update audit set actor = 'nobody' where id = ?")
                        .param(id)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(
                        () -> db.sql("delete from audit where id = ?").param(id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("truncate audit").update()).hasMessageContaining("append-only");
        assertThat(single("action=USER_CREATED&objectId=audit-tamper")
                        .get("actor")
                        .asString())
                .isEqualTo("admin");
    }
}
