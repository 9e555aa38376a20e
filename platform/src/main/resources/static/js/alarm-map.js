// The console's map: one pin per open alarm. The page must stay usable when no tile server is
// reachable (offline centre, blocked internet) or Leaflet itself failed to load: pins are then
// drawn on a blank map, or the map pane is just left empty.
(function () {
  'use strict';

  // A Leaflet map at the city's centre with the configured tiles, or null without Leaflet.
  function base(elementId, config, onTileError) {
    if (typeof L === 'undefined') {
      onTileError();
      return null;
    }
    // positions stay WGS-84; on GCJ-02 tiles the map's CRS converts them (js/map-tiles.js)
    const map = L.map(elementId, MapTiles.mapOptions(config, { zoomControl: true })).setView(config.center, config.zoom);
    const tiles = MapTiles.tileLayer(config);
    if (tiles) {
      let reported = false;
      tiles.on('tileerror', () => { if (!reported) { reported = true; onTileError(); } }).addTo(map);
    }
    return map;
  }

  function create(elementId, config, onTileError) {
    const map = base(elementId, config, onTileError);
    if (!map) return { show() {}, remove() {}, focus() {}, trail() {} };
    const pins = new Map();
    let trailLayer = null;
    return {
      // The opened senior's last day of fixes as a line, and home as a small square.
      trail(points, home) {
        if (trailLayer) trailLayer.remove();
        trailLayer = L.layerGroup().addTo(map);
        const line = (points || []).map((p) => [p.lat, p.lon]);
        if (line.length > 1) L.polyline(line, { color: '#1565c0', weight: 3, opacity: 0.7 }).addTo(trailLayer);
        if (home) {
          L.circleMarker(home, { radius: 6, color: '#2e7d32', weight: 2, fillOpacity: 0.5 }).addTo(trailLayer);
        }
      },
      show(alarm, label) {
        this.remove(alarm.id);
        if (alarm.lat == null || alarm.lon == null) return;
        const pin = L.circleMarker([alarm.lat, alarm.lon], {
          radius: 9, color: '#b00020', weight: 2, fillColor: '#e53935', fillOpacity: 0.8
        }).bindTooltip(Portal.textNode(label)).addTo(map);
        pins.set(alarm.id, pin);
      },
      remove(id) {
        const pin = pins.get(id);
        if (pin) { pin.remove(); pins.delete(id); }
      },
      focus(alarm) {
        if (alarm.lat != null && alarm.lon != null) map.setView([alarm.lat, alarm.lon], 16);
      }
    };
  }

  window.AlarmMap = { create, base };
})();
