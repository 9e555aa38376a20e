package org.anxin.platform.assessment;

import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code anxin.assessment}: an assessment is current for {@code validFor} after its date and is
 * due again then; the due list shows those falling due within {@code dueWithin}. The default of
 * six months follows the periodic re-assessment of MZ/T 039-2013 §4.3.5 (每 6 个月定期评估一次),
 * the ministry standard GB/T 42195-2022 replaced; a city that re-assesses yearly sets P12M.
 */
@Validated
@ConfigurationProperties("anxin.assessment")
public record AssessmentProperties(
        @NotNull(message = "ANXIN_ASSESSMENT_VALID_FOR must be a period such as P6M") Period validFor,
        @NotNull(message = "ANXIN_ASSESSMENT_DUE_WITHIN must be a period such as P30D") Period dueWithin) {

    public AssessmentProperties {
        if (validFor != null && (validFor.isNegative() || validFor.isZero())) {
            throw new IllegalArgumentException("ANXIN_ASSESSMENT_VALID_FOR must be positive, not " + validFor);
        }
        if (dueWithin != null && dueWithin.isNegative()) {
            throw new IllegalArgumentException("ANXIN_ASSESSMENT_DUE_WITHIN cannot be negative, not " + dueWithin);
        }
    }
}
