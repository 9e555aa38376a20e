package org.anxin.platform.alarm;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The alarm desk's settings: the rules that raise alarms ({@code anxin.alarms}), the
 * escalation timers ({@code anxin.escalation}) and the quiet hours in which device conditions do
 * not reach families ({@code anxin.family-policy}, see {@link FamilyPolicy}). Checked at start: a
 * bad value stops the platform with the variable's name.
 */
@Validated
@ConfigurationProperties("anxin")
record AlarmProperties(
        @NotNull @Valid Alarms alarms,
        @NotNull @Valid EscalationTimes escalation,
        @NotNull(message = "ANXIN_FAMILY_QUIET_FROM and ANXIN_FAMILY_QUIET_TO must be set") @Valid
                QuietHours familyPolicy) {

    /** City time; may run over midnight (22:00–07:00); equal: no quiet hours. */
    record QuietHours(
            @NotNull(message = "ANXIN_FAMILY_QUIET_FROM must be a time such as 22:00") LocalTime quietFrom,
            @NotNull(message = "ANXIN_FAMILY_QUIET_TO must be a time such as 07:00") LocalTime quietTo) {}

    record Alarms(
            @NotNull Duration offlineAfter,
            @Min(value = 0, message = "ANXIN_LOW_BATTERY_PERCENT is a percentage: 0 to 100")
                    @Max(value = 100, message = "ANXIN_LOW_BATTERY_PERCENT is a percentage: 0 to 100")
                    int lowBatteryPercent,
            @NotNull @Valid Inactivity inactivity) {

        @AssertTrue(message = "ANXIN_OFFLINE_AFTER must be a positive duration (e.g. PT30M)")
        boolean isOfflineAfterPositive() {
            return offlineAfter == null || offlineAfter.compareTo(Duration.ZERO) > 0;
        }
    }

    record Inactivity(@NotNull Duration after, @NotNull LocalTime dayStart, @NotNull LocalTime dayEnd) {

        @AssertTrue(message = "ANXIN_INACTIVITY_AFTER must be a positive duration (e.g. PT4H)")
        boolean isAfterPositive() {
            return after == null || after.compareTo(Duration.ZERO) > 0;
        }

        @AssertTrue(message = "ANXIN_INACTIVITY_DAY_START must be before ANXIN_INACTIVITY_DAY_END")
        boolean isDayInOrder() {
            return dayStart == null || dayEnd == null || dayStart.isBefore(dayEnd);
        }
    }

    record EscalationTimes(@NotNull Duration ackTimeout, @NotNull Duration familyAfter, @NotNull Duration callGap) {

        @AssertTrue(
                message = "ANXIN_ACK_TIMEOUT, ANXIN_FAMILY_AFTER and ANXIN_FAMILY_CALL_GAP must be positive durations")
        boolean isPositive() {
            return ackTimeout == null
                    || familyAfter == null
                    || callGap == null
                    || (ackTimeout.compareTo(Duration.ZERO) > 0
                            && familyAfter.compareTo(Duration.ZERO) > 0
                            && callGap.compareTo(Duration.ZERO) > 0);
        }
    }
}
