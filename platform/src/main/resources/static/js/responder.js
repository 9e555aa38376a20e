// Responder page (phone first): duty on/off, position from the phone, offers to accept or
// decline (emergencies, and urgent home-service orders with their item and window), the job in hand with "arrived" and "done",
// and the home-service visits (responder-visits.js). All are polled every 2 s.
(function () {
  'use strict';

  const send = Portal.send;
  const ZONE = 'Asia/Shanghai'; // the city's zone, as on the family page
  let me = null;
  let job = null;
  let jobMap = null;
  let watchId = null;
  let lastPosition = null;

  function showError(message) {
    const box = document.getElementById('responder-error');
    box.textContent = message || '';
    box.hidden = !message;
  }

  function renderMe() {
    document.getElementById('me-name').textContent = me.name;
    document.getElementById('me-status').textContent = Anxin.t(`duty.${me.status}`);
  }

  function sharePosition() {
    if (!navigator.geolocation) {
      document.getElementById('position-state').textContent = Anxin.t('noGeolocation');
      return;
    }
    if (watchId != null) return;
    watchId = navigator.geolocation.watchPosition((p) => {
      lastPosition = { lat: p.coords.latitude, lon: p.coords.longitude };
      document.getElementById('position-state').textContent =
        `${Anxin.t('sharing')} ${lastPosition.lat.toFixed(5)}, ${lastPosition.lon.toFixed(5)}`;
      send('PUT', '/api/responder/position', lastPosition).catch((e) => showError(e.message));
    }, (error) => { document.getElementById('position-state').textContent = error.message; },
    { enableHighAccuracy: true, maximumAge: 10000 });
  }

  function setDuty(status) {
    send('PUT', '/api/responder/status', { status }).then((r) => {
      me = r; renderMe();
      if (status === 'AVAILABLE') sharePosition();
    }).catch((e) => showError(e.message));
  }

  function renderOffers(offers) {
    const list = document.getElementById('offers');
    const template = document.getElementById('offer-template');
    list.replaceChildren(...offers.map((o) => {
      const card = template.content.firstElementChild.cloneNode(true);
      card.dataset.offerId = o.offerId;
      Anxin.apply(card);
      // an urgent home-service order: the item and its window, nothing of an alarm
      const windowLine = card.querySelector('.offer-window');
      if (o.kind === 'order') {
        card.classList.add('order-offer');
        card.querySelector('.alarm-type').textContent = `${Anxin.t('orderOffer')} · ${o.itemName}`;
        windowLine.textContent = CityTime.windowText(ZONE, o.window.from, o.window.to);
      } else {
        card.querySelector('.alarm-type').textContent = Anxin.t(`type.${o.alarmType}`);
        windowLine.hidden = true;
      }
      card.querySelector('.offer-eta').textContent =
        `${Math.round(o.distanceMeters)} m · ${Math.ceil(o.etaSeconds / 60)} ${Anxin.t('minutes')}`;
      card.querySelector('.senior-name').textContent = o.seniorName;
      card.querySelector('.senior-address').textContent = o.address || '';
      card.querySelector('.offer-expires').textContent =
        `${Anxin.t('answerBy')} ${new Date(o.expiresAt).toLocaleTimeString(Anxin.lang())}`;
      card.querySelector('.accept').addEventListener('click', () => send('POST', `/api/responder/offers/${o.offerId}/accept`)
        .then(() => { showError(null); refresh(); }).catch((e) => { showError(e.message); refresh(); }));
      card.querySelector('.decline').addEventListener('click', () => send('POST', `/api/responder/offers/${o.offerId}/decline`, {})
        .then(() => refresh()).catch((e) => showError(e.message)));
      return card;
    }));
    document.getElementById('no-offers').hidden = offers.length > 0;
  }

  function renderJob(jobs) {
    job = jobs[0] || null;
    const box = document.getElementById('job');
    box.hidden = !job;
    document.getElementById('no-job').hidden = !!job;
    if (!job) return;
    box.dataset.dispatchId = job.dispatchId;
    box.dataset.status = job.status;
    box.querySelector('.job-name').textContent = job.seniorName;
    box.querySelector('.job-address').textContent = job.address || '';
    box.querySelector('.job-eta').textContent = `${Anxin.t('status.' + (job.status === 'ARRIVED' ? 'RESPONDER_ON_SCENE' : 'DISPATCHED'))}`;
    document.getElementById('arrived').hidden = job.status !== 'ACCEPTED';
    document.getElementById('done').hidden = job.status !== 'ARRIVED';
    document.getElementById('job-outcome').hidden = job.status !== 'ARRIVED';
    if (typeof L !== 'undefined' && !jobMap) {
      // the map waits for the tile settings: on GCJ-02 tiles its CRS converts positions (js/map-tiles.js)
      jobMap = send('GET', '/api/portal/config').catch(() => ({})).then((config) => {
        const map = L.map('job-map', MapTiles.mapOptions(config)).setView([job.lat, job.lon], 16);
        const tiles = MapTiles.tileLayer(config);
        if (tiles) tiles.addTo(map);
        L.circleMarker([job.lat, job.lon], { radius: 9, color: '#b00020', fillOpacity: 0.8 }).addTo(map);
        return map;
      });
    }
  }

  function refresh() {
    Promise.all([send('GET', '/api/responder/offers'), send('GET', '/api/responder/jobs')])
      .then(([offers, jobs]) => { renderOffers(offers); renderJob(jobs); })
      .catch((e) => showError(e.message));
    ResponderVisits.load();
  }

  function start() {
    Anxin.apply();
    Anxin.bindSwitch(() => { if (me) renderMe(); refresh(); });
    const outcome = document.getElementById('job-outcome');
    Object.keys(Anxin.t('outcomes')).forEach((code) => {
      const option = document.createElement('option');
      option.value = code;
      option.textContent = Anxin.t(`outcomes.${code}`);
      outcome.appendChild(option);
    });
    document.getElementById('go-on').addEventListener('click', () => setDuty('AVAILABLE'));
    document.getElementById('go-off').addEventListener('click', () => setDuty('OFF'));
    document.getElementById('arrived').addEventListener('click', () => {
      const where = lastPosition || (me.lat != null ? { lat: me.lat, lon: me.lon } : null);
      if (!where) { showError(Anxin.t('noGeolocation')); return; }
      send('POST', `/api/responder/jobs/${job.dispatchId}/arrived`, where)
        .then(() => { showError(null); refresh(); }).catch((e) => showError(e.message));
    });
    document.getElementById('done').addEventListener('click', () => {
      send('POST', `/api/responder/jobs/${job.dispatchId}/done`, { outcome: outcome.value })
        .then(() => { showError(null); refresh(); }).catch((e) => showError(e.message));
    });
    send('GET', '/api/responder/me').then((r) => {
      me = r; renderMe();
      if (me.status === 'AVAILABLE') sharePosition();
      refresh();
      window.setInterval(refresh, 2000);
    }).catch((e) => showError(e.message));
  }

  start();
})();
