package org.anxin.platform.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OrderPropertiesTest {
    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(OrderProperties.Binding.class);

    @Test
    void bindsTheDefaultsWhenNothingIsSet() {
        runner.run(context -> {
            OrderProperties p = context.getBean(OrderProperties.class);
            assertThat(p.checkInMeters()).isEqualTo(200);
            assertThat(p.autocloseAfter()).isEqualTo(Duration.ofHours(72));
            assertThat(p.urgentWithin()).isEqualTo(Duration.ofHours(1));
            assertThat(p.serviceCircle()).isEqualTo(Duration.ofMinutes(15));
            assertThat(p.minVisitShare()).isEqualTo(0.8);
        });
    }

    @Test
    void refusesToStartWithAShareAboveOneNamingTheEnvironmentVariable() {
        runner.withPropertyValues("anxin.orders.min-visit-share=1.5")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("ANXIN_SETTLEMENT_MIN_SHARE must be above 0 and at most 1"));
    }

    @Test
    void refusesToStartWithANegativeAutoClose() {
        runner.withPropertyValues("anxin.orders.autoclose-after=-PT1H")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("ANXIN_ORDER_AUTOCLOSE_AFTER must be a positive duration"));
    }
}
