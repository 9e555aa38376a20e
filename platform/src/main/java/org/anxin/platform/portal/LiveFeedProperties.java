package org.anxin.platform.portal;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxStreamsPerUser open live streams one user may hold ({@code ANXIN_LIVE_FEED_MAX_PER_USER}); a new one
 *     beyond it ends that user's oldest (a reloaded page must never be refused its feed)
 */
@Validated
@ConfigurationProperties("anxin.live-feed")
record LiveFeedProperties(
        @Min(value = 1, message = "ANXIN_LIVE_FEED_MAX_PER_USER must be at least 1") @DefaultValue("5")
                int maxStreamsPerUser) {}
