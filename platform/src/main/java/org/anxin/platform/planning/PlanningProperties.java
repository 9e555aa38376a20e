package org.anxin.platform.planning;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * The day planner's settings, {@code anxin.planning} (environment names in application.yml and
 * the README), checked at start.
 *
 * @param seconds the solver's time box ({@code ANXIN_PLAN_SECONDS})
 * @param searches searches run side by side, the best plan kept ({@code ANXIN_PLAN_SEARCHES})
 * @param cron when tomorrow is planned each night ({@code ANXIN_PLAN_CRON})
 * @param tolerance allowed lateness after a window ({@code ANXIN_PLAN_TOLERANCE})
 * @param maxVisits visits per worker and day ({@code ANXIN_PLAN_MAX_VISITS})
 * @param maxHours hours of travel and service per worker and day ({@code ANXIN_PLAN_MAX_HOURS})
 * @param breakMinutes the break's length ({@code ANXIN_PLAN_BREAK_MINUTES})
 * @param breakFrom the break's earliest start ({@code ANXIN_PLAN_BREAK_FROM})
 * @param breakTo the break's latest start ({@code ANXIN_PLAN_BREAK_TO})
 */
@ConfigurationProperties("anxin.planning")
@Validated
record PlanningProperties(
        @DefaultValue("10")
                @Min(value = 1, message = "ANXIN_PLAN_SECONDS must be 1 to 3600")
                @Max(value = 3600, message = "ANXIN_PLAN_SECONDS must be 1 to 3600")
                int seconds,
        @DefaultValue("1")
                @Min(value = 1, message = "ANXIN_PLAN_SEARCHES must be 1 to 8")
                @Max(value = 8, message = "ANXIN_PLAN_SEARCHES must be 1 to 8")
                int searches,
        @DefaultValue("0 0 21 * * *") @NotNull String cron,
        @DefaultValue("PT15M") @NotNull Duration tolerance,
        @DefaultValue("10") @Min(value = 1, message = "ANXIN_PLAN_MAX_VISITS must be at least 1") int maxVisits,
        @DefaultValue("8")
                @Min(value = 1, message = "ANXIN_PLAN_MAX_HOURS must be 1 to 24")
                @Max(value = 24, message = "ANXIN_PLAN_MAX_HOURS must be 1 to 24")
                int maxHours,
        @DefaultValue("30")
                @Min(value = 0, message = "ANXIN_PLAN_BREAK_MINUTES must be 0 to 240")
                @Max(value = 240, message = "ANXIN_PLAN_BREAK_MINUTES must be 0 to 240")
                int breakMinutes,
        @DefaultValue("11:30") @NotNull LocalTime breakFrom,
        @DefaultValue("13:30") @NotNull LocalTime breakTo) {

    @AssertTrue(message = "ANXIN_PLAN_TOLERANCE must be zero or a positive duration, e.g. PT15M")
    boolean isToleranceNotNegative() {
        return tolerance == null || !tolerance.isNegative();
    }

    @AssertTrue(message = "ANXIN_PLAN_BREAK_FROM must not be after ANXIN_PLAN_BREAK_TO")
    boolean isBreakWindowOrdered() {
        return breakFrom == null || breakTo == null || !breakFrom.isAfter(breakTo);
    }

    Duration timeBox() {
        return Duration.ofSeconds(seconds);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PlanningProperties.class)
    static class Binding {}
}
