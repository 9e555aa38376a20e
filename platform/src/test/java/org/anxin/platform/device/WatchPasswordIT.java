package org.anxin.platform.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.anxin.platform.HttpApi;
import org.anxin.platform.PlatformIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.JsonNode;

/**
 * A "3G" watch's SMS control password over the real API: made by the platform, shown once, routed
 * to the watch's gateway node as a WATCH_PASSWORD command, and gone from the database once the
 * watch answered; never in a command's params, the command list or the audit log.
 */
class WatchPasswordIT extends PlatformIT {
    @Autowired
    JdbcClient db;

    @Test
    void anAdminSetsARandomPasswordThatReachesTheWatchsNodeAndIsWipedOnceTaken() {
        long senior = createSenior("手表密码王");
        admin().post("/api/devices", Map.of("id", "pw-watch-1", "protocol", "watch", "seniorId", senior))
                .expect(201);
        redis.xgroupCreate("anxin:commands:pw-node", "gateway", new StreamEntryID(0, 0), true);
        redis.set("anxin:session:pw-watch-1", "pw-node"); // the watch is online on that node

        JsonNode set = admin().post("/api/devices/pw-watch-1/watch-password")
                .expect(202)
                .json();

        String password = set.get("password").asString();
        long commandId = set.get("command").get("id").asLong();
        assertThat(password).matches("[0-9]{6}");
        assertThat(set.get("command").get("type").asString()).isEqualTo("WATCH_PASSWORD");
        List<StreamEntry> routed = redis.xrange("anxin:commands:pw-node", "-", "+");
        assertThat(routed).extracting(StreamEntry::getFields).anySatisfy(f -> assertThat(f)
                .containsEntry("commandId", Long.toString(commandId))
                .containsEntry("type", "WATCH_PASSWORD")
                .containsEntry("password", password));
        String commands =
                admin().get("/api/devices/pw-watch-1/commands").expect(200).body();
        assertThat(commands).contains("WATCH_PASSWORD").doesNotContain(password);
        String audit = admin().get("/api/audit?action=DEVICE_SECRET_ROTATED&objectId=pw-watch-1")
                .expect(200)
                .body();
        assertThat(audit).contains("WATCH_PASSWORD").doesNotContain(password);
        assertThat(secretOf(commandId)).isEqualTo(password);

        // the gateway reports the watch's [3G*…*0002*PW] answer
        redis.xadd(
                CommandResultConsumer.STREAM,
                XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY),
                Map.of("commandId", Long.toString(commandId), "deviceId", "pw-watch-1", "status", "DELIVERED"));
        await(() -> "DELIVERED"
                .equals(admin().get("/api/devices/pw-watch-1/commands/" + commandId)
                        .json()
                        .get("status")
                        .asString()));
        assertThat(secretOf(commandId)).isNull();
    }

    @Test
    void aNewPasswordSupersedesOneStillOnItsWay() {
        long senior = createSenior("手表密码李");
        admin().post("/api/devices", Map.of("id", "pw-watch-2", "protocol", "watch", "seniorId", senior))
                .expect(201);

        long first = admin().post("/api/devices/pw-watch-2/watch-password")
                .expect(202)
                .json()
                .get("command")
                .get("id")
                .asLong();
        long second = admin().post("/api/devices/pw-watch-2/watch-password")
                .expect(202)
                .json()
                .get("command")
                .get("id")
                .asLong();

        assertThat(admin().get("/api/devices/pw-watch-2/commands/" + first)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("EXPIRED");
        assertThat(secretOf(first)).isNull();
        assertThat(secretOf(second)).matches("[0-9]{6}");
    }

    @Test
    void onlyAnAdminSetsItAndOnlyForAWatchThatIsNotRevoked() {
        long senior = createSenior("手表密码赵");
        admin().post("/api/devices", Map.of("id", "pw-watch-3", "protocol", "watch", "seniorId", senior))
                .expect(201);
        createDevice("pw-btn-4", senior);
        createUser("pw-op", "pw-op-pass", "OPERATOR");
        createUser("pw-sup", "pw-sup-pass", "SUPERVISOR");

        for (HttpApi user : List.of(as("pw-op", "pw-op-pass"), as("pw-sup", "pw-sup-pass"))) {
            assertThat(user.post("/api/devices/pw-watch-3/watch-password").status())
                    .isEqualTo(403);
        }
        assertThat(admin().post("/api/devices/pw-btn-4/watch-password").status())
                .isEqualTo(400);
        assertThat(admin().post("/api/devices/pw-nobody/watch-password").status())
                .isEqualTo(404);
        // not a type the generic command path takes: the password is the platform's to make
        assertThat(admin().post("/api/devices/pw-watch-3/commands", Map.of("type", "WATCH_PASSWORD"))
                        .status())
                .isEqualTo(400);
        assertThat(db.sql("select count(*) from device_commands where device_id = 'pw-watch-3'")
                        .query(Long.class)
                        .single())
                .isZero();
        admin().post("/api/devices/pw-watch-3/revoke").expect(200);
        assertThat(admin().post("/api/devices/pw-watch-3/watch-password").status())
                .isEqualTo(409);
    }

    private String secretOf(long commandId) {
        return db.sql("select secret from device_commands where id = ?")
                .param(commandId)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
