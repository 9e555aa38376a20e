package org.anxin.platform.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MapPropertiesTest {
    @Test
    void amapTilesDrawInGcj02WithTheirOwnUrlAndAttribution() {
        MapProperties amap = new MapProperties(MapTiles.AMAP, "", "", "30.27,120.15", 13);

        assertThat(amap.tiles().coordinates()).isEqualTo(MapTiles.Coordinates.GCJ02);
        assertThat(amap.effectiveTileUrl())
                .contains("autonavi.com")
                .contains("{x}")
                .contains("{s}");
        assertThat(amap.effectiveAttribution()).contains("高德");
    }

    @Test
    void osmDrawsInWgs84AndAGivenUrlWins() {
        MapProperties osm =
                new MapProperties(MapTiles.OSM, "https://tiles.example/{z}/{x}/{y}.png", null, "30,120", 12);

        assertThat(osm.tiles().coordinates()).isEqualTo(MapTiles.Coordinates.WGS84);
        assertThat(osm.effectiveTileUrl()).isEqualTo("https://tiles.example/{z}/{x}/{y}.png");
        assertThat(osm.centerLatLon()).containsExactly(30.0, 120.0);
    }

    @Test
    void tiandituWithoutAUrlCarryingItsKeyIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> new MapProperties(MapTiles.TIANDITU, " ", null, "30,120", 12))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ANXIN_MAP_TILE_URL");
    }
}
