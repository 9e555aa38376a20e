// The city dashboard: figures of a period over the seniors of the officer's node of the
// hierarchy (or a node below it), as cards with a link to each figure's list where the officer
// may open one, and as ECharts charts; the same figures as CSV.
(function () {
  'use strict';

  const d = (key) => Anxin.t(`dashboard.${key}`);
  let me = null;
  let zone = 'Asia/Shanghai';
  let last = null;
  const charts = {};

  // Where each figure's list is, for whom: officers see no alarm desk, so alarms, answer times,
  // arrivals, coverage, devices and time-bank entries have their lists at the 12349 desk only.
  const LISTS = {
    seniors: () => [['/subsidy.html', 'COMMUNITY STREET BUREAU']],
    subsidy: () => [['/subsidy.html', 'COMMUNITY STREET BUREAU'], [`/settlement.html?month=${lastMonth()}`, 'BUREAU']],
    // the monthly statements list every visit with its check-in and check-out
    serviceArrivals: () => [[`/settlement.html?month=${lastMonth()}`, 'BUREAU']],
    services: () => [[`/settlement.html?month=${lastMonth()}`, 'BUREAU']],
    assessments: () => [[`/assessment.html?within=P${daysToEnd()}D#due`, 'COMMUNITY STREET BUREAU']]
  };

  function lastMonth() {
    return document.getElementById('to').value.slice(0, 7);
  }

  // Days from the city's today to the period's last day (0 when it has passed): the reminder list's window.
  function daysToEnd() {
    const end = Date.parse(`${document.getElementById('to').value}T00:00:00Z`);
    const today = Date.parse(`${CityTime.date(zone)}T00:00:00Z`);
    return Math.max(0, Math.round((end - today) / 86400000));
  }

  function pct(value) {
    return value == null ? '—' : `${value} %`;
  }

  function secs(value) {
    return value == null ? '—' : `${value} ${d('seconds')}`;
  }

  function fill(template, values) {
    return Object.keys(values).reduce((text, k) => text.replace(`{${k}}`, values[k]), template);
  }

  function card(id, value, detail) {
    const el = document.getElementById(id);
    el.querySelector('.value').textContent = value;
    el.querySelector('.detail').textContent = detail;
  }

  function links(id, figure) {
    const box = document.getElementById(id).querySelector('.link');
    const lists = (LISTS[figure] ? LISTS[figure]() : []).filter(([, roles]) => roles.split(' ').includes(me.role));
    if (!lists.length) {
      box.textContent = d('deskOnly');
      return;
    }
    box.replaceChildren(...lists.map(([href]) => {
      const a = document.createElement('a');
      a.href = href;
      a.className = 'figure-link';
      a.textContent = `${d('list')} →`;
      return a;
    }));
  }

  function label(group, key) {
    if (key === 'NONE') return d('none');
    if (key === 'OPEN') return d('open');
    const text = Anxin.t(`${group}.${key}`);
    return text === `${group}.${key}` ? key : text;
  }

  function outcomeLabel(key) {
    const status = Anxin.t(`status.${key}`);
    return status !== `status.${key}` ? status : label('outcomes', key);
  }

  function chart(id, option) {
    const el = document.getElementById(id);
    if (!charts[id]) charts[id] = echarts.init(el);
    charts[id].setOption(option, true);
  }

  function bars(id, counts, name) {
    chart(id, {
      tooltip: {},
      grid: { left: 48, right: 16, top: 16, bottom: 60 },
      xAxis: { type: 'category', data: counts.map((c) => name(c.key)), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: counts.map((c) => c.count) }]
    });
  }

  function pie(id, counts, name) {
    chart(id, {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: counts.map((c) => ({ name: name(c.key), value: c.count })) }]
    });
  }

  function render() {
    if (!last) return;
    const f = last;
    document.getElementById('dashboard-scope').textContent = `${d('scope')}: `
      + `${f.areaName || (f.communities == null ? d('wholeCity') : (f.communities.join('、') || '—'))}`
      + ` · ${d('period')}: ${CityTime.timeText(zone, f.from)} – `
      + `${CityTime.timeText(zone, new Date(Date.parse(f.to) - 60000).toISOString())}`;

    card('card-seniors', String(f.seniors.total), f.seniors.byLivingSituation
      .map((c) => `${label('seniorPage.living', c.key)} ${c.count}`).join(' · '));
    card('card-devices', `${f.devices.online} / ${f.devices.registered}`, `${d('online')} / ${d('registered')}`);
    card('card-alarms', String(f.alarms.total), f.alarms.byKind.map((c) => `${label('type', c.key)} ${c.count}`).join(' · '));
    const a = f.answering;
    card('card-answering', pct(a.withinTargetPercent),
      `${fill(d('withinTarget'), { s: a.targetSeconds })} (${d('target')} ${a.targetPercent} %): ${a.withinTarget} / ${a.alarms}\n`
      + `${d('median')} ${secs(a.medianSeconds)} · ${d('p90')} ${secs(a.p90Seconds)}`);
    [['card-emergency', 'emergency', f.emergencyArrivals], ['card-service', 'service', f.serviceArrivals]]
      .forEach(([id, key, r]) => {
        document.getElementById(id).querySelector('h2').textContent = fill(d(key), { m: r.circleMinutes });
        card(id, pct(r.withinCirclePercent), `${r.withinCircle} / ${r.arrived} ${d('arrived')}\n`
          + `${d('median')} ${secs(r.medianSeconds)} · ${d('p90')} ${secs(r.p90Seconds)}`);
      });
    const cv = f.coverage;
    document.querySelector('#card-coverage h2').textContent = fill(d('coverage'), { m: cv.circleMinutes });
    card('card-coverage', pct(cv.coveredPercent), `${cv.covered} / ${cv.seniors} ${d('homes')}`);
    const s = f.subsidy;
    card('card-subsidy', `${Portal.money(s.spent)} / ${Portal.money(s.allowance)}`,
      `${d('spent')} / ${d('allowance')} (${pct(s.spentPercent)}) · ${s.wallets} ${d('wallets')}\n`
      + `${s.spentMinutes} / ${s.allowanceMinutes} ${d('minutes')}\n`
      + (s.budget != null ? `${d('budget')} ${Portal.money(s.budget)} · ${pct(s.budgetSpentPercent)} ${d('budgetSpent')}`
        : (f.area == null && f.communities != null ? d('chooseNode') : d('noBudget'))));
    const tb = f.timeBank;
    card('card-timebank', `${tb.earnedHours} ${d('hours')}`, `${d('earned')} ${tb.earnedHours} · ${d('spentHours')} `
      + `${tb.spentHours} · ${d('donated')} ${tb.donatedHours} ${d('hours')} · ${tb.entries} ${d('entries')}`);
    const as = f.assessments;
    card('card-assessments', `${as.dueInPeriod} / ${as.overdue}`,
      `${d('dueInPeriod')} / ${d('overdue')} · ${as.assessed} ${d('assessed')}`);

    links('card-seniors', 'seniors');
    links('card-devices', 'devices');
    links('card-alarms', 'alarms');
    links('card-answering', 'answering');
    links('card-emergency', 'emergencyArrivals');
    links('card-service', 'serviceArrivals');
    links('fig-services', 'services');
    links('card-coverage', 'coverage');
    links('card-subsidy', 'subsidy');
    links('card-timebank', 'timeBank');
    links('card-assessments', 'assessments');

    bars('chart-community', f.seniors.byCommunity, (k) => (k === 'NONE' ? d('none') : k));
    pie('chart-living', f.seniors.byLivingSituation, (k) => label('seniorPage.living', k));
    bars('chart-kind', f.alarms.byKind, (k) => label('type', k));
    pie('chart-outcome', f.alarms.byOutcome, outcomeLabel);
    const cats = f.services.byCategory;
    chart('chart-services', {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 40 },
      xAxis: { type: 'category', data: cats.map((c) => label('categories', c.category)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: d('booked'), type: 'bar', data: cats.map((c) => c.booked) },
        { name: d('served'), type: 'bar', data: cats.map((c) => c.served) }
      ]
    });
  }

  function query() {
    const params = new URLSearchParams();
    params.set('from', document.getElementById('from').value);
    params.set('to', document.getElementById('to').value);
    const area = document.getElementById('area').value;
    if (area) params.set('area', area);
    return params;
  }

  function load() {
    const error = document.getElementById('dashboard-error');
    const params = query();
    document.getElementById('csv').href = `/api/dashboard.csv?${params}`;
    window.history.replaceState(null, '', `?${params}`);
    return Portal.send('GET', `/api/dashboard?${params}`)
      .then((figures) => { last = figures; error.hidden = true; render(); })
      .catch((e) => { error.textContent = `${Anxin.t('actionFailed')}（${e.status || '—'}）：${e.message}`; error.hidden = false; });
  }

  // The nodes at or below the officer's: a city-wide bureau every node; a street or district its subtree;
  // a community officer their community.
  function reachable(areas) {
    let roots;
    if (me.role === 'COMMUNITY') roots = areas.filter((a) => a.level === 'COMMUNITY' && a.name === me.community);
    else if (me.area) roots = areas.filter((a) => a.code === me.area);
    else return areas;
    const out = [];
    const walk = (node) => { out.push(node); areas.filter((a) => a.parent === node.code).forEach(walk); };
    roots.forEach(walk);
    return out;
  }

  function fillAreas(areas) {
    const select = document.getElementById('area');
    const indent = { DISTRICT: '', STREET: '　', COMMUNITY: '　　' };
    select.replaceChildren(Portal.option('', d('wholeArea')),
      ...reachable(areas).map((a) => Portal.option(a.code, `${indent[a.level] || ''}${a.name}`)));
  }

  function start() {
    const asked = new URLSearchParams(window.location.search);
    Promise.all([
      Portal.me(),
      Portal.send('GET', '/api/portal/config').catch(() => ({})),
      Portal.send('GET', '/api/areas').catch(() => [])
    ]).then(([user, config, areas]) => {
      me = user;
      zone = config.zone || zone;
      fillAreas(areas);
      const day = /^\d{4}-\d{2}-\d{2}$/;
      document.getElementById('from').value = day.test(asked.get('from') || '') ? asked.get('from') : CityTime.date(zone, -29);
      document.getElementById('to').value = day.test(asked.get('to') || '') ? asked.get('to') : CityTime.date(zone);
      if (asked.get('area')) document.getElementById('area').value = asked.get('area');
      showBudgetForm();
      return load();
    }).catch((e) => {
      const error = document.getElementById('dashboard-error');
      error.textContent = `${Anxin.t('actionFailed')}：${e.message}`;
      error.hidden = false;
    });
  }

  document.getElementById('dashboard-form').addEventListener('submit', (event) => { event.preventDefault(); load(); });

  // The city-wide bureau sets the yearly budget of the node chosen above (none: the whole city).
  function showBudgetForm() {
    const form = document.getElementById('budget-form');
    form.hidden = !(me.role === 'BUREAU' && !me.area);
    if (form.hidden) return;
    const select = document.getElementById('area');
    document.getElementById('budget-node').textContent = select.value ? select.selectedOptions[0].textContent.trim() : d('wholeCity');
    const year = document.getElementById('budget-year');
    if (!year.value) year.value = document.getElementById('to').value.slice(0, 4);
  }
  document.getElementById('area').addEventListener('change', () => { if (me) showBudgetForm(); });
  document.getElementById('budget-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const notice = document.getElementById('budget-notice');
    const year = document.getElementById('budget-year').value;
    const area = document.getElementById('area').value || null;
    Portal.send('PUT', `/api/subsidy/budgets/${encodeURIComponent(year)}`,
      { area, amount: { yuan: document.getElementById('budget-amount').value.trim() } })
      .then(() => { notice.textContent = d('budgetSaved'); notice.hidden = false; return load(); })
      .catch((e) => {
        const error = document.getElementById('dashboard-error');
        error.textContent = `${Anxin.t('actionFailed')}（${e.status || '—'}）：${e.message}`;
        error.hidden = false;
      });
  });
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  Anxin.apply();
  Anxin.bindSwitch(() => { if (me) fillAreasKeepingChoice(); render(); });

  function fillAreasKeepingChoice() {
    const select = document.getElementById('area');
    const chosen = select.value;
    select.options[0].textContent = d('wholeArea');
    select.value = chosen;
  }

  start();
})();
