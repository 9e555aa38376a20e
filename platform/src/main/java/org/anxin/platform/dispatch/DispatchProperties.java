package org.anxin.platform.dispatch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The dispatch settings ({@code anxin.dispatch.*}, each mapped to an {@code ANXIN_*} variable in
 * application.yml), checked when the platform starts: a bad value stops it with the setting named.
 */
@Validated
@ConfigurationProperties("anxin.dispatch")
public record DispatchProperties(
        @Min(value = 1, message = "ANXIN_EMERGENCY_MINUTES (the emergency circle) must be at least 1 minute")
                int emergencyMinutes,
        @Min(value = 1, message = "ANXIN_SERVICE_MINUTES (the home-service circle) must be at least 1 minute")
                int serviceMinutes,
        @Min(value = 1, message = "ANXIN_OFFER_COUNT (responders offered at once) must be at least 1") int offerCount,
        @NotNull(message = "ANXIN_OFFER_TIMEOUT must be set, e.g. PT60S")
                @DurationMin(seconds = 1, message = "ANXIN_OFFER_TIMEOUT must be at least 1 second, e.g. PT60S")
                Duration offerTimeout,
        @Positive(message = "ANXIN_ARRIVE_METERS (how near \"arrived\" must be) must be more than 0")
                double arriveMeters,
        @NotBlank(message = "ANXIN_EMERGENCY_SKILL must name a skill, e.g. FIRST_AID") String emergencySkill,
        @DecimalMin(
                        value = "1.0",
                        message = "ANXIN_DETOUR_FACTOR (road over straight-line distance) must be at least 1")
                double detourFactor,
        @NotNull @Valid Speed speed) {

    /** Metres per second by travel mode. */
    public record Speed(
            @Positive(message = "ANXIN_SPEED_WALK must be more than 0 m/s") double walk,
            @Positive(message = "ANXIN_SPEED_EBIKE must be more than 0 m/s") double ebike,
            @Positive(message = "ANXIN_SPEED_CAR must be more than 0 m/s") double car) {

        double of(TravelMode mode) {
            return switch (mode) {
                case WALK -> walk;
                case EBIKE -> ebike;
                case CAR -> car;
            };
        }
    }

    /** The circle's time in seconds. */
    public int circleSeconds(Circle circle) {
        return 60
                * switch (circle) {
                    case EMERGENCY -> emergencyMinutes;
                    case SERVICE -> serviceMinutes;
                };
    }
}
