// The family's home: for each of their own seniors a card with the live position on a map, when
// and how it was fixed, the device's state and open alarms, kept live by the family's own feed
// (GET /api/family/stream: the server sends only their seniors). Each card opens the day's trail
// and the safe zones, which the family draws on the map.
(function () {
  'use strict';

  const OPEN = new Set(['RAISED', 'ACKNOWLEDGED', 'DISPATCHED', 'RESPONDER_ON_SCENE']);
  const { send } = Portal;
  const status = Portal.messages('family-error', 'family-notice');
  const cards = new Map(); // seniorId -> { senior, el, map, dot, layers }
  let config = { zone: 'Asia/Shanghai', center: [30.2741, 120.1551], zoom: 13 };

  function text(el, value) { el.textContent = value == null || value === '' ? '—' : value; }

  function when(iso) { return iso ? CityTime.timeText(config.zone, iso) : null; }

  // The device whose fix is newest (else the first): the one the card shows.
  function primary(senior) {
    const fixed = senior.devices.filter((d) => d.lat != null);
    if (!fixed.length) return senior.devices[0] || null;
    return fixed.reduce((a, b) => (Date.parse(a.fixAt) >= Date.parse(b.fixAt) ? a : b));
  }

  function label(group, code) {
    const key = `${group}.${code}`;
    const value = Anxin.t(key);
    return value === key ? code : value;
  }

  function renderFacts(card) {
    const { senior, el } = card;
    const q = (s) => el.querySelector(s);
    const device = primary(senior);
    text(q('.s-name'), senior.name);
    text(q('.s-fix-at'), device && when(device.fixAt));
    text(q('.s-source'), label('familyHome.sources', device ? device.source : 'NONE'));
    const position = q('.s-position');
    text(position, device && device.lat != null ? `${device.lat.toFixed(5)}, ${device.lon.toFixed(5)}` : null);
    position.dataset.lat = device && device.lat != null ? device.lat : '';
    position.dataset.lon = device && device.lon != null ? device.lon : '';
    text(q('.s-online'), device ? `${device.id} · ${Anxin.t(device.online ? 'familyHome.online' : 'familyHome.offline')}` : Anxin.t('familyHome.noDevice'));
    q('.s-online').dataset.online = device ? device.online : false;
    text(q('.s-battery'), device && device.battery != null ? `${device.battery}%` : null);
    text(q('.s-heartbeat'), device && when(device.lastSeenAt));
    const alarms = senior.openAlarms;
    el.dataset.alarm = alarms.length ? 'open' : 'none';
    const badge = q('.s-alarm');
    badge.hidden = !alarms.length;
    badge.textContent = alarms.length ? `${Anxin.t('familyHome.openAlarm')} ${alarms.map((a) => label('type', a.type)).join('、')}` : '';
    if (card.dot && device && device.lat != null) {
      card.dot.setLatLng([device.lat, device.lon]);
      if (!card.map.getBounds().contains(card.dot.getLatLng())) card.map.panTo(card.dot.getLatLng(), { animate: false });
      card.dot.setStyle({ opacity: 1, fillOpacity: 0.9 });
    }
  }

  function createMap(card) {
    if (typeof L === 'undefined') return;
    const device = primary(card.senior);
    const here = device && device.lat != null ? [device.lat, device.lon]
      : card.senior.homeLat != null ? [card.senior.homeLat, card.senior.homeLon] : config.center;
    const map = AlarmMap.base(card.el.querySelector('.s-map'), Object.assign({}, config, { center: here, zoom: 16 }), () => {});
    if (!map) return;
    card.map = map;
    if (card.senior.homeLat != null) {
      L.circleMarker([card.senior.homeLat, card.senior.homeLon], { radius: 5, color: '#2e7d32', weight: 2, fillOpacity: 0.4 }).addTo(map);
    }
    const hasFix = device && device.lat != null;
    card.dot = L.circleMarker(here, {
      radius: 9, color: '#0d47a1', weight: 3, fillColor: '#1e88e5', opacity: hasFix ? 1 : 0, fillOpacity: hasFix ? 0.9 : 0
    }).addTo(map);
    card.layers = { trail: L.layerGroup().addTo(map), zones: L.layerGroup().addTo(map) };
  }

  // The day's trail (city day) as a line with its time stamps; the first and last are always shown.
  function loadTrail(card) {
    const day = card.el.querySelector('.trail-day').value;
    if (!day) return;
    const next = new Date(`${day}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const from = CityTime.instant(config.zone, day, '00:00');
    const to = CityTime.instant(config.zone, next.toISOString().slice(0, 10), '00:00');
    send('GET', `/api/seniors/${card.senior.id}/trail?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)
      .then((trail) => {
        const summary = card.el.querySelector('.trail-summary');
        const points = trail.points;
        summary.textContent = points.length
          ? `${points.length} / ${trail.fixes} ${Anxin.t('familyHome.points')} · ${when(points[0].at)} – ${when(points[points.length - 1].at)}`
          : Anxin.t('familyHome.noTrail');
        summary.dataset.points = points.length;
        if (!card.layers) return;
        card.layers.trail.clearLayers();
        if (!points.length) return;
        const line = points.map((p) => [p.lat, p.lon]);
        L.polyline(line, { color: '#6a1b9a', weight: 3, opacity: 0.8 }).addTo(card.layers.trail);
        points.forEach((p, i) => {
          const stamp = document.createElement('span');
          stamp.textContent = CityTime.wall(config.zone, p.at).time;
          const ends = i === 0 || i === points.length - 1;
          L.circleMarker([p.lat, p.lon], { radius: ends ? 5 : 3, color: '#6a1b9a', weight: 1, fillOpacity: 0.8 })
            .bindTooltip(stamp, { permanent: ends, direction: 'top' })
            .addTo(card.layers.trail);
        });
        card.map.fitBounds(L.latLngBounds(line), { padding: [20, 20], maxZoom: 17 });
      }).catch(status.fail);
  }

  function hoursText(zone) {
    if (!zone.activeFrom) return Anxin.t('familyHome.allHours');
    return `${zone.activeFrom.slice(0, 5)}–${zone.activeTo.slice(0, 5)}`;
  }

  function loadZones(card) {
    return send('GET', `/api/seniors/${card.senior.id}/geofences`).then((zones) => {
      const list = card.el.querySelector('.zone-list');
      list.replaceChildren(...zones.map((zone) => {
        const li = document.createElement('li');
        li.className = 'zone';
        li.dataset.zoneId = zone.id;
        const name = document.createElement('span');
        name.textContent = `${zone.name} · ${zone.radiusMeters != null ? `${Anxin.t('familyHome.circle')} ${Math.round(zone.radiusMeters)} m` : Anxin.t('familyHome.polygon')} · ${hoursText(zone)}`;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'delete-zone';
        remove.textContent = Anxin.t('familyHome.deleteZone');
        remove.addEventListener('click', () => send('DELETE', `/api/seniors/${card.senior.id}/geofences/${zone.id}`)
          .then(() => loadZones(card)).catch(status.fail));
        li.append(name, ' ', remove);
        return li;
      }));
      if (card.layers) {
        card.layers.zones.clearLayers();
        zones.forEach((zone) => ZoneDraw.show(card.layers.zones, zone));
      }
    }).catch(status.fail);
  }

  function bindZoneDrawing(card) {
    const q = (s) => card.el.querySelector(s);
    const form = q('.zone-form');
    let drawing = null;
    function stop() {
      if (drawing) drawing.cancel();
      drawing = null;
      form.hidden = true;
    }
    function begin(kind) {
      stop();
      if (!card.map) return;
      form.hidden = false;
      q('.zone-hint').textContent = Anxin.t(kind === 'circle' ? 'familyHome.circleHint' : 'familyHome.polygonHint');
      q('.save-zone').disabled = true;
      drawing = ZoneDraw.start(card.map, kind, () => { q('.save-zone').disabled = !drawing || !drawing.shape(); });
    }
    q('.draw-circle').addEventListener('click', () => begin('circle'));
    q('.draw-polygon').addEventListener('click', () => begin('polygon'));
    q('.cancel-zone').addEventListener('click', stop);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const shape = drawing && drawing.shape();
      if (!shape) return;
      const from = q('.zone-from').value;
      const to = q('.zone-to').value;
      const body = Object.assign({ name: q('.zone-name').value }, shape);
      if (from || to) { body.activeFrom = from; body.activeTo = to; }
      send('POST', `/api/seniors/${card.senior.id}/geofences`, body)
        .then(() => { stop(); form.reset(); status.notice(Anxin.t('familyHome.zoneSaved')); return loadZones(card); })
        .catch(status.fail);
    });
  }

  function renderCard(senior) {
    const el = document.getElementById('senior-card-template').content.firstElementChild.cloneNode(true);
    el.dataset.seniorId = senior.id;
    Anxin.apply(el);
    const card = { senior, el, map: null, dot: null, layers: null };
    cards.set(senior.id, card);
    document.getElementById('senior-cards').appendChild(el);
    createMap(card);
    renderFacts(card);
    const q = (s) => el.querySelector(s);
    q('.trail-day').value = CityTime.date(config.zone, 0);
    q('.show-trail').addEventListener('click', () => {
      q('.s-trail').hidden = !q('.s-trail').hidden;
      if (!q('.s-trail').hidden) loadTrail(card); else if (card.layers) card.layers.trail.clearLayers();
    });
    q('.trail-day').addEventListener('change', () => loadTrail(card));
    q('.show-zones').addEventListener('click', () => {
      q('.s-zones').hidden = !q('.s-zones').hidden;
      if (!q('.s-zones').hidden) loadZones(card);
    });
    bindZoneDrawing(card);
    if (window.FamilyContacts) FamilyContacts.bind(el, senior.id);
    if (window.FamilyPrefs) FamilyPrefs.bind(el, senior.id);
    if (window.FamilyHealth) FamilyHealth.bind(el, senior.id);
    q('.show-vitals').addEventListener('click', () => {
      const box = q('.s-vitals');
      box.hidden = !box.hidden;
      if (!box.hidden) VitalsChart.show(box, senior.id, 7).catch(status.fail);
    });
    return card;
  }

  function onDevice(update) {
    const card = cards.get(update.seniorId);
    if (!card) return;
    let device = card.senior.devices.find((d) => d.id === update.deviceId);
    if (!device) {
      device = { id: update.deviceId, online: true };
      card.senior.devices.push(device);
    }
    device.online = update.online;
    device.lastSeenAt = update.at;
    if (update.battery != null) device.battery = update.battery;
    if (update.lat != null && (!device.fixAt || Date.parse(update.at) >= Date.parse(device.fixAt))) {
      Object.assign(device, { lat: update.lat, lon: update.lon, fixAt: update.at, source: update.source });
    }
    renderFacts(card);
  }

  function onAlarm(alarm) {
    const card = cards.get(alarm.seniorId);
    if (!card) return;
    const others = card.senior.openAlarms.filter((a) => a.id !== alarm.id);
    card.senior.openAlarms = OPEN.has(alarm.status) ? others.concat([alarm]) : others;
    renderFacts(card);
    document.dispatchEvent(new CustomEvent('family:alarm', { detail: alarm }));
  }

  function listen() {
    const state = document.getElementById('family-feed');
    const source = new EventSource('/api/family/stream');
    source.addEventListener('hello', () => { state.dataset.state = 'live'; state.textContent = Anxin.t('live'); });
    source.addEventListener('device', (e) => onDevice(JSON.parse(e.data)));
    source.addEventListener('alarm', (e) => onAlarm(JSON.parse(e.data)));
    source.onerror = () => { state.dataset.state = 'reconnecting'; state.textContent = Anxin.t('reconnecting'); };
  }

  function start() {
    Promise.all([send('GET', '/api/portal/config'), send('GET', '/api/family/seniors')]).then(([c, seniors]) => {
      config = Object.assign(config, c);
      seniors.forEach(renderCard);
      document.getElementById('home-empty').hidden = seniors.length > 0;
      listen();
    }).catch(status.fail);
    Anxin.bindSwitch(() => cards.forEach(renderFacts));
  }

  window.FamilyHome = { cards: () => cards, config: () => config };
  start();
})();
