package org.anxin.platform.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.anxin.platform.DeviceStream;
import org.anxin.platform.MutableClock;
import org.anxin.platform.PlatformBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Without Twilio credentials the desk still escalates, and says plainly that nothing was sent. */
@Import(MutableClock.Config.class)
class TwilioNotConfiguredIT extends PlatformBase {
    private static final Path DATA = newDataDir();

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void unconfigured(DynamicPropertyRegistry registry) {
        embedded(registry, DATA);
        registry.add("anxin.escalation.tick-ms", () -> "200");
    }

    @Test
    void logsEveryNotificationAsNotSentAndRefusesWebhooks() throws Exception {
        admin().post(
                        "/api/users",
                        Map.of(
                                "username", "night-supervisor",
                                "password", "supervisor-pass-2",
                                "role", "SUPERVISOR",
                                "phone", "+8613700000401"))
                .expect(201);
        long senior = admin().post(
                        "/api/seniors",
                        Map.of(
                                "name",
                                "邵玉珍",
                                "contacts",
                                List.of(Map.of("name", "邵军", "relation", "儿子", "phone", "+8613900000401"))))
                .expect(201)
                .json()
                .get("id")
                .asLong();
        createDevice("quiet-twilio-1", senior);
        DeviceStream.xadd(redis, DeviceStream.entry("quiet-twilio-1", "SOS", clock.instant(), clock.instant()));
        long id = awaitValue(() -> admin().get("/api/alarms?status=OPEN")
                        .json()
                        .valueStream()
                        .filter(a -> a.get("deviceId").asString().equals("quiet-twilio-1"))
                        .findFirst()
                        .orElse(null))
                .get("id")
                .asLong();

        clock.advance(Duration.ofSeconds(181));
        List<JsonNode> log = awaitValue(() -> {
            List<JsonNode> notes = admin().get("/api/alarms/" + id + "/notifications")
                    .json()
                    .valueStream()
                    .toList();
            return notes.size() == 3
                            && notes.stream()
                                    .allMatch(n -> n.get("status").asString().equals("NOT_SENT"))
                    ? notes
                    : null;
        });
        assertThat(log.stream()
                        .map(n -> n.get("purpose").asString() + "/"
                                + n.get("channel").asString()))
                .containsExactly("SUPERVISOR_ALERT/SMS", "FAMILY_ALERT/SMS", "FAMILY_CALL/VOICE");
        assertThat(log).allSatisfy(n -> {
            assertThat(n.get("error").asString()).isEqualTo("not sent: Twilio not configured");
            assertThat(n.get("providerSid").isNull()).isTrue();
        });

        HttpResponse<String> webhook = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(admin().baseUrl() + "/twilio/status/1"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("X-Twilio-Signature", "anything")
                                .POST(HttpRequest.BodyPublishers.ofString("MessageSid=SM1&MessageStatus=delivered"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(webhook.statusCode()).isEqualTo(403);
        assertThat(admin().get("/api/alarms/" + id + "/notifications")
                        .json()
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("NOT_SENT");
    }
}
