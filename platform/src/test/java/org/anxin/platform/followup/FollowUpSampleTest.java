package org.anxin.platform.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FollowUpSampleTest {

    @Test
    void shareZeroSamplesNoOrderAndShareOneEvery() {
        assertThat(LongStream.rangeClosed(1, 10_000).filter(id -> FollowUps.sampled(id, 0.0)))
                .isEmpty();
        assertThat(LongStream.rangeClosed(1, 10_000).filter(id -> FollowUps.sampled(id, 1.0)))
                .hasSize(10_000);
    }

    @Test
    void aShareSamplesAboutThatFractionOfConsecutiveOrdersAndAlwaysTheSameOnes() {
        long sampled = LongStream.rangeClosed(1, 10_000)
                .filter(id -> FollowUps.sampled(id, 0.2))
                .count();
        assertThat(sampled).isBetween(1_850L, 2_150L);
        assertThat(LongStream.rangeClosed(1, 10_000).filter(id -> FollowUps.sampled(id, 0.2)))
                .hasSize((int) sampled);
        // a larger share keeps every order a smaller one sampled
        assertThat(LongStream.rangeClosed(1, 10_000)
                        .filter(id -> FollowUps.sampled(id, 0.2))
                        .allMatch(id -> FollowUps.sampled(id, 0.5)))
                .isTrue();
    }
}
