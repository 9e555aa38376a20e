package org.anxin.sim.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The load client's watch and GT06 traffic end to end against {@link FakeTcpServer}. */
class TcpLoadRunTest {

    @Test
    void watchesLogInWithLkAndEveryMeasuredLkIsAnswered() throws Exception {
        try (FakeTcpServer server = new FakeTcpServer(LoadProtocol.WATCH)) {
            LoadReport report = run(server, "watch", Map.of());

            assertThat(report.protocol()).isEqualTo("watch");
            assertThat(report.connected()).isEqualTo(5);
            assertThat(report.sent()).isPositive();
            assertThat(report.acked()).isEqualTo(report.sent());
            assertThat(report.ackP99Us()).isPositive();
            assertThat(report.errors()).isZero();
            // one login LK per device plus the measured ones; the ids are ten digits
            assertThat(server.frames).hasSize((int) report.sent() + 5);
            assertThat(server.frames)
                    .contains("[3G*8800000001*000A*LK,0,0,100]", "[3G*8800000005*000A*LK,0,0,100]")
                    .allMatch(frame -> frame.matches("\\[3G\\*88000000\\d\\d\\*000A\\*LK,0,0,100]"));
            assertThat(server.problems).isEmpty();
        }
    }

    @Test
    void gt06TrackersLogInWithTheirImeiThenSendStatusPacketsWithConsecutiveSerials() throws Exception {
        try (FakeTcpServer server = new FakeTcpServer(LoadProtocol.GT06)) {
            LoadReport report = run(server, "gt06", Map.of("rate", "50"));

            assertThat(report.connected()).isEqualTo(5);
            assertThat(report.sent()).isPositive().isLessThanOrEqualTo(50 * 2);
            assertThat(report.acked()).isEqualTo(report.sent());
            assertThat(report.errors()).isZero();
            // login of IMEI 860000000000001: 78 78 0d 01, then 0 + the 15 digits as BCD, serial 1
            assertThat(server.frames).anyMatch(hex -> hex.startsWith("78780d01086000000000000100 01".replace(" ", "")));
            List<String> logins = new ArrayList<>();
            Map<String, Integer> statusPackets = new HashMap<>();
            for (String hex : server.frames) {
                if (hex.startsWith("78780d01")) {
                    logins.add(hex.substring(8, 24));
                } else {
                    assertThat(hex).startsWith("78780a1340040400 02".replace(" ", ""));
                    statusPackets.merge(hex.substring(18, 22), 1, Integer::sum);
                }
            }
            assertThat(logins)
                    .containsExactlyInAnyOrder(
                            "0860000000000001",
                            "0860000000000002",
                            "0860000000000003",
                            "0860000000000004",
                            "0860000000000005");
            assertThat(statusPackets).containsKey("0002"); // the first after login (serial 1)
            assertThat(server.problems).isEmpty();
        }
    }

    @Test
    void idleWatchesSendNothingButTheirLogin() throws Exception {
        try (FakeTcpServer server = new FakeTcpServer(LoadProtocol.WATCH)) {
            LoadReport report = run(server, "watch", Map.of("idle", "true"));

            assertThat(report.connected()).isEqualTo(5);
            assertThat(report.sent()).isZero();
            assertThat(report.errors()).isZero();
            assertThat(server.frames).hasSize(5);
        }
    }

    private static LoadReport run(FakeTcpServer server, String protocol, Map<String, String> extra)
            throws InterruptedException {
        Map<String, String> options = new HashMap<>(Map.of(
                "protocol", protocol,
                "devices", "5",
                "rate", "0",
                "duration", "2",
                "port", String.valueOf(server.port())));
        options.putAll(extra);
        return new LoadRun(LoadOptions.parse(options)).run();
    }
}
