package org.anxin.platform.medication;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code anxin.medication}: a reminder due longer ago than {@code lateLimit} (the platform was
 * down over its time) is skipped rather than sent hours late. A senior's watch gets its REMIND
 * command {@code watchLead} before the dose, so that it is set before its minute comes.
 */
@Validated
@ConfigurationProperties("anxin.medication")
public record MedicationProperties(
        @NotNull(message = "ANXIN_MEDICATION_LATE_LIMIT must be a duration such as PT30M") Duration lateLimit,
        @NotNull(message = "ANXIN_MEDICATION_WATCH_LEAD must be a duration such as PT5M") Duration watchLead) {

    public MedicationProperties {
        if (watchLead != null
                && (watchLead.compareTo(Duration.ofMinutes(1)) < 0 || watchLead.compareTo(Duration.ofHours(1)) > 0)) {
            throw new IllegalArgumentException(
                    "ANXIN_MEDICATION_WATCH_LEAD must be between PT1M and PT1H, not " + watchLead);
        }
        if (lateLimit != null
                && (lateLimit.compareTo(Duration.ofMinutes(1)) < 0 || lateLimit.compareTo(Duration.ofHours(12)) > 0)) {
            throw new IllegalArgumentException(
                    "ANXIN_MEDICATION_LATE_LIMIT must be between PT1M and PT12H, not " + lateLimit);
        }
    }
}
