// Drawing a safe zone on a Leaflet map. A circle: a tap sets the centre, then the centre handle
// drags it and the edge handle resizes it. A polygon: each tap adds a corner; corners can be
// dragged. shape() gives what POST /api/seniors/{id}/geofences takes, or null until it is whole.
(function () {
  'use strict';

  const MIN_RADIUS = 20;
  const MAX_RADIUS = 50000;
  const STYLE = { color: '#ef6c00', weight: 2, dashArray: '6 4', fillOpacity: 0.15 };

  function handle(latlng, kind) {
    return L.marker(latlng, {
      draggable: true,
      keyboard: false,
      icon: L.divIcon({ className: `zone-handle zone-handle-${kind}`, iconSize: [18, 18] })
    });
  }

  // East of centre by radius metres: where the resize handle sits.
  function edge(center, radius) {
    const dLon = radius / (111320 * Math.cos(center.lat * Math.PI / 180));
    return L.latLng(center.lat, center.lng + dLon);
  }

  function circle(map, onChange) {
    const layer = L.layerGroup().addTo(map);
    let shape = null;
    let center = null;
    let resize = null;
    let radius = 150;
    function place(latlng) {
      center = handle(latlng, 'center').addTo(layer);
      shape = L.circle(latlng, Object.assign({ radius }, STYLE)).addTo(layer);
      resize = handle(edge(latlng, radius), 'edge').addTo(layer);
      center.on('drag', () => {
        shape.setLatLng(center.getLatLng());
        resize.setLatLng(edge(center.getLatLng(), radius));
        onChange();
      });
      resize.on('drag', () => {
        radius = Math.min(MAX_RADIUS, Math.max(MIN_RADIUS, map.distance(center.getLatLng(), resize.getLatLng())));
        shape.setRadius(radius);
        onChange();
      });
      resize.on('dragend', () => resize.setLatLng(edge(center.getLatLng(), radius)));
      onChange();
    }
    function click(event) { if (!center) place(event.latlng); }
    map.on('click', click);
    return {
      shape() {
        if (!center) return null;
        const c = center.getLatLng();
        return { circle: { lat: c.lat, lon: c.lng, radiusMeters: Math.round(radius) } };
      },
      cancel() { map.off('click', click); layer.remove(); }
    };
  }

  function polygon(map, onChange) {
    const layer = L.layerGroup().addTo(map);
    const corners = [];
    const outline = L.polygon([], STYLE).addTo(layer);
    function redraw() {
      outline.setLatLngs(corners.map((m) => m.getLatLng()));
      onChange();
    }
    function click(event) {
      const corner = handle(event.latlng, 'corner').addTo(layer);
      corner.on('drag', redraw);
      corners.push(corner);
      redraw();
    }
    map.on('click', click);
    return {
      shape() {
        if (corners.length < 3) return null;
        return { polygon: corners.map((m) => [m.getLatLng().lat, m.getLatLng().lng]) };
      },
      cancel() { map.off('click', click); layer.remove(); }
    };
  }

  // A saved zone drawn for looking at (not editing).
  function show(layer, zone) {
    const style = { color: '#2e7d32', weight: 2, fillOpacity: 0.08 };
    const drawn = zone.radiusMeters != null
      ? L.circle([zone.centerLat, zone.centerLon], Object.assign({ radius: zone.radiusMeters }, style))
      : L.polygon(zone.polygon, style);
    const label = document.createElement('span');
    label.textContent = zone.name;
    return drawn.bindTooltip(label).addTo(layer);
  }

  window.ZoneDraw = {
    start(map, kind, onChange) { return kind === 'circle' ? circle(map, onChange) : polygon(map, onChange); },
    show
  };
})();
