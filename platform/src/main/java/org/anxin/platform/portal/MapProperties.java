package org.anxin.platform.portal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The map the pages draw ({@code anxin.map}), checked at start.
 *
 * @param tiles the tile service ({@code ANXIN_MAP_TILES}: osm, amap, tianditu)
 * @param tileUrl overrides the service's tile URL ({@code ANXIN_MAP_TILE_URL}); required for tianditu
 * @param attribution overrides the service's attribution ({@code ANXIN_MAP_ATTRIBUTION})
 */
@Validated
@ConfigurationProperties("anxin.map")
record MapProperties(
        @NotNull(message = "ANXIN_MAP_TILES must be osm, amap or tianditu") MapTiles tiles,
        String tileUrl,
        String attribution,
        @NotBlank
                @Pattern(
                        regexp = "\\s*-?\\d+(\\.\\d+)?\\s*,\\s*-?\\d+(\\.\\d+)?\\s*",
                        message = "ANXIN_MAP_CENTER must be 'lat,lon' (e.g. 30.2741,120.1551)")
                String center,
        @Min(value = 0, message = "ANXIN_MAP_ZOOM must be 0 to 19")
                @Max(value = 19, message = "ANXIN_MAP_ZOOM must be 0 to 19")
                int zoom) {

    MapProperties {
        if (tiles == MapTiles.TIANDITU && (tileUrl == null || tileUrl.isBlank())) {
            throw new IllegalArgumentException("ANXIN_MAP_TILES=tianditu needs ANXIN_MAP_TILE_URL with the"
                    + " deployment's own key (…&tk=KEY): Tianditu serves no tiles without one");
        }
    }

    /** The tile URL to use: the configured one, else the service's. */
    String effectiveTileUrl() {
        return tileUrl == null || tileUrl.isBlank() ? tiles.defaultUrl() : tileUrl.strip();
    }

    String effectiveAttribution() {
        return attribution == null || attribution.isBlank() ? tiles.defaultAttribution() : attribution;
    }

    /** The centre as [lat, lon]. */
    List<Double> centerLatLon() {
        String[] latLon = center.split(",");
        return List.of(Double.parseDouble(latLon[0].strip()), Double.parseDouble(latLon[1].strip()));
    }
}
