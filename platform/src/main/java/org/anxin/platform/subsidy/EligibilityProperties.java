package org.anxin.platform.subsidy;

import jakarta.validation.constraints.NotNull;
import org.anxin.platform.assessment.AbilityLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code anxin.subsidy}: the least impaired ability level (GB/T 42195-2022) that a current
 * assessment must show for the 失能/半失能 category. Default MODERATE: 中度失能 counts as 半失能,
 * 重度 and 完全 as 失能; a city that also pays 轻度失能 sets MILD.
 */
@Validated
@ConfigurationProperties("anxin.subsidy")
public record EligibilityProperties(
        @NotNull(message = "ANXIN_DISABLED_MIN_LEVEL must be one of MILD, MODERATE, SEVERE, LOST")
                AbilityLevel disabledMinLevel) {

    public EligibilityProperties {
        if (disabledMinLevel == AbilityLevel.INTACT) {
            throw new IllegalArgumentException("ANXIN_DISABLED_MIN_LEVEL cannot be INTACT: nobody intact is disabled");
        }
    }
}
