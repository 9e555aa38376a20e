package org.anxin.sim.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(1, 60);

    @Test
    void doublesFromTheBaseUpToTheCap() {
        assertThat(backoff.ceilingSeconds(0)).isEqualTo(1);
        assertThat(backoff.ceilingSeconds(1)).isEqualTo(2);
        assertThat(backoff.ceilingSeconds(5)).isEqualTo(32);
        assertThat(backoff.ceilingSeconds(6)).isEqualTo(60);
        assertThat(backoff.ceilingSeconds(1_000)).isEqualTo(60);
    }

    @Test
    void waitsSomewhereInTheUpperHalfOfTheCeiling() {
        for (int failures = 0; failures < 10; failures++) {
            double ceiling = backoff.ceilingSeconds(failures);
            for (int i = 0; i < 200; i++) {
                double seconds = backoff.delayNanos(failures) / 1e9;
                assertThat(seconds).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void spreadsACrowdRatherThanSendingItBackAtOnce() {
        long distinct = java.util.stream.IntStream.range(0, 100)
                .mapToLong(i -> backoff.delayNanos(3) / 1_000_000)
                .distinct()
                .count();
        assertThat(distinct).isGreaterThan(50);
    }

    @Test
    void refusesABaseOfZeroOrACapBelowTheBase() {
        assertThatThrownBy(() -> new Backoff(0, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
