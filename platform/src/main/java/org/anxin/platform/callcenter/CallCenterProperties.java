package org.anxin.platform.callcenter;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The 12349 line's settings ({@code anxin.callcenter}, environment variables in the README).
 *
 * @param recording record answered calls ({@code ANXIN_CALL_RECORDING}); the caller hears a notice first
 * @param ringTimeout how long one operator's phone rings before the next is tried
 * @param overflowAfter a caller queued this long rings the supervisors
 * @param giveUpAfter a caller nobody answered this long is told they will be called back, and the
 *     call is kept for a call-back
 * @param hoursStart start of the service hours (city time); equal to {@code hoursEnd}: always open
 * @param hoursEnd end of the service hours; outside them only emergencies (1) are put through
 * @param referralAcceptWithin a referral not accepted this long reminds its owner
 * @param trackingDue when a tracking task falls due if its creator gives no date
 * @param careCallTimeout a care call with no result (no key, no status from Twilio) this long counts as unanswered
 * @param careRetryAfter an unanswered care call is tried again after this
 * @param careRetries how many times it is tried again before a CARE_CHECK alarm is raised
 * @param tickMs how often the work-order and care-call timers run (milliseconds)
 */
@Validated
@ConfigurationProperties("anxin.callcenter")
public record CallCenterProperties(
        boolean recording,
        @NotNull @DurationMin(seconds = 5, message = "ANXIN_CALL_RING_TIMEOUT must be at least 5 seconds")
                Duration ringTimeout,
        @NotNull @DurationMin(seconds = 0, message = "ANXIN_CALL_OVERFLOW_AFTER must not be negative")
                Duration overflowAfter,
        @NotNull @DurationMin(seconds = 30, message = "ANXIN_CALL_GIVE_UP_AFTER must be at least 30 seconds")
                Duration giveUpAfter,
        @NotNull(message = "ANXIN_CALL_HOURS_START must be a time like 08:00") LocalTime hoursStart,
        @NotNull(message = "ANXIN_CALL_HOURS_END must be a time like 20:00") LocalTime hoursEnd,
        @NotNull @DurationMin(minutes = 1, message = "ANXIN_REFERRAL_ACCEPT_WITHIN must be at least a minute")
                Duration referralAcceptWithin,
        @NotNull @DurationMin(minutes = 1, message = "ANXIN_TRACKING_DUE must be at least a minute")
                Duration trackingDue,
        @NotNull @DurationMin(minutes = 1, message = "ANXIN_CARE_CALL_TIMEOUT must be at least a minute")
                Duration careCallTimeout,
        @NotNull @DurationMin(minutes = 1, message = "ANXIN_CARE_RETRY_AFTER must be at least a minute")
                Duration careRetryAfter,
        @Min(value = 0, message = "ANXIN_CARE_RETRIES must be 0 or more")
                @Max(value = 5, message = "ANXIN_CARE_RETRIES must be 5 or fewer")
                int careRetries,
        @Min(value = 100, message = "anxin.callcenter.tick-ms must be at least 100") long tickMs) {

    /** Whether the line is open at this wall-clock time of the city. */
    boolean open(LocalTime now) {
        if (hoursStart.equals(hoursEnd)) {
            return true;
        }
        if (hoursStart.isBefore(hoursEnd)) {
            return !now.isBefore(hoursStart) && now.isBefore(hoursEnd);
        }
        return !now.isBefore(hoursStart) || now.isBefore(hoursEnd); // over midnight
    }
}
