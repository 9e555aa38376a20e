// Map tiles and their coordinate system. Positions are WGS-84 everywhere in Anxin; Chinese tile
// services draw GCJ-02 ("Mars coordinates", AMap/Gaode, Tencent), so a WGS-84 point drawn as is
// on them lands 100-700 m off the street. With GCJ-02 tiles the map gets a Leaflet CRS that
// converts WGS-84 to GCJ-02 before projecting, and back when unprojecting: every marker, line and
// circle given in WGS-84 lands on the right street, and whatever the user clicks or draws (a safe
// zone) comes back in WGS-84. Tianditu's CGCS2000 is within centimetres of WGS-84: no conversion.
//
// The WGS-84 -> GCJ-02 formula is the published one (Krasovsky ellipsoid a = 6378245 m,
// e^2 = 0.00669342162296594323); GCJ-02 -> WGS-84 inverts it by fixed-point iteration to under
// 1e-9 degrees. Checked against published reference points by e2e MapCoordinatesBrowserIT.
(function () {
  'use strict';

  const A = 6378245.0;
  const EE = 0.00669342162296594323;

  function outsideChina(lat, lon) {
    return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
  }

  function waves(x, y, first, second, third, fourth) {
    return (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)
      + first * Math.sin(y * Math.PI) + second * Math.sin(y / 3 * Math.PI)
      + third * Math.sin(y / 12 * Math.PI) + fourth * Math.sin(y / 30 * Math.PI)) * 2 / 3;
  }

  // The GCJ-02 offset (degrees) of a WGS-84 point.
  function offset(lat, lon) {
    const x = lon - 105;
    const y = lat - 35;
    const northing = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
      + waves(x, y, 20, 40, 160, 320);
    const easting = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
      + waves(x, x, 20, 40, 150, 300);
    const phi = lat / 180 * Math.PI;
    const w = 1 - EE * Math.sin(phi) * Math.sin(phi);
    const meridian = (A * (1 - EE)) / (w * Math.sqrt(w));
    const parallel = A / Math.sqrt(w) * Math.cos(phi);
    return [northing * 180 / (meridian * Math.PI), easting * 180 / (parallel * Math.PI)];
  }

  function wgs84ToGcj02(lat, lon) {
    if (outsideChina(lat, lon)) return [lat, lon];
    const [dLat, dLon] = offset(lat, lon);
    return [lat + dLat, lon + dLon];
  }

  function gcj02ToWgs84(lat, lon) {
    if (outsideChina(lat, lon)) return [lat, lon];
    let wLat = lat;
    let wLon = lon;
    for (let i = 0; i < 20; i++) {
      const [gLat, gLon] = wgs84ToGcj02(wLat, wLon);
      const eLat = lat - gLat;
      const eLon = lon - gLon;
      wLat += eLat;
      wLon += eLon;
      if (Math.abs(eLat) < 1e-10 && Math.abs(eLon) < 1e-10) break;
    }
    return [wLat, wLon];
  }

  // EPSG:3857 on GCJ-02 tiles, fed with WGS-84.
  function gcj02Crs() {
    const mercator = L.Projection.SphericalMercator;
    const projection = {
      bounds: mercator.bounds,
      project(latlng) {
        const [lat, lon] = wgs84ToGcj02(latlng.lat, latlng.lng);
        return mercator.project(L.latLng(lat, lon));
      },
      unproject(point) {
        const gcj = mercator.unproject(point);
        const [lat, lon] = gcj02ToWgs84(gcj.lat, gcj.lng);
        return L.latLng(lat, lon);
      }
    };
    return L.extend({}, L.CRS.EPSG3857, { code: 'EPSG:3857+GCJ-02', projection });
  }

  // Options for L.map(id, options) that suit the configured tiles (GET /api/portal/config).
  function mapOptions(config, extra) {
    const options = Object.assign({}, extra || {});
    if (config && config.coordinates === 'GCJ02' && typeof L !== 'undefined') options.crs = gcj02Crs();
    return options;
  }

  // The configured tile layer (null when none is configured), not yet added to a map.
  function tileLayer(config) {
    if (!config || !config.tileUrl || typeof L === 'undefined') return null;
    const options = { attribution: config.attribution || '', maxZoom: 19 };
    if (config.subdomains) options.subdomains = config.subdomains;
    return L.tileLayer(config.tileUrl, options);
  }

  window.MapTiles = { wgs84ToGcj02, gcj02ToWgs84, mapOptions, tileLayer };
})();
