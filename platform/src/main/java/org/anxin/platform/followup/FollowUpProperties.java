package org.anxin.platform.followup;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * The follow-up module's settings, {@code anxin.follow-ups}, checked at start.
 *
 * @param share the share (0 to 1) of completed visits queued for a call ({@code ANXIN_FOLLOW_UP_SHARE})
 */
@ConfigurationProperties("anxin.follow-ups")
@Validated
record FollowUpProperties(
        @DefaultValue("0.2")
                @DecimalMin(value = "0", message = "ANXIN_FOLLOW_UP_SHARE must be between 0 and 1")
                @DecimalMax(value = "1", message = "ANXIN_FOLLOW_UP_SHARE must be between 0 and 1")
                double share) {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(FollowUpProperties.class)
    static class Binding {}
}
