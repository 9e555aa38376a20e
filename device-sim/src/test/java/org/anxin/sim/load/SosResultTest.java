package org.anxin.sim.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class SosResultTest {

    @Test
    void reportsTheReconnectWaveApartFromTheSteadyState() {
        List<SosResult.Press> presses = new ArrayList<>();
        presses.add(new SosResult.Press(-20.1, 480_000L, 470_000L)); // a warm-up press before the ramp
        presses.add(new SosResult.Press(0.5, 112_000L, null)); // right after the ramp; no times on its alarm
        presses.add(new SosResult.Press(9.99, null, null)); // never on the feed
        for (int i = 0; i < 200; i++) {
            presses.add(new SosResult.Press(
                    10 + i * 0.25, 5_000L + i * 10, 2_000L + i * 5)); // 5.00 … 6.99 ms; raised 2.0 … 3.0 ms
        }

        SosResult result = SosResult.of(presses, 10);

        assertThat(result.warmup()).isEqualTo(new SosResult.Part(1, 1, 480.0, 480.0, 480.0, 470.0, 470.0));
        assertThat(result.wave()).isEqualTo(new SosResult.Part(2, 1, 112.0, 112.0, 112.0, null, null));
        assertThat(result.steady().pressed()).isEqualTo(200);
        assertThat(result.steady().seen()).isEqualTo(200);
        assertThat(result.steady().p50Ms()).isEqualTo(6.0); // the 100th of 200: 5 ms + 99 × 10 µs
        assertThat(result.steady().p99Ms()).isEqualTo(7.0); // the 198th: 6.97 ms
        assertThat(result.steady().maxMs()).isEqualTo(7.0); // 6.99 ms
        assertThat(result.steady().toRaiseP50Ms()).isEqualTo(2.5); // the 100th: 2 ms + 99 × 5 µs
        assertThat(result.steady().toRaiseP99Ms()).isEqualTo(3.0); // the 198th: 2.985 ms
        assertThat(result.all().pressed()).isEqualTo(202);
        assertThat(result.all().seen()).isEqualTo(201);
        assertThat(result.all().maxMs()).isEqualTo(112.0);
    }

    @Test
    void aPartWithoutPressesHasNoPercentiles() {
        SosResult result = SosResult.of(List.of(new SosResult.Press(12, 4_000L, 1_500L)), 10);

        assertThat(result.wave()).isEqualTo(new SosResult.Part(0, 0, null, null, null, null, null));
        assertThat(result.steady()).isEqualTo(new SosResult.Part(1, 1, 4.0, 4.0, 4.0, 1.5, 1.5));
    }

    @Test
    void timesThePressToTheRaiseFromTheAlarmsOwnTimes() {
        ObjectNode alarm = ApiSession.JSON
                .createObjectNode()
                .put("raisedAt", "2026-12-07T15:00:00.120Z")
                .put("createdAt", "2026-12-07T15:00:00.127455Z");
        assertThat(SosProbe.toRaiseMicros(alarm)).isEqualTo(7_455L);

        assertThat(SosProbe.toRaiseMicros(alarm.deepCopy().remove(List.of("createdAt"))))
                .isNull();
        assertThat(SosProbe.toRaiseMicros(alarm.deepCopy().put("raisedAt", "yesterday")))
                .isNull();
    }
}
