package org.anxin.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** Listens to the operator's live feed ({@code GET /api/alarms/stream}) like the console does. */
final class AlarmFeed implements AutoCloseable {
    private final List<JsonNode> alarms = new CopyOnWriteArrayList<>();
    private final CountDownLatch hello = new CountDownLatch(1);
    private final Thread reader;
    private volatile InputStream body;
    private volatile boolean ended;

    AlarmFeed(Api api) {
        this(api.baseUrl(), "Authorization", api.authorization());
    }

    /** The feed as a signed-in portal page opens it: with the session cookie only. */
    static AlarmFeed withSession(String baseUrl, String session) {
        return new AlarmFeed(baseUrl, "Cookie", "JSESSIONID=" + session);
    }

    private AlarmFeed(String baseUrl, String header, String value) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/alarms/stream"))
                .header(header, value)
                .header("Accept", "text/event-stream")
                .build();
        reader = new Thread(() -> read(request), "alarm-feed");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(HttpRequest request) {
        try {
            HttpResponse<InputStream> response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()
                    .send(request, HttpResponse.BodyHandlers.ofInputStream());
            body = response.body();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("feed answered HTTP " + response.statusCode());
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String event = "message";
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    dispatch(event, data.toString());
                    event = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        } catch (IOException e) {
            // closed by close(), or the server went away: the test's waits report what is missing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ended = true;
        }
    }

    /** Whether the stream has ended (the server closed it, or {@link #close()}). */
    boolean ended() {
        return ended;
    }

    private void dispatch(String event, String data) {
        if ("hello".equals(event)) {
            hello.countDown();
        } else if ("alarm".equals(event) && !data.isEmpty()) {
            alarms.add(Api.JSON.readTree(data));
        }
    }

    void awaitConnected() throws InterruptedException {
        if (!hello.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("the alarm feed never said hello");
        }
    }

    List<JsonNode> alarms() {
        return List.copyOf(alarms);
    }

    @Override
    public void close() throws IOException {
        InputStream stream = body;
        if (stream != null) {
            stream.close();
        }
        reader.interrupt();
    }
}
