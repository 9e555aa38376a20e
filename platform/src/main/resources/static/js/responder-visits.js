// The responder's home-service visits (上门服务), each with its next step's button. Check-in and
// check-out send the phone's position; a check-in refused as too far from the home (409) offers
// "met the senior elsewhere", which asks for a reason and checks in again with it (the visit is
// then flagged FAR_CHECK_IN and held back from payment until the desk clears it).
(function () {
  'use strict';

  const send = Portal.send;
  const status = Portal.messages('visit-error', 'visit-notice');
  let zone = 'Asia/Shanghai';
  let drawn = null; // what the list was drawn from: the 2 s poll re-draws only on a change
  let busy = false; // one step at a time: a second tap while the first is on its way does nothing
  const refusedAt = {}; // order id -> the position a check-in was refused at

  // The next steps per status: [label key, action]
  const STEPS = {
    ASSIGNED: [['accept', 'accept'], ['decline', 'decline']],
    ACCEPTED: [['visit.enRoute', 'en-route']],
    EN_ROUTE: [['visit.arrive', 'arrive']],
    ARRIVED: [['visit.start', 'start']],
    IN_SERVICE: [['visit.checkOut', 'check-out']]
  };

  // A fix up to 15 s old will do: while on duty the page is already watching the position, and a
  // second request would otherwise wait for the next fix, which a phone standing still may not send.
  function position() {
    return new Promise((resolve, reject) => {
      if (!navigator.geolocation) { reject(new Error(Anxin.t('noGeolocation'))); return; }
      navigator.geolocation.getCurrentPosition(
        (p) => resolve({ lat: p.coords.latitude, lon: p.coords.longitude }),
        (e) => reject(new Error(`${Anxin.t('noGeolocation')}: ${e.message}`)),
        { enableHighAccuracy: true, timeout: 15000, maximumAge: 15000 });
    });
  }

  function post(v, action, body) {
    return send('POST', `/api/responder/orders/${v.id}/${action}`, body);
  }

  function done(r) {
    if (r.status === 'ARRIVED') {
      status.notice(`${Anxin.t('visit.checkedIn')} ${r.arrivedMeters} ${Anxin.t('visit.meters')}`);
    } else if (r.status === 'COMPLETED') {
      status.notice(`${Anxin.t('visit.checkedOut')} ${r.serviceMinutes} ${Anxin.t('minutes')}`);
    } else {
      status.notice(`${r.itemName} · ${Anxin.t(`orderStatus.${r.status}`)}`);
    }
    delete refusedAt[r.id];
    return load();
  }

  function step(v, action) {
    let answer;
    if (action === 'arrive') {
      // Any 409 here offers the reason path: a state conflict would answer the same way again and be shown.
      answer = position().then((where) => post(v, action, where).catch((e) => {
        if (e.status === 409) { refusedAt[v.id] = where; load(); }
        throw e;
      }));
    } else if (action === 'check-out') {
      answer = position().then((where) => post(v, action, where));
    } else if (action === 'decline') {
      const reason = window.prompt(Anxin.t('visit.declineReason'));
      if (reason === null) return null;
      answer = post(v, action, { reason });
    } else {
      answer = post(v, action);
    }
    return answer.then(done).catch((e) => status.fail(e));
  }

  function checkInElsewhere(v) {
    const reason = window.prompt(Anxin.t('visit.farReason'));
    if (!reason || !reason.trim()) return null;
    return position().catch(() => refusedAt[v.id])
      .then((where) => post(v, 'arrive', { lat: where.lat, lon: where.lon, farReason: reason.trim() }))
      .then(done).catch((e) => status.fail(e));
  }

  function button(key, action, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `step-${action}`;
    b.textContent = Anxin.t(key);
    b.addEventListener('click', () => {
      if (busy) return;
      busy = true;
      Promise.resolve(onClick()).finally(() => { busy = false; });
    });
    return b;
  }

  function render(visits) {
    Object.keys(refusedAt).forEach((id) => {
      if (!visits.some((v) => String(v.id) === id && v.status === 'EN_ROUTE')) delete refusedAt[id];
    });
    const key = JSON.stringify([Anxin.lang(), visits, Object.keys(refusedAt)]);
    if (key === drawn) return;
    drawn = key;
    const template = document.getElementById('visit-template');
    document.getElementById('visits').replaceChildren(...visits.map((v) => {
      const card = template.content.firstElementChild.cloneNode(true);
      const q = (css) => card.querySelector(css);
      card.dataset.orderId = v.id;
      card.dataset.status = v.status;
      q('.v-item').textContent = v.itemName;
      q('.v-status').textContent = Anxin.t(`orderStatus.${v.status}`);
      q('.v-window').textContent = CityTime.windowText(zone, v.window.from, v.window.to);
      q('.v-senior').textContent = v.seniorName;
      q('.v-address').textContent = v.address || '';
      const phone = q('.v-phone');
      phone.hidden = !v.seniorPhone;
      phone.href = `tel:${v.seniorPhone || ''}`;
      phone.textContent = v.seniorPhone || '';
      const actions = q('.card-actions');
      actions.replaceChildren(...(STEPS[v.status] || []).map(([label, action]) => button(label, action, () => step(v, action))));
      if (refusedAt[v.id]) actions.appendChild(button('visit.elsewhere', 'elsewhere', () => checkInElsewhere(v)));
      return card;
    }));
    document.getElementById('no-visits').hidden = visits.length > 0;
  }

  function load() {
    return send('GET', '/api/responder/orders').then(render).catch((e) => status.fail(e));
  }

  send('GET', '/api/portal/config').then((config) => { zone = config.zone || zone; }).catch(() => {}).then(load);

  window.ResponderVisits = { load };
})();
