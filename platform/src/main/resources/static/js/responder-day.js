// The worker's planned day (GET /api/plans/mine): the visits in order, each with the planned
// arrival and start, and the route from stop to stop on the map.
(function () {
  'use strict';

  const { send } = Portal;
  let zone = 'Asia/Shanghai';
  let map = null;
  let line = null;
  let shown = null;

  function hhmm(iso) {
    return iso ? CityTime.wall(zone, iso).time : '—';
  }

  function drawMap(stops) {
    const placed = stops.filter((s) => s.lat != null && s.lon != null);
    const box = document.getElementById('day-map');
    box.hidden = placed.length === 0 || typeof L === 'undefined';
    if (box.hidden) return;
    const points = placed.map((s) => [s.lat, s.lon]);
    if (!map) {
      map = L.map('day-map');
      send('GET', '/api/portal/config').then((config) => {
        if (config.tileUrl) L.tileLayer(config.tileUrl, { attribution: config.attribution || '', maxZoom: 19 }).addTo(map);
      }).catch(() => {});
    }
    if (line) line.remove();
    line = L.layerGroup([L.polyline(points, { color: '#2b6cb0' }),
      ...placed.map((s, i) => L.marker([s.lat, s.lon], { title: `${i + 1}. ${s.seniorName || ''}` }))]).addTo(map);
    map.fitBounds(L.latLngBounds(points).pad(0.2));
  }

  function load() {
    send('GET', `/api/plans/mine?date=${CityTime.date(zone, 0)}`).then((stops) => {
      const signature = JSON.stringify(stops);
      if (signature === shown) return; // refreshed every few seconds: redraw (and refit the map) only on change
      shown = signature;
      document.getElementById('day-none').hidden = stops.length > 0;
      document.getElementById('day-stops').replaceChildren(...stops.map((s) => {
        const li = document.createElement('li');
        li.className = 'card day-stop';
        li.dataset.orderId = s.orderId;
        li.textContent = `${Anxin.t('plan.arrive')} ${hhmm(s.arrivalAt)} · ${Anxin.t('plan.start')} ${hhmm(s.startAt)}–${hhmm(s.endAt)}`
          + ` · ${s.itemName || ''} · ${s.seniorName || ''} ${s.address || ''}`
          + ` (${Anxin.t('plan.window')} ${s.windowFrom ? CityTime.windowText(zone, s.windowFrom, s.windowTo) : '—'})`;
        return li;
      }));
      drawMap(stops);
    }).catch(() => { document.getElementById('day-none').hidden = false; });
  }

  send('GET', '/api/portal/config').then((config) => { zone = config.zone || zone; }).catch(() => {}).then(load);
  window.ResponderDay = { load };
})();
