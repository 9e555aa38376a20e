package org.anxin.platform.device;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DevicePropertiesTest {
    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void takesTheDefaultAndAWssUrl() {
        assertThat(validator.validate(new DeviceProperties("ws://{host}:8083/mqtt")))
                .isEmpty();
        assertThat(validator.validate(new DeviceProperties("wss://gw.example.cn/mqtt")))
                .isEmpty();
    }

    @Test
    void refusesAUrlWithABraceLeftOverByAShellExpansionNamingTheVariable() {
        Set<ConstraintViolation<DeviceProperties>> violations =
                validator.validate(new DeviceProperties("ws://{host:18384/mqtt}"));

        assertThat(violations).singleElement().satisfies(v -> assertThat(v.getMessage())
                .contains("ANXIN_MQTT_WS_URL")
                .contains("ws://{host}:8083/mqtt"));
    }

    @Test
    void refusesAnHttpUrl() {
        assertThat(validator.validate(new DeviceProperties("http://gw.example.cn/mqtt")))
                .isNotEmpty();
    }
}
