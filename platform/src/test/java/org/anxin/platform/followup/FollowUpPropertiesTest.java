package org.anxin.platform.followup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class FollowUpPropertiesTest {
    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(FollowUpProperties.Binding.class);

    @Test
    void samplesAFifthOfVisitsByDefault() {
        runner.run(context ->
                assertThat(context.getBean(FollowUpProperties.class).share()).isEqualTo(0.2));
    }

    @Test
    void refusesToStartWithAShareOutsideZeroToOne() {
        runner.withPropertyValues("anxin.follow-ups.share=-0.1").run(context -> assertThat(context.getStartupFailure())
                .rootCause()
                .hasMessageContaining("ANXIN_FOLLOW_UP_SHARE must be between 0 and 1"));
    }
}
