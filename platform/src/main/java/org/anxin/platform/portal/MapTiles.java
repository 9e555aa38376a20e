package org.anxin.platform.portal;

/**
 * The tile services a deployment can draw its maps on ({@code ANXIN_MAP_TILES}), and the
 * coordinate system each draws in. Positions stay WGS-84 everywhere; the pages convert at display
 * time (js/map-tiles.js) when the tiles are GCJ-02.
 */
enum MapTiles {
    /** OpenStreetMap's standard tiles: WGS-84. */
    OSM("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "© OpenStreetMap contributors", null, Coordinates.WGS84),
    /** AMap (高德) street tiles: GCJ-02. */
    AMAP(
            "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}",
            "© 高德地图 AutoNavi",
            "1234",
            Coordinates.GCJ02),
    /**
     * Tianditu (天地图): CGCS2000, within centimetres of WGS-84, so nothing is converted. Its tiles
     * need the deployment's own key, so {@code ANXIN_MAP_TILE_URL} must be given (with {@code tk=}).
     */
    TIANDITU(null, "© 天地图 Tianditu", "01234567", Coordinates.WGS84);

    /** How the tiles place a latitude and longitude. */
    enum Coordinates {
        WGS84,
        GCJ02
    }

    private final String defaultUrl;
    private final String defaultAttribution;
    private final String subdomains;
    private final Coordinates coordinates;

    MapTiles(String defaultUrl, String defaultAttribution, String subdomains, Coordinates coordinates) {
        this.defaultUrl = defaultUrl;
        this.defaultAttribution = defaultAttribution;
        this.subdomains = subdomains;
        this.coordinates = coordinates;
    }

    String defaultUrl() {
        return defaultUrl;
    }

    String defaultAttribution() {
        return defaultAttribution;
    }

    String subdomains() {
        return subdomains;
    }

    Coordinates coordinates() {
        return coordinates;
    }
}
