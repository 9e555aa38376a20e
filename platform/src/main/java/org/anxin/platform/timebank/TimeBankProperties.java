package org.anxin.platform.timebank;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The time bank's settings ({@code anxin.timebank.*}): {@code sweep-ms}, how often withdrawn
 * orders paid with minutes are looked for to refund them.
 */
@ConfigurationProperties("anxin.timebank")
@Validated
record TimeBankProperties(
        @DefaultValue("60000") @Min(value = 100, message = "anxin.timebank.sweep-ms must be at least 100 (ms)")
                long sweepMs) {

    Duration sweep() {
        return Duration.ofMillis(sweepMs);
    }
}
