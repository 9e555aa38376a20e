package org.anxin.platform.system;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Password guessing ({@code anxin.login}): after this many failed sign-ins within the window a user
 * name is locked for {@code lockout} (or until an administrator unlocks it), and an address is
 * refused for the rest of its window. Only failures count, so a busy office behind one address is
 * not slowed by its own good sign-ins.
 */
@Validated
@ConfigurationProperties("anxin.login")
record LoginProperties(
        @Min(value = 1, message = "ANXIN_LOGIN_MAX_FAILURES_PER_USER must be at least 1") @DefaultValue("10")
                int maxFailuresPerUser,
        @Min(value = 1, message = "ANXIN_LOGIN_MAX_FAILURES_PER_ADDRESS must be at least 1") @DefaultValue("50")
                int maxFailuresPerAddress,
        @NotNull @DefaultValue("PT15M") Duration window,
        @NotNull @DefaultValue("PT15M") Duration lockout) {}
