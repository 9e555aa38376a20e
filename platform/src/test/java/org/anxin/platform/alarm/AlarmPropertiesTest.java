package org.anxin.platform.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class AlarmPropertiesTest {
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AlarmProperties.class)
    static class Bound {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Bound.class)
            .withPropertyValues(
                    "anxin.alarms.offline-after=PT30M",
                    "anxin.alarms.low-battery-percent=15",
                    "anxin.alarms.inactivity.after=PT4H",
                    "anxin.alarms.inactivity.day-start=08:00",
                    "anxin.alarms.inactivity.day-end=20:00",
                    "anxin.escalation.ack-timeout=PT60S",
                    "anxin.escalation.family-after=PT180S",
                    "anxin.escalation.call-gap=PT120S",
                    "anxin.family-policy.quiet-from=22:00",
                    "anxin.family-policy.quiet-to=07:00");

    @Test
    void bindsTheDefaults() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            AlarmProperties properties = started.getBean(AlarmProperties.class);
            assertThat(properties.alarms().lowBatteryPercent()).isEqualTo(15);
            assertThat(properties.alarms().inactivity().dayStart()).hasToString("08:00");
            assertThat(properties.escalation().callGap()).hasSeconds(120);
        });
    }

    @Test
    void aBatteryPercentOver100RefusesToStartAndNamesTheVariable() {
        context.withPropertyValues("anxin.alarms.low-battery-percent=150").run(started -> assertThat(started)
                .getFailure()
                .rootCause()
                .hasMessageContaining("ANXIN_LOW_BATTERY_PERCENT is a percentage: 0 to 100"));
    }

    @Test
    void aZeroAckTimeoutRefusesToStart() {
        context.withPropertyValues("anxin.escalation.ack-timeout=PT0S")
                .run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("ANXIN_ACK_TIMEOUT"));
    }

    @Test
    void bindsTheFamilyQuietHoursAndRefusesAMissingOneNamingTheVariable() {
        context.run(started -> assertThat(
                        started.getBean(AlarmProperties.class).familyPolicy().quietTo())
                .hasToString("07:00"));
        context.withPropertyValues("anxin.family-policy.quiet-to=")
                .run(started ->
                        assertThat(started).getFailure().rootCause().hasMessageContaining("ANXIN_FAMILY_QUIET_TO"));
    }

    @Test
    void aDaytimeWindowThatEndsBeforeItStartsRefusesToStart() {
        context.withPropertyValues("anxin.alarms.inactivity.day-end=07:00").run(started -> assertThat(started)
                .getFailure()
                .rootCause()
                .hasMessageContaining("ANXIN_INACTIVITY_DAY_START must be before ANXIN_INACTIVITY_DAY_END"));
    }
}
