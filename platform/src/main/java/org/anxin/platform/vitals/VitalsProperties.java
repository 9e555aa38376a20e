package org.anxin.platform.vitals;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code anxin.vitals}: a VITALS_ABNORMAL alarm needs {@code consecutive} abnormal readings of one
 * kind in a row, all within {@code window}, so one noisy reading pages nobody.
 */
@Validated
@ConfigurationProperties("anxin.vitals")
public record VitalsProperties(
        @Min(value = 1, message = "ANXIN_VITALS_CONSECUTIVE must be at least 1") @Max(20) int consecutive,
        @NotNull(message = "ANXIN_VITALS_WINDOW must be a duration such as PT30M") Duration window) {}
