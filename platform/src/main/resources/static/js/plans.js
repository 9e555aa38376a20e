// The desk's timeline of a day plan: one row per worker, each visit a block from its planned
// start to its end (arrival in the tooltip). Click a block to move it to another worker's day at a
// position; the move pins it there and the plan is re-scored. A worker off sick is re-planned away.
(function () {
  'use strict';

  const { send } = Portal;
  const status = Portal.messages('plan-error', 'plan-notice');
  let zone = 'Asia/Shanghai';
  let plan = null;
  let selected = null;

  const dateInput = document.getElementById('plan-date');

  function hhmm(iso) {
    return iso ? CityTime.wall(zone, iso).time : '—';
  }

  function cell(text) {
    const td = document.createElement('td');
    td.textContent = text == null ? '—' : String(text);
    return td;
  }

  function block(stop, from, span) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'gantt-stop' + (stop.pinned ? ' pinned' : '') + (stop.started ? ' started' : '')
      + (stop.lateSeconds > 0 ? ' late' : '');
    b.dataset.orderId = stop.orderId;
    const start = Date.parse(stop.startAt);
    const end = Date.parse(stop.endAt);
    b.style.left = `${(100 * (start - from)) / span}%`;
    b.style.width = `${Math.max(1, (100 * (end - start)) / span)}%`;
    b.textContent = `${stop.itemName || ''} ${stop.seniorName || stop.orderId}`;
    b.title = `#${stop.orderId} ${stop.seniorName || ''} · ${Anxin.t('plan.arrive')} ${hhmm(stop.arrivalAt)}`
      + ` · ${Anxin.t('plan.start')} ${hhmm(stop.startAt)}–${hhmm(stop.endAt)}`
      + ` · ${Anxin.t('plan.window')} ${hhmm(stop.windowFrom)}–${hhmm(stop.windowTo)}`
      + (stop.pinned ? ` · ${Anxin.t('plan.pinned')}` : '') + (stop.started ? ` · ${Anxin.t('plan.started')}` : '');
    b.addEventListener('click', () => choose(stop));
    return b;
  }

  function choose(stop) {
    selected = stop;
    const form = document.getElementById('move-form');
    form.hidden = false;
    document.getElementById('move-what').textContent = `#${stop.orderId} ${stop.itemName || ''} ${stop.seniorName || ''}`;
  }

  function drawGantt() {
    const gantt = document.getElementById('gantt');
    const stops = plan.routes.flatMap((r) => r.stops).filter((s) => s.startAt);
    const starts = stops.map((s) => Date.parse(s.startAt));
    const ends = stops.map((s) => Date.parse(s.endAt));
    const hour = 3600 * 1000;
    const from = Math.floor((starts.length ? Math.min(...starts) : Date.parse(`${plan.date}T00:00:00Z`)) / hour) * hour;
    const to = Math.ceil((ends.length ? Math.max(...ends) : from + 12 * hour) / hour) * hour;
    const span = Math.max(hour, to - from);
    const rows = plan.routes.filter((r) => r.stops.length).map((r) => {
      const row = document.createElement('div');
      row.className = 'gantt-row';
      row.dataset.responderId = r.responderId;
      const name = document.createElement('div');
      name.className = 'gantt-name';
      name.textContent = `${r.name} (${r.stops.length})`;
      const sick = document.createElement('button');
      sick.type = 'button';
      sick.className = 'gantt-sick';
      sick.textContent = Anxin.t('plan.sick');
      sick.addEventListener('click', () => send('POST', `/api/plans/absences?date=${dateInput.value}`, { responderId: r.responderId })
        .then(draw).catch(status.fail));
      name.append(' ', sick);
      const lane = document.createElement('div');
      lane.className = 'gantt-lane';
      lane.append(...r.stops.filter((s) => s.startAt).map((s) => block(s, from, span)));
      row.append(name, lane);
      return row;
    });
    const axis = document.createElement('div');
    axis.className = 'gantt-row gantt-axis';
    const label = document.createElement('div');
    label.className = 'gantt-name';
    const ticks = document.createElement('div');
    ticks.className = 'gantt-lane';
    for (let t = from; t <= to; t += hour) {
      const tick = document.createElement('span');
      tick.style.left = `${(100 * (t - from)) / span}%`;
      tick.textContent = CityTime.wall(zone, new Date(t).toISOString()).time;
      ticks.append(tick);
    }
    axis.append(label, ticks);
    gantt.replaceChildren(axis, ...rows);
    const workers = document.getElementById('move-worker');
    workers.replaceChildren(...plan.routes.map((r) => Portal.option(String(r.responderId), r.name)));
  }

  function draw(p) {
    plan = p;
    document.getElementById('plan-none').hidden = true;
    document.getElementById('plan-body').hidden = false;
    document.getElementById('plan-status').textContent = Anxin.t(`plan.statuses.${p.status}`);
    document.getElementById('plan-score').textContent = p.score || '—';
    document.getElementById('plan-revision').textContent = p.revision;
    document.getElementById('plan-solver').textContent = p.solverMillis == null ? '—' : `${(p.solverMillis / 1000).toFixed(1)} ${Anxin.t('plan.seconds')}`;
    document.getElementById('plan-moved').textContent = p.movedVisits == null ? '—' : p.movedVisits;
    document.getElementById('plan-made-by').textContent = `${p.madeBy || '—'} ${p.reason ? `(${p.reason})` : ''}`;
    document.querySelector('#plan-constraints tbody').replaceChildren(...p.constraints.map((c) => {
      const tr = document.createElement('tr');
      tr.dataset.constraint = c.name;
      tr.append(cell(c.name), cell(c.hard), cell(c.medium), cell(c.soft), cell(c.matches));
      return tr;
    }));
    document.getElementById('plan-unplanned').replaceChildren(...p.unplanned.map((s) => {
      const li = document.createElement('li');
      li.textContent = `#${s.orderId} ${s.itemName || ''} ${s.seniorName || ''} ${s.windowFrom ? CityTime.windowText(zone, s.windowFrom, s.windowTo) : ''}`;
      li.addEventListener('click', () => choose(s));
      return li;
    }));
    drawGantt();
  }

  function load() {
    status.clear();
    send('GET', `/api/plans?date=${dateInput.value}`).then(draw).catch((e) => {
      document.getElementById('plan-body').hidden = true;
      if (e.status === 404) document.getElementById('plan-none').hidden = false;
      else status.fail(e);
    });
  }

  document.getElementById('plan-form').addEventListener('submit', (event) => { event.preventDefault(); load(); });
  document.getElementById('plan-make').addEventListener('click', () => {
    status.clear();
    send('POST', `/api/plans?date=${dateInput.value}`).then(draw).catch(status.fail);
  });
  document.getElementById('move-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!selected) return;
    const body = {
      orderId: selected.orderId,
      responderId: Number(document.getElementById('move-worker').value),
      position: Math.max(0, Number(document.getElementById('move-position').value) - 1)
    };
    send('POST', `/api/plans/moves?date=${dateInput.value}`, body).then(draw).catch(status.fail);
  });

  Anxin.apply();
  Anxin.bindSwitch(() => { if (plan) draw(plan); });
  send('GET', '/api/portal/config').then((config) => { zone = config.zone || zone; }).catch(() => {}).then(() => {
    dateInput.value = new URLSearchParams(window.location.search).get('date') || CityTime.date(zone, 1);
    load();
  });
})();
