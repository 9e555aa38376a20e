// Operator console: the open-alarm queue kept live over Server-Sent Events, ordered by priority
// then age, and the record of the alarm the operator opens.
(function () {
  'use strict';

  const OPEN = new Set(['RAISED', 'ACKNOWLEDGED', 'DISPATCHED', 'RESPONDER_ON_SCENE']);
  const DESK = new Set(['ADMIN', 'SUPERVISOR', 'OPERATOR']);
  const ACK_TARGET_SECONDS = 60;
  const alarms = new Map();
  const queue = document.getElementById('alarm-queue');
  const template = document.getElementById('card-template');
  const panel = document.getElementById('record');
  const send = Portal.send;
  let me = { role: null };
  let map = null;
  let openId = null;

  function showError(message) {
    const box = document.getElementById('action-error');
    box.textContent = message ? `${Anxin.t('actionFailed')}: ${message}` : '';
    box.hidden = !message;
  }

  function waitedSeconds(alarm) {
    return Math.max(0, Math.floor((Date.now() - Date.parse(alarm.createdAt || alarm.raisedAt)) / 1000));
  }

  function waitingText(alarm) {
    const seconds = waitedSeconds(alarm);
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  }

  function overdue(alarm) {
    return alarm.escalated || (alarm.status === 'RAISED' && waitedSeconds(alarm) > ACK_TARGET_SECONDS);
  }

  function act(alarm, action, body) {
    return send('POST', `/api/alarms/${alarm.id}/${action}`, body).then(upsert)
      .then(() => { showError(null); if (openId === alarm.id) openRecord(alarm.id); })
      .catch((error) => showError(error.message));
  }

  function button(card, selector, visible, onClick) {
    const element = card.querySelector(selector);
    element.hidden = !visible;
    element.addEventListener('click', (event) => { event.stopPropagation(); onClick(); });
  }

  function renderCard(alarm) {
    const card = template.content.firstElementChild.cloneNode(true);
    card.dataset.alarmId = alarm.id;
    card.dataset.status = alarm.status;
    card.dataset.deviceId = alarm.deviceId || '';
    card.dataset.priority = alarm.priority;
    card.classList.add(`type-${alarm.type.toLowerCase()}`);
    card.classList.toggle('overdue', overdue(alarm));
    card.classList.toggle('selected', openId === alarm.id);
    Anxin.apply(card);
    card.querySelector('.alarm-type').textContent = Anxin.t(`type.${alarm.type}`);
    card.querySelector('.alarm-status').textContent = Anxin.t(`status.${alarm.status}`);
    const repeats = card.querySelector('.alarm-repeats');
    repeats.hidden = !(alarm.repeats > 1);
    repeats.textContent = `${Anxin.t('repeats')} ×${alarm.repeats}`;
    card.querySelector('.senior-name').textContent = alarm.seniorName || `#${alarm.seniorId}`;
    card.querySelector('.senior-address').textContent = alarm.address || Anxin.t('noPosition');
    const raised = card.querySelector('.raised-at');
    raised.dateTime = alarm.raisedAt;
    raised.textContent = new Date(alarm.raisedAt).toLocaleString(Anxin.lang());
    card.querySelector('.waiting').textContent = waitingText(alarm);
    // an alarm from the 12349 line (PHONE_SOS, CARE_CHECK) has no device
    card.querySelector('.device-id').textContent = alarm.deviceId || Anxin.t('calls.byPhone');

    const outcome = card.querySelector('.outcome');
    Object.keys(Anxin.t('outcomes')).forEach((code) => {
      const option = document.createElement('option');
      option.value = code;
      option.textContent = Anxin.t(`outcomes.${code}`);
      outcome.appendChild(option);
    });
    const s = alarm.status;
    card.querySelector('.card-actions').hidden = !DESK.has(me.role);
    button(card, '.ack', s === 'RAISED', () => act(alarm, 'acknowledge'));
    button(card, '.auto-dispatch', (s === 'RAISED' || s === 'ACKNOWLEDGED') && alarm.lat != null, () => {
      send('POST', `/api/dispatch/alarms/${alarm.id}`).then(() => { showError(null); openRecord(alarm.id); })
        .catch((error) => showError(error.message));
    });
    button(card, '.dispatch', s === 'RAISED' || s === 'ACKNOWLEDGED', () => {
      const responder = window.prompt(Anxin.t('responderPrompt'));
      if (responder && responder.trim()) act(alarm, 'dispatch', { responder: responder.trim() });
    });
    button(card, '.on-scene', s === 'DISPATCHED', () => act(alarm, 'on-scene'));
    const mayResolve = s === 'ACKNOWLEDGED' || s === 'DISPATCHED' || s === 'RESPONDER_ON_SCENE';
    outcome.hidden = !mayResolve;
    button(card, '.resolve', mayResolve, () => act(alarm, 'resolve', { outcome: outcome.value }));
    button(card, '.false-alarm', true, () => act(alarm, 'false-alarm'));
    button(card, '.cancel', s !== 'RAISED', () => act(alarm, 'cancel'));
    outcome.addEventListener('click', (event) => event.stopPropagation());
    card.addEventListener('click', () => {
      if (map) map.focus(alarm);
      openRecord(alarm.id);
    });
    return card;
  }

  function byPriorityThenAge(a, b) {
    return (a.priority - b.priority)
      || (Date.parse(a.createdAt || a.raisedAt) - Date.parse(b.createdAt || b.raisedAt));
  }

  function render() {
    const open = [...alarms.values()].sort(byPriorityThenAge);
    queue.replaceChildren(...open.map(renderCard));
    document.getElementById('queue-count').textContent = String(open.length);
    document.getElementById('queue-empty').hidden = open.length > 0;
    document.getElementById('escalation-banner').hidden = !open.some((a) => a.escalated);
  }

  function upsert(alarm) {
    if (!alarm || alarm.id == null) return;
    if (OPEN.has(alarm.status)) {
      alarms.set(alarm.id, alarm);
      if (map) map.show(alarm, `${Anxin.t(`type.${alarm.type}`)} · ${alarm.seniorName || ''}`);
    } else {
      alarms.delete(alarm.id);
      if (map) map.remove(alarm.id);
    }
    render();
    if (openId === alarm.id) openRecord(alarm.id);
  }

  function item(text, className) {
    const li = document.createElement('li');
    li.textContent = text;
    if (className) li.className = className;
    return li;
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleString(Anxin.lang()) : '—';
  }

  function logCall(alarmId, to) {
    const result = window.prompt(Anxin.t('callResultPrompt'));
    if (!result || !result.trim()) return;
    send('POST', `/api/alarms/${alarmId}/calls`, { to, result: result.trim() })
      .then(() => openRecord(alarmId)).catch((error) => showError(error.message));
  }

  // Asks the device for a position now (a command to the device); the timeline records the request.
  function locateNow(alarmId, deviceId) {
    send('POST', `/api/devices/${encodeURIComponent(deviceId)}/commands`, { type: 'LOCATE' })
      .then((command) => send('POST', `/api/alarms/${alarmId}/notes`,
        { note: `LOCATE command ${command.id} sent to device ${deviceId}` }))
      .then(() => openRecord(alarmId))
      .catch((error) => showError(error.message));
  }

  // Disables a lost or cloned device for good: the gateways close its connections and refuse it from now on.
  function revokeDevice(alarmId, deviceId) {
    if (!window.confirm(`${Anxin.t('revokeConfirm')} ${deviceId}`)) return;
    send('POST', `/api/devices/${encodeURIComponent(deviceId)}/revoke`)
      .then(() => send('POST', `/api/alarms/${alarmId}/notes`, { note: `device ${deviceId} revoked` }))
      .then(() => openRecord(alarmId))
      .catch((error) => showError(error.message));
  }

  // The record is fetched anew on each opening: every view is audited on the server.
  function openRecord(id) {
    openId = id;
    Promise.all([send('GET', `/api/alarms/${id}/record`), send('GET', `/api/alarms/${id}`)])
      .then(([record, detail]) => {
        if (openId !== id) return;
        panel.hidden = false;
        panel.dataset.alarmId = id;
        const q = (selector) => panel.querySelector(selector);
        q('.r-name').textContent = record.name;
        q('.r-age').textContent = record.age == null ? '—' : String(record.age);
        q('.r-health').textContent = record.healthNotes || '—';
        q('.r-medicines').textContent = record.medicines || '—';
        q('.r-allergies').textContent = record.allergies || '—';
        q('.r-door').textContent = record.doorNotesShown ? (record.doorNotes || '—') : Anxin.t('doorHidden');
        q('.r-address').textContent = record.address || '';
        q('.r-phone').textContent = record.phone || '';
        const desk = DESK.has(me.role);
        const callSenior = q('.call-senior');
        callSenior.hidden = !desk || !record.phone;
        callSenior.onclick = () => logCall(id, `senior ${record.name} ${record.phone}`);
        q('.r-contacts').replaceChildren(...record.contacts.map((c) => {
          const li = item(`${c.name}${c.relation ? `（${c.relation}）` : ''} ${c.phone} `);
          if (desk) {
            const call = document.createElement('button');
            call.type = 'button';
            call.className = 'call-contact';
            call.textContent = Anxin.t('call');
            call.onclick = () => logCall(id, `${c.position}. ${c.name} ${c.phone}`);
            li.appendChild(call);
          }
          return li;
        }));
        q('.r-devices').replaceChildren(...record.devices.map((d) => {
          const li = item(`${d.id} · ${Anxin.t('battery')} ${d.battery == null ? '—' : `${d.battery}%`} · `
            + `${Anxin.t('lastSeen')} ${time(d.lastSeenAt)}${d.online ? ' ●' : ''} `);
          if (d.revokedAt) {
            li.appendChild(document.createTextNode(Anxin.t('deviceRevoked')));
            li.dataset.revoked = 'true';
          } else if (desk) {
            const locate = document.createElement('button');
            locate.type = 'button';
            locate.className = 'locate-device';
            locate.textContent = Anxin.t('locateNow');
            locate.onclick = () => locateNow(id, d.id);
            li.appendChild(locate);
            const revoke = document.createElement('button');
            revoke.type = 'button';
            revoke.className = 'revoke-device';
            revoke.textContent = Anxin.t('revokeDevice');
            revoke.onclick = () => revokeDevice(id, d.id);
            li.appendChild(revoke);
          }
          return li;
        }));
        if (window.VitalsChart) VitalsChart.show(q('.r-vitals'), detail.seniorId, 7).catch(() => {});
        q('.r-timeline').replaceChildren(...detail.timeline.map((e) => item(
          `${time(e.at)} · ${e.status ? Anxin.t(`status.${e.status}`) : e.action} · ${e.actor}${e.note ? ` · ${e.note}` : ''}`,
          `t-${e.action.toLowerCase()}`)));
        q('.r-notifications').replaceChildren(...detail.notifications.map((n) => item(
          `${time(n.createdAt)} · ${n.channel} · ${n.recipient} · ${n.status}${n.error ? ` (${n.error})` : ''}`
          + `${n.digits ? ` · ${n.digits}` : ''}`)));
        q('.note-form').hidden = !desk;
        if (map) map.trail(record.trail, record.home);
      }).catch((error) => showError(error.message));
  }

  function setFeedState(state) {
    const badge = document.getElementById('feed-state');
    badge.dataset.state = state;
    badge.textContent = state === 'live' ? Anxin.t('live') : Anxin.t('reconnecting');
  }

  function connectFeed() {
    const source = new EventSource('/api/alarms/stream');
    source.addEventListener('hello', () => {
      setFeedState('live');
      // Reload the queue on every (re)connection so nothing raised while we were away is missed.
      send('GET', '/api/alarms?status=OPEN').then((list) => {
        alarms.clear();
        list.forEach(upsert);
        render();
      }).catch((error) => showError(error.message));
    });
    source.addEventListener('alarm', (event) => upsert(JSON.parse(event.data)));
    source.onerror = () => setFeedState('reconnecting');
  }

  function start() {
    Anxin.apply();
    Anxin.bindSwitch(render);
    panel.querySelector('.note-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const input = panel.querySelector('.note-text');
      if (!openId || !input.value.trim()) return;
      send('POST', `/api/alarms/${openId}/notes`, { note: input.value.trim() })
        .then(() => { input.value = ''; openRecord(openId); }).catch((error) => showError(error.message));
    });
    send('GET', '/api/me').then((user) => {
      me = user;
      document.getElementById('whoami').textContent = user.displayName || user.username;
      return send('GET', '/api/portal/config');
    }).then((config) => {
      map = AlarmMap.create('map', config, () => { document.getElementById('map-note').hidden = false; });
      alarms.forEach((alarm) => map.show(alarm, Anxin.t(`type.${alarm.type}`)));
    }).catch((error) => showError(error.message)).finally(() => {
      connectFeed();
      window.setInterval(() => {
        document.querySelectorAll('.card').forEach((card) => {
          const alarm = alarms.get(Number(card.dataset.alarmId));
          if (alarm) {
            card.querySelector('.waiting').textContent = waitingText(alarm);
            card.classList.toggle('overdue', overdue(alarm));
          }
        });
      }, 1000);
    });
  }

  start();
})();
