// Operator console: the open-alarm queue, kept live over Server-Sent Events.
(function () {
  'use strict';

  const OPEN = new Set(['RAISED', 'ACKNOWLEDGED', 'DISPATCHED', 'RESPONDER_ON_SCENE']);
  const alarms = new Map();
  const queue = document.getElementById('alarm-queue');
  const template = document.getElementById('card-template');
  let me = { role: null };
  let map = null;

  function send(method, url, body) {
    const headers = { 'Content-Type': 'application/json' };
    const token = Anxin.csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
    return fetch(url, {
      method, headers, credentials: 'same-origin', body: body ? JSON.stringify(body) : undefined
    }).then((response) => {
      if (response.status === 401) { window.location.assign('/login.html'); }
      if (!response.ok) {
        return response.json().catch(() => ({})).then((problem) => {
          throw new Error(problem.detail || problem.title || String(response.status));
        });
      }
      return response.status === 204 ? null : response.json();
    });
  }

  function showError(message) {
    const box = document.getElementById('action-error');
    box.textContent = message ? `${Anxin.t('actionFailed')}: ${message}` : '';
    box.hidden = !message;
  }

  function waitingText(raisedAt) {
    const seconds = Math.max(0, Math.floor((Date.now() - Date.parse(raisedAt)) / 1000));
    const minutes = Math.floor(seconds / 60);
    return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
  }

  function renderCard(alarm) {
    const card = template.content.firstElementChild.cloneNode(true);
    card.dataset.alarmId = alarm.id;
    card.dataset.status = alarm.status;
    card.dataset.deviceId = alarm.deviceId;
    card.classList.add(`type-${alarm.type.toLowerCase()}`);
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
    card.querySelector('.waiting').textContent = waitingText(alarm.raisedAt);
    card.querySelector('.device-id').textContent = alarm.deviceId;

    const outcome = card.querySelector('.outcome');
    Object.keys(Anxin.t('outcomes')).forEach((code) => {
      const option = document.createElement('option');
      option.value = code;
      option.textContent = Anxin.t(`outcomes.${code}`);
      outcome.appendChild(option);
    });
    const mayAct = me.role === 'OPERATOR' || me.role === 'ADMIN';
    card.querySelector('.card-actions').hidden = !mayAct;
    card.querySelector('.ack').hidden = alarm.status !== 'RAISED';
    card.querySelector('.ack').addEventListener('click', (event) => {
      event.stopPropagation();
      send('POST', `/api/alarms/${alarm.id}/acknowledge`).then(upsert).then(() => showError(null))
        .catch((error) => showError(error.message));
    });
    card.querySelector('.resolve').addEventListener('click', (event) => {
      event.stopPropagation();
      send('POST', `/api/alarms/${alarm.id}/resolve`, { outcome: outcome.value }).then(upsert)
        .then(() => showError(null)).catch((error) => showError(error.message));
    });
    outcome.addEventListener('click', (event) => event.stopPropagation());
    card.addEventListener('click', () => { if (map) map.focus(alarm); });
    return card;
  }

  function render() {
    const open = [...alarms.values()].sort((a, b) => Date.parse(a.raisedAt) - Date.parse(b.raisedAt));
    queue.replaceChildren(...open.map(renderCard));
    document.getElementById('queue-count').textContent = String(open.length);
    document.getElementById('queue-empty').hidden = open.length > 0;
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
    document.getElementById('logout-form').addEventListener('submit', () => {
      document.getElementById('logout-csrf').value = Anxin.csrfToken() || '';
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
          const alarm = alarms.get(Number(card.dataset.alarmId)) || alarms.get(card.dataset.alarmId);
          if (alarm) card.querySelector('.waiting').textContent = waitingText(alarm.raisedAt);
        });
      }, 1000);
    });
  }

  start();
})();
