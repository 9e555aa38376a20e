package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The map pages' WGS-84 ↔ GCJ-02 conversion (js/map-tiles.js) run in the real browser, against
 * published reference points: the WGS-84/GCJ-02 pairs of eviltransform's test suite (Shanghai,
 * Shenzhen, Beijing) and gcoord's GCJ-02 → WGS-84 case (45° N, 123° E).
 */
class MapCoordinatesBrowserIT extends BrowserTest {
    private static final double[][] WGS84_AND_GCJ02 = {
        {31.1774276, 121.5272106, 31.17530398364597, 121.531541859215}, // Shanghai
        {22.543847, 113.912316, 22.540796131694766, 113.9171764808363}, // Shenzhen
        {39.911954, 116.377817, 39.91334545536069, 116.38404722455657} // Beijing
    };

    @BeforeEach
    void loadTheModule() {
        browser.get(stack.baseUrl() + "/login.html");
        browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " const load = (src) => new Promise((ok, fail) => { const s = document.createElement('script');"
                + " s.src = src; s.onload = ok; s.onerror = fail; document.head.appendChild(s); });"
                + " load('/webjars/leaflet/dist/leaflet.js').then(() => load('/js/map-tiles.js'))"
                + ".then(() => done(true), () => done(false));");
    }

    @Test
    void convertsWgs84ToGcj02AsTheReferencePointsSay() {
        for (double[] p : WGS84_AND_GCJ02) {
            List<Number> gcj = call("MapTiles.wgs84ToGcj02", p[0], p[1]);
            assertThat(gcj.get(0).doubleValue()).isCloseTo(p[2], within(1e-9));
            assertThat(gcj.get(1).doubleValue()).isCloseTo(p[3], within(1e-9));
        }
    }

    @Test
    void convertsGcj02BackToWgs84WithinAMillimetre() {
        for (double[] p : WGS84_AND_GCJ02) {
            List<Number> wgs = call("MapTiles.gcj02ToWgs84", p[2], p[3]);
            assertThat(wgs.get(0).doubleValue()).isCloseTo(p[0], within(1e-8));
            assertThat(wgs.get(1).doubleValue()).isCloseTo(p[1], within(1e-8));
        }
        List<Number> gcoord = call("MapTiles.gcj02ToWgs84", 45, 123);
        assertThat(gcoord.get(0).doubleValue()).isCloseTo(44.99804071, within(1e-6));
        assertThat(gcoord.get(1).doubleValue()).isCloseTo(122.99395597, within(1e-6));
    }

    @Test
    void leavesPointsOutsideChinaAlone() {
        assertThat(call("MapTiles.wgs84ToGcj02", 51.5007, -0.1246)).containsExactly(51.5007, -0.1246);
        assertThat(call("MapTiles.gcj02ToWgs84", 35.6586, 139.7454)).containsExactly(35.6586, 139.7454);
    }

    @Test
    void aMapOnGcj02TilesDrawsWgs84PointsWhereTheTilesHaveThemAndReadsClicksBackAsWgs84() {
        @SuppressWarnings("unchecked")
        List<Number> result = (List<Number>) browser.executeScript("const div = document.createElement('div');"
                + " div.style.width = '400px'; div.style.height = '300px'; document.body.appendChild(div);"
                + " const map = L.map(div, MapTiles.mapOptions({ coordinates: 'GCJ02' })).setView([31.2, 121.5], 16);"
                + " const plain = L.map(document.body.appendChild(document.createElement('div')))"
                + ".setView([31.2, 121.5], 16);"
                + " const shifted = map.project([31.1774276, 121.5272106], 16);"
                + " const expected = plain.project([31.17530398364597, 121.531541859215], 16);"
                + " const back = map.unproject(shifted, 16);"
                + " return [shifted.x - expected.x, shifted.y - expected.y, back.lat, back.lng];");
        assertThat(result.get(0).doubleValue()).isCloseTo(0, within(1e-3));
        assertThat(result.get(1).doubleValue()).isCloseTo(0, within(1e-3));
        assertThat(result.get(2).doubleValue()).isCloseTo(31.1774276, within(1e-8));
        assertThat(result.get(3).doubleValue()).isCloseTo(121.5272106, within(1e-8));
    }

    @SuppressWarnings("unchecked")
    private List<Number> call(String function, double lat, double lon) {
        return (List<Number>) browser.executeScript("return " + function + "(arguments[0], arguments[1]);", lat, lon);
    }
}
