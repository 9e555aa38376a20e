// The senior page's proactive care calls (主动关怀): the senior's schedule (daily or weekly, a time
// window, city time) with its next call, stop, and the form for a new one. The desk is reminded
// when a senior who lives alone or in an empty-nest home has no schedule; the server refuses
// (409) a schedule for a senior recorded as living with family or in a care home, and a second
// active one.
(function () {
  'use strict';

  const form = document.getElementById('care-schedule-form');
  const id = new URLSearchParams(window.location.search).get('id');
  if (!id || !form) return;
  const { send } = Portal;
  const messages = Portal.messages('senior-error', 'senior-notice');
  const frequency = document.getElementById('cs-frequency');
  const day = document.getElementById('cs-day');
  const CALLED = ['LIVES_ALONE', 'EMPTY_NEST'];

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text != null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function describe(s) {
    const when = s.frequency === 'WEEKLY'
      ? Anxin.t('careSchedules.weeklyOn').replace('{d}', Anxin.t(`visitPlans.days.${s.dayOfWeek}`))
      : Anxin.t('careSchedules.daily');
    const window = `${s.windowStart.slice(0, 5)}–${s.windowEnd.slice(0, 5)}`;
    const state = s.active
      ? `${Anxin.t('careSchedules.next')} ${new Date(s.nextDueAt).toLocaleString(Anxin.lang())}`
      : Anxin.t('careSchedules.stopped');
    return `${when} ${window} · ${state} · ${s.createdBy}`;
  }

  function item(s) {
    const li = el('li', null, 'care-schedule');
    li.appendChild(el('span', describe(s)));
    if (s.active) {
      const stop = el('button', Anxin.t('careSchedules.stop'), 'stop-care');
      stop.type = 'button';
      stop.addEventListener('click', () => send('POST', `/api/care-calls/schedules/${s.id}/stop`)
        .then(() => { messages.notice(Anxin.t('careSchedules.stoppedNotice')); return load(); })
        .catch(messages.fail));
      li.append(' ', stop);
    }
    return li;
  }

  function load() {
    return Promise.all([
      send('GET', `/api/care-calls/schedules?seniorId=${encodeURIComponent(id)}`),
      send('GET', `/api/seniors/${encodeURIComponent(id)}/profile`),
    ]).then(([schedules, profile]) => {
      const box = document.getElementById('care-schedules');
      const shown = schedules.filter((s) => s.active).concat(schedules.filter((s) => !s.active).slice(-3));
      box.replaceChildren(...(shown.length ? shown.map(item) : [el('li', Anxin.t('careSchedules.none'), 'empty')]));
      const active = schedules.some((s) => s.active);
      const hint = document.getElementById('care-hint');
      hint.hidden = active || !CALLED.includes(profile.livingSituation);
      hint.textContent = Anxin.t('careSchedules.suggest');
      form.hidden = active;
    });
  }

  function fillDays() {
    const chosen = day.value;
    day.replaceChildren(...[1, 2, 3, 4, 5, 6, 7].map((d) => Portal.option(d, Anxin.t(`visitPlans.days.${d}`))));
    if (chosen) day.value = chosen;
  }

  frequency.addEventListener('change', () => {
    document.getElementById('cs-day-label').hidden = frequency.value !== 'WEEKLY';
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = {
      seniorId: Number(id),
      frequency: frequency.value,
      windowStart: document.getElementById('cs-start').value,
      windowEnd: document.getElementById('cs-end').value,
    };
    if (frequency.value === 'WEEKLY') body.dayOfWeek = Number(day.value);
    send('POST', '/api/care-calls/schedules', body)
      .then(() => { messages.notice(Anxin.t('careSchedules.created')); return load(); })
      .catch(messages.fail);
  });

  Anxin.bindSwitch(() => { fillDays(); load().catch(messages.fail); });
  fillDays();
  load().catch(messages.fail);
})();
