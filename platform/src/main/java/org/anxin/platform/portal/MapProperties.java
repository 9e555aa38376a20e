package org.anxin.platform.portal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The portal's maps ({@code anxin.map}).
 *
 * @param tiles the tile service ({@code ANXIN_MAP_TILES}: osm, amap, tianditu)
 * @param tileUrl overrides the service's tile URL ({@code ANXIN_MAP_TILE_URL}); required for tianditu
 * @param attribution overrides the service's attribution ({@code ANXIN_MAP_ATTRIBUTION})
 * @param center the city's centre, {@code lat,lon} in WGS-84 ({@code ANXIN_MAP_CENTER})
 * @param zoom the first zoom level ({@code ANXIN_MAP_ZOOM})
 */
@Validated
@ConfigurationProperties("anxin.map")
record MapProperties(
        @NotNull(message = "ANXIN_MAP_TILES must be osm, amap or tianditu") MapTiles tiles,
        String tileUrl,
        String attribution,
        @NotNull
                @Pattern(
                        regexp = "\\s*-?\\d+(\\.\\d+)?\\s*,\\s*-?\\d+(\\.\\d+)?\\s*",
                        message = "ANXIN_MAP_CENTER must be 'lat,lon'")
                String center,
        @Min(1) @Max(19) int zoom) {

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

    double[] latLon() {
        String[] parts = center.split(",");
        return new double[] {Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip())};
    }
}
