package org.anxin.gateway.device;

import java.math.BigDecimal;

/** A WGS-84 fix in decimal degrees, kept as the device wrote it (no float re-rounding). */
public record Position(BigDecimal lat, BigDecimal lon) {
    public Position {
        if (lat.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
            throw new IllegalArgumentException("latitude out of range: " + lat.toPlainString());
        }
        if (lon.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            throw new IllegalArgumentException("longitude out of range: " + lon.toPlainString());
        }
    }
}
