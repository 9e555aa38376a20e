package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * A "3G" watch's SMS control password through the whole system: REST → PostgreSQL → the gateway
 * node's command stream → a real watch socket gets {@code PW,<the digits shown once>}, answers, and
 * the command is DELIVERED; the password is nowhere in the command list.
 */
class WatchSmsPasswordIT {
    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    private Stack stack;

    @BeforeEach
    void system() {
        stack = STACK.stack();
    }

    @Test
    void theWatchGetsThePasswordShownToTheAdminAndConfirmsIt() throws Exception {
        long senior = stack.senior("郑淑芬", 30.29, 120.16);
        stack.admin()
                .post("/api/devices", Map.of("id", "8800000088", "protocol", "watch", "seniorId", senior))
                .expect(201);
        try (Socket watch = new Socket("127.0.0.1", stack.watchPort())) {
            watch.setSoTimeout(20_000);
            OutputStream out = watch.getOutputStream();
            InputStream in = watch.getInputStream();
            out.write("[3G*8800000088*0002*LK]".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readFrame(in)).isEqualTo("[3G*8800000088*0002*LK]");
            await().atMost(Duration.ofSeconds(20)).until(() -> stack.admin()
                    .get("/api/devices/8800000088")
                    .json()
                    .get("online")
                    .asBoolean());

            JsonNode set = stack.admin()
                    .post("/api/devices/8800000088/watch-password")
                    .expect(202)
                    .json();
            String password = set.get("password").asString();
            long command = set.get("command").get("id").asLong();

            assertThat(readFrame(in)).isEqualTo("[3G*8800000088*0009*PW," + password + "]");
            out.write("[3G*8800000088*0002*PW]".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED"
                    .equals(stack.admin()
                            .get("/api/devices/8800000088/commands/" + command)
                            .json()
                            .get("status")
                            .asString()));
            assertThat(stack.admin()
                            .get("/api/devices/8800000088/commands")
                            .expect(200)
                            .body())
                    .contains("WATCH_PASSWORD")
                    .doesNotContain(password);
        }
    }

    private static String readFrame(InputStream in) throws java.io.IOException {
        StringBuilder frame = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            frame.append((char) b);
            if (b == ']') {
                break;
            }
        }
        return frame.toString();
    }
}
