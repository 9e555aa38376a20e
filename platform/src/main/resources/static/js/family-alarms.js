// The family's alarms: the open ones of their own seniors (the API sends no others) with their
// state, the timeline, and "I am on my way", which the desk sees as it sees a press of 1 on the
// escalation call; below, the history. Redrawn whenever the live feed brings an alarm.
(function () {
  'use strict';

  const OPEN = new Set(['RAISED', 'ACKNOWLEDGED', 'DISPATCHED', 'RESPONDER_ON_SCENE']);
  const { send } = Portal;
  const status = Portal.messages('family-error', 'family-notice');
  let zone = 'Asia/Shanghai';
  let alarms = [];
  let me = null;

  function label(group, code) {
    const value = Anxin.t(`${group}.${code}`);
    return value === `${group}.${code}` ? code : value;
  }

  function toggleTimeline(el, alarm) {
    const list = el.querySelector('.a-timeline');
    if (!list.hidden) { list.hidden = true; return; }
    send('GET', `/api/alarms/${alarm.id}`).then((detail) => {
      list.replaceChildren(...detail.timeline.map((entry) => {
        const li = document.createElement('li');
        li.textContent = `${CityTime.timeText(zone, entry.at)} · ${label('familyAlarms.actions', entry.action)}`
          + ` · ${entry.actor}${entry.note ? ` · ${entry.note}` : ''}`;
        return li;
      }));
      list.hidden = false;
    }).catch(status.fail);
  }

  function render(alarm) {
    const el = document.getElementById('family-alarm-template').content.firstElementChild.cloneNode(true);
    el.dataset.alarmId = alarm.id;
    el.dataset.status = alarm.status;
    Anxin.apply(el);
    const q = (s) => el.querySelector(s);
    q('.alarm-type').textContent = label('type', alarm.type);
    q('.alarm-status').textContent = label('status', alarm.status);
    q('.senior-name').textContent = alarm.seniorName;
    q('.a-time').textContent = CityTime.timeText(zone, alarm.createdAt);
    q('.a-going').textContent = alarm.familyAcceptedBy ? `${Anxin.t('familyAlarms.going')} ${alarm.familyAcceptedBy}` : '';
    const going = q('.on-my-way');
    going.hidden = !OPEN.has(alarm.status) || (me && alarm.familyAcceptedBy === me.username);
    going.addEventListener('click', () => send('POST', `/api/alarms/${alarm.id}/on-my-way`)
      .then(() => { status.notice(Anxin.t('familyAlarms.recorded')); return load(); })
      .catch(status.fail));
    q('.show-timeline').addEventListener('click', () => toggleTimeline(el, alarm));
    return el;
  }

  function draw() {
    const open = alarms.filter((a) => OPEN.has(a.status));
    const closed = alarms.filter((a) => !OPEN.has(a.status)).slice(0, 50);
    document.getElementById('open-alarms').replaceChildren(...open.map(render));
    document.getElementById('closed-alarms').replaceChildren(...closed.map(render));
    document.getElementById('no-open-alarms').hidden = open.length > 0;
  }

  function load() {
    return send('GET', '/api/alarms').then((list) => { alarms = list; draw(); });
  }

  let pending = null;
  document.addEventListener('family:alarm', () => {
    // a burst of changes (raise, escalate, acknowledge) loads the list once
    if (pending) return;
    pending = setTimeout(() => { pending = null; load().catch(status.fail); }, 200);
  });

  Promise.all([send('GET', '/api/portal/config'), Portal.me()]).then(([config, user]) => {
    zone = config.zone || zone;
    me = user;
    Anxin.bindSwitch(draw);
    return load();
  }).catch(status.fail);
})();
