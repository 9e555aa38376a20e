// Scheduled visits (定期巡访): a senior's plans with the dates each dealt with (booked order,
// not booked and why, skipped), stop and skip. VisitPlanList.mount draws them into a list (the
// senior page, and the family page for each of the family's seniors); on the senior page the
// form for a new plan is bound too.
(function () {
  'use strict';

  const { send } = Portal;

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text != null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function days(weekdays) {
    return weekdays.map((d) => Anxin.t(`visitPlans.days.${d}`)).join(' ');
  }

  function dateLine(d) {
    let text = `${d.date} · ${Anxin.t(`visitPlans.statuses.${d.status}`)}`;
    if (d.orderId != null) text += ` · #${d.orderId} ${d.orderStatus || ''}`;
    if (d.reason) text += ` · ${d.reason}`;
    return el('li', text, `plan-date plan-date-${d.status.toLowerCase()}`);
  }

  // Draws the senior's plans into the list; returns the function that redraws them.
  function mount({ seniorId, list, messages }) {
    function planItem(view) {
      const p = view.plan;
      const li = el('li', null, 'visit-plan');
      li.dataset.planId = p.id;
      li.append(el('strong', `${p.itemName} · ${days(p.weekdays)} ${p.startTime.slice(0, 5)} · ${p.windowMinutes} min · `
        + `${Anxin.t(p.active ? 'visitPlans.active' : 'visitPlans.stopped')}`));
      if (p.notes) li.append(el('div', p.notes));
      const dates = el('ul', null, 'plan-dates');
      dates.append(...view.dates.map(dateLine));
      li.append(dates);
      if (p.active) {
        const stop = el('button', Anxin.t('visitPlans.stop'), 'stop-plan');
        stop.type = 'button';
        stop.addEventListener('click', () => send('POST', `/api/visit-plans/${p.id}/stop`).then(load).catch(messages.fail));
        const date = el('input');
        date.type = 'date';
        date.setAttribute('aria-label', Anxin.t('visitPlans.skipDate'));
        const skip = el('button', Anxin.t('visitPlans.skip'), 'skip-date');
        skip.type = 'button';
        skip.addEventListener('click', () => {
          if (!date.value) return;
          send('POST', `/api/visit-plans/${p.id}/skip?date=${encodeURIComponent(date.value)}`).then(load).catch(messages.fail);
        });
        li.append(stop, ' ', date, skip);
      }
      return li;
    }

    function load() {
      return send('GET', `/api/seniors/${encodeURIComponent(seniorId)}/visit-plans`)
        .then((plans) => Promise.all(plans.map((p) => send('GET', `/api/visit-plans/${p.id}`))))
        .then((views) => {
          const box = list;
          if (!views.length) box.replaceChildren(el('li', Anxin.t('visitPlans.none')));
          else box.replaceChildren(...views.map(planItem));
        });
    }

    return load;
  }

  window.VisitPlanList = { mount };

  // The senior page: ?id= names the senior; its form makes a new plan.
  const form = document.getElementById('visit-plan-form');
  const id = new URLSearchParams(window.location.search).get('id');
  if (!id || !form) return;
  const messages = Portal.messages('senior-error', 'senior-notice');
  const load = mount({ seniorId: id, list: document.getElementById('visit-plans'), messages });

  function fillForm() {
    const boxes = document.getElementById('vp-days');
    boxes.querySelectorAll('label').forEach((l) => l.remove());
    for (let d = 1; d <= 7; d++) {
      const label = el('label');
      const box = el('input');
      box.type = 'checkbox';
      box.value = d;
      box.name = 'vp-day';
      label.append(box, ` ${Anxin.t(`visitPlans.days.${d}`)}`);
      boxes.append(label);
    }
    return send('GET', '/api/catalog').then((catalog) => {
      const select = document.getElementById('vp-item');
      select.replaceChildren(...catalog.flatMap((c) => c.items).map((i) => Portal.option(i.id, i.name)));
    });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const weekdays = [...form.querySelectorAll('input[name="vp-day"]:checked')].map((b) => Number(b.value));
    const body = {
      itemId: Number(document.getElementById('vp-item').value),
      weekdays,
      startTime: document.getElementById('vp-time').value,
      windowMinutes: Number(document.getElementById('vp-window').value),
      notes: document.getElementById('vp-notes').value || null,
    };
    const ends = document.getElementById('vp-ends').value;
    if (ends) body.endsOn = ends;
    send('POST', `/api/seniors/${encodeURIComponent(id)}/visit-plans`, body)
      .then(() => { messages.notice(Anxin.t('visitPlans.created')); return load(); })
      .catch(messages.fail);
  });

  Anxin.bindSwitch(() => { fillForm().catch(messages.fail); load().catch(messages.fail); });
  fillForm().catch(messages.fail);
  load().catch(messages.fail);
})();
