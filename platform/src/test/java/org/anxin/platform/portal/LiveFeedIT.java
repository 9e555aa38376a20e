package org.anxin.platform.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.anxin.platform.DeviceStream;
import org.anxin.platform.PlatformIT;
import org.anxin.platform.SseFeed;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPubSub;

/**
 * Alarms from device events, as the gateway writes them, on the live feed (SSE): in order with
 * their own device updates, and ahead of a flood of other device updates.
 */
class LiveFeedIT extends PlatformIT {
    @Test
    void pushesANewAlarmToTheLiveFeed() throws Exception {
        long senior = createSenior("蒋美华");
        createDevice("ing-btn-9", senior);
        List<String> events = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(admin().baseUrl() + "/api/alarms/stream"))
                .header("Authorization", admin().authorization())
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    events.add(line);
                }
            } catch (java.io.IOException e) {
                // closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            await(() -> events.contains("event:hello"));

            xadd(entry("ing-btn-9", "SOS", "2026-11-22T11:00:00Z"));

            await(() ->
                    events.stream().anyMatch(l -> l.startsWith("data:") && l.contains("\"deviceId\":\"ing-btn-9\"")));
        } finally {
            response.body().close();
        }
    }

    @Test
    void putsTheAlarmOnTheOperatorsFeedBeforeTheSameEventsDeviceUpdate() {
        long senior = createSenior("魏桂兰");
        createDevice("ing-btn-10", senior);
        List<String> channels = new CopyOnWriteArrayList<>();
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onMessage(String channel, String message) {
                if (message.contains("\"deviceId\":\"ing-btn-10\"")) {
                    channels.add(channel);
                }
            }
        };
        Thread subscriber = new Thread(() -> redis.subscribe(listener, "anxin:feed:alarms", "anxin:feed:devices"));
        subscriber.setDaemon(true);
        subscriber.start();
        try {
            await(() -> listener.getSubscribedChannels() == 2);

            xadd(entry("ing-btn-10", "SOS", "2026-11-22T11:30:00Z"));

            // both are published after the one commit; the operator's screen comes first
            await(() -> channels.contains("anxin:feed:devices"));
            assertThat(channels.get(0)).isEqualTo("anxin:feed:alarms");
        } finally {
            if (listener.isSubscribed()) {
                listener.unsubscribe();
            }
        }
    }

    @Test
    void anAlarmReachesTheConsoleWhileTheDeviceFeedIsFlooded() {
        long senior = createSenior("温秀英");
        createDevice("ing-btn-flood", senior);
        // a page that wants device updates too, so that this node reads every one of them
        try (SseFeed feed = new SseFeed(admin(), "/api/family/stream?seniorId=" + senior)) {
            await(() -> !feed.named("hello").isEmpty());
            // a reconnect wave's worth of device updates on the feed, the last one marked ...
            int wave = 50_000;
            try (AbstractPipeline pipe = redis.pipelined()) {
                for (int i = 0; i < wave; i++) {
                    String deviceId = i == wave - 1 ? "ing-flood-last" : "ing-flood-" + i;
                    pipe.publish(
                            "anxin:feed:devices",
                            "{\"seniorId\":" + senior + ",\"deviceId\":\"" + deviceId
                                    + "\",\"type\":\"ONLINE\",\"online\":true}");
                }
                pipe.sync();
            }
            // ... then an SOS: its alarm is on the page before the feed has got through the updates
            xadd(entry("ing-btn-flood", "SOS", "2026-11-22T14:00:00Z"));
            await(() -> feed.named("alarm").stream()
                    .anyMatch(a -> "ing-btn-flood".equals(a.path("deviceId").asString(""))));
            List<String> order = feed.events().stream()
                    .filter(e -> e.name().equals("alarm")
                            || "ing-flood-last".equals(e.data().path("deviceId").asString("")))
                    .map(SseFeed.Event::name)
                    .toList();
            assertThat(order).first().isEqualTo("alarm");
            // and every update still arrives, in order
            await(Duration.ofSeconds(60), () -> feed.named("device").stream()
                    .anyMatch(d -> "ing-flood-last".equals(d.path("deviceId").asString(""))));
            assertThat(feed.named("device").stream()
                            .filter(d -> d.path("deviceId").asString("").startsWith("ing-flood-"))
                            .count())
                    .isEqualTo(wave);
        }
    }

    private static Map<String, String> entry(String deviceId, String type, String deviceTime) {
        return DeviceStream.entry(deviceId, type, Instant.parse(deviceTime), Instant.now());
    }

    private void xadd(Map<String, String> fields) {
        DeviceStream.xadd(redis, fields);
    }
}
