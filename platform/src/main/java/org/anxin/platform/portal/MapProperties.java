package org.anxin.platform.portal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The map the pages draw ({@code anxin.map}), checked at start. */
@Validated
@ConfigurationProperties("anxin.map")
record MapProperties(
        @NotBlank(message = "ANXIN_MAP_TILE_URL must be set") String tileUrl,
        String attribution,
        @NotBlank
                @Pattern(
                        regexp = "\\s*-?\\d+(\\.\\d+)?\\s*,\\s*-?\\d+(\\.\\d+)?\\s*",
                        message = "ANXIN_MAP_CENTER must be 'lat,lon' (e.g. 30.2741,120.1551)")
                String center,
        @Min(value = 0, message = "ANXIN_MAP_ZOOM must be 0 to 19")
                @Max(value = 19, message = "ANXIN_MAP_ZOOM must be 0 to 19")
                int zoom) {

    /** The centre as [lat, lon]. */
    List<Double> centerLatLon() {
        String[] latLon = center.split(",");
        return List.of(Double.parseDouble(latLon[0].strip()), Double.parseDouble(latLon[1].strip()));
    }
}
