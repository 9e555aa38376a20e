package org.anxin.platform.callcenter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CallCenterPropertiesTest {
    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    private static Set<String> problems(CallCenterProperties properties) {
        return VALIDATOR.validate(properties).stream()
                .map(ConstraintViolation::getMessage)
                .collect(Collectors.toSet());
    }

    @Test
    void theDefaultsAreValid() {
        assertThat(problems(new CallCenterProperties(
                        false,
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(60),
                        Duration.ofMinutes(5),
                        LocalTime.MIDNIGHT,
                        LocalTime.MIDNIGHT,
                        Duration.ofHours(24),
                        Duration.ofHours(48),
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(15),
                        1,
                        5000)))
                .isEmpty();
    }

    @Test
    void namesTheVariableOfEachBadSetting() {
        Duration zero = Duration.ZERO;
        assertThat(problems(new CallCenterProperties(
                        false, Duration.ofSeconds(2), zero, zero, null, LocalTime.NOON, zero, zero, zero, zero, 9, 10)))
                .containsExactlyInAnyOrder(
                        "ANXIN_CALL_RING_TIMEOUT must be at least 5 seconds",
                        "ANXIN_CALL_GIVE_UP_AFTER must be at least 30 seconds",
                        "ANXIN_CALL_HOURS_START must be a time like 08:00",
                        "ANXIN_REFERRAL_ACCEPT_WITHIN must be at least a minute",
                        "ANXIN_TRACKING_DUE must be at least a minute",
                        "ANXIN_CARE_CALL_TIMEOUT must be at least a minute",
                        "ANXIN_CARE_RETRY_AFTER must be at least a minute",
                        "ANXIN_CARE_RETRIES must be 5 or fewer",
                        "anxin.callcenter.tick-ms must be at least 100");
    }
}
