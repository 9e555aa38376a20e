package org.anxin.platform.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DispatchPropertiesTest {
    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    private static DispatchProperties with(int offerCount, Duration timeout, double walk, double detour) {
        return new DispatchProperties(
                10, 15, offerCount, timeout, 200, "FIRST_AID", detour, new DispatchProperties.Speed(walk, 4.2, 6.9));
    }

    private static Set<String> problems(DispatchProperties properties) {
        return VALIDATOR.validate(properties).stream()
                .map(ConstraintViolation::getMessage)
                .collect(Collectors.toSet());
    }

    @Test
    void theDefaultsAreValid() {
        assertThat(problems(with(3, Duration.ofSeconds(60), 1.2, 1.3))).isEmpty();
    }

    @Test
    void namesTheVariableOfEachBadSetting() {
        assertThat(problems(with(0, Duration.ZERO, 0, 0.9)))
                .containsExactlyInAnyOrder(
                        "ANXIN_OFFER_COUNT (responders offered at once) must be at least 1",
                        "ANXIN_OFFER_TIMEOUT must be at least 1 second, e.g. PT60S",
                        "ANXIN_SPEED_WALK must be more than 0 m/s",
                        "ANXIN_DETOUR_FACTOR (road over straight-line distance) must be at least 1");
    }

    @Test
    void circlesAreTheirMinutesInSeconds() {
        DispatchProperties p = with(3, Duration.ofSeconds(60), 1.2, 1.3);
        assertThat(p.circleSeconds(Circle.EMERGENCY)).isEqualTo(600);
        assertThat(p.circleSeconds(Circle.SERVICE)).isEqualTo(900);
    }
}
