package org.anxin.sim.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The operator's live feed, {@code GET /api/alarms/stream} (Server-Sent Events), read on its own
 * thread: {@code event: hello} once, then {@code event: alarm} with the alarm as JSON. The time an
 * alarm is seen is taken when its event's blank line arrives.
 */
final class AlarmFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("device-sim.load");

    interface Listener {
        void alarm(JsonNode alarm, long seenAtNanos);
    }

    private final CountDownLatch hello = new CountDownLatch(1);
    private final InputStream body;
    private final Thread reader;
    private volatile boolean closed;

    AlarmFeed(ApiSession session, Listener listener) throws IOException, InterruptedException {
        this.body = session.stream("/api/alarms/stream").body();
        this.reader = new Thread(() -> read(listener), "alarm-feed");
        reader.setDaemon(true);
        reader.start();
    }

    boolean awaitHello(long seconds) throws InterruptedException {
        return hello.await(seconds, TimeUnit.SECONDS);
    }

    private void read(Listener listener) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = "message";
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    long now = System.nanoTime();
                    if (event.equals("hello")) {
                        hello.countDown();
                    } else if (event.equals("alarm") && data.length() > 0) {
                        listener.alarm(ApiSession.JSON.readTree(data.toString()), now);
                    }
                    event = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "")
                            .append(line.substring(5).stripLeading());
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                log.warn("alarm feed ended: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            body.close();
        } catch (IOException e) {
            log.debug("closing the alarm feed: {}", e.toString());
        }
        reader.interrupt();
    }
}
