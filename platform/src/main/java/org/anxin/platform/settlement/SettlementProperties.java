package org.anxin.platform.settlement;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settlement's settings ({@code anxin.settlement.*}), checked at start: {@code min-share}, the
 * share (0–1) of an item's standard duration a visit must last to be verified and so payable
 * ({@code ANXIN_SETTLEMENT_MIN_SHARE}). The order module's visit anomalies apply it when a visit
 * is checked out; a value outside 0–1 stops the platform at start with this message.
 */
@ConfigurationProperties("anxin.settlement")
@Validated
public record SettlementProperties(
        @DefaultValue("0.8")
                @DecimalMin(value = "0", message = "anxin.settlement.min-share must be between 0 and 1")
                @DecimalMax(value = "1", message = "anxin.settlement.min-share must be between 0 and 1")
                double minShare) {}
