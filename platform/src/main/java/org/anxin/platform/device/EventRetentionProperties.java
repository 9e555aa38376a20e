package org.anxin.platform.device;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long device events are kept ({@code anxin.events.retention}, {@code ANXIN_EVENT_RETENTION}):
 * whole months older than this are dropped. Alarms, calls, orders and ledgers are kept regardless.
 */
@Validated
@ConfigurationProperties("anxin.events")
record EventRetentionProperties(@DefaultValue("P90D") Duration retention) {
    EventRetentionProperties {
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("ANXIN_EVENT_RETENTION must be at least P1D, not " + retention);
        }
    }
}
