package org.anxin.platform.device;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How long a device command waits for the device ({@code anxin.commands}), checked at start. */
@Validated
@ConfigurationProperties("anxin.commands")
record CommandProperties(@NotNull Duration expireAfter, @NotNull Duration resendAfter) {

    @AssertTrue(message = "ANXIN_COMMAND_EXPIRE_AFTER and ANXIN_COMMAND_RESEND_AFTER must be positive durations")
    boolean isPositive() {
        return expireAfter == null
                || resendAfter == null
                || (expireAfter.compareTo(Duration.ZERO) > 0 && resendAfter.compareTo(Duration.ZERO) > 0);
    }
}
