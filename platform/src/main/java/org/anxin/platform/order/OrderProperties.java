package org.anxin.platform.order;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * The order module's settings, {@code anxin.orders} (environment names in application.yml and
 * the README), checked at start.
 *
 * @param checkInMeters a check-in is accepted this close to the senior's home ({@code ANXIN_CHECK_IN_METERS})
 * @param autocloseAfter a completed visit left unrated this long is closed ({@code ANXIN_ORDER_AUTOCLOSE_AFTER})
 * @param urgentWithin an order whose window starts within this is offered at once ({@code ANXIN_ORDER_URGENT_WITHIN})
 * @param serviceMinutes the batch's service circle, the same as dispatch's ({@code ANXIN_SERVICE_MINUTES})
 * @param minVisitShare a visit is verified when on site at least this share of the item's standard
 *     duration ({@code ANXIN_SETTLEMENT_MIN_SHARE})
 */
@ConfigurationProperties("anxin.orders")
@Validated
record OrderProperties(
        @DefaultValue("200") @Min(value = 1, message = "ANXIN_CHECK_IN_METERS must be at least 1 (metres)")
                int checkInMeters,
        @DefaultValue("PT72H") @NotNull Duration autocloseAfter,
        @DefaultValue("PT1H") @NotNull Duration urgentWithin,
        @DefaultValue("15")
                @Min(value = 1, message = "ANXIN_SERVICE_MINUTES must be 1 to 240")
                @Max(value = 240, message = "ANXIN_SERVICE_MINUTES must be 1 to 240")
                int serviceMinutes,
        @DefaultValue("0.8")
                @DecimalMin(
                        value = "0",
                        inclusive = false,
                        message = "ANXIN_SETTLEMENT_MIN_SHARE must be above 0 and at most 1")
                @DecimalMax(value = "1", message = "ANXIN_SETTLEMENT_MIN_SHARE must be above 0 and at most 1")
                double minVisitShare) {

    @AssertTrue(message = "ANXIN_ORDER_AUTOCLOSE_AFTER must be a positive duration, e.g. PT72H")
    boolean isAutocloseAfterPositive() {
        return autocloseAfter == null || !(autocloseAfter.isNegative() || autocloseAfter.isZero());
    }

    @AssertTrue(message = "ANXIN_ORDER_URGENT_WITHIN must be zero (no urgent orders) or a positive duration, e.g. PT1H")
    boolean isUrgentWithinNotNegative() {
        return urgentWithin == null || !urgentWithin.isNegative();
    }

    Duration serviceCircle() {
        return Duration.ofMinutes(serviceMinutes);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OrderProperties.class)
    static class Binding {}
}
