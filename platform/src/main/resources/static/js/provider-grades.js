// Provider grading: a quarter's grades for the officer's providers (D flagged), a provider's
// trend over the last eight quarters as a table and an ECharts line, and the bureau's weights.
(function () {
  'use strict';

  const g = (key) => Anxin.t(`grading.${key}`);
  let me = null;
  let zone = 'Asia/Shanghai';
  let last = null;
  let trend = null;
  let chart = null;

  // The current quarter of the city and the seven before it, newest first ('2026Q4').
  function quarters() {
    const [y, m] = CityTime.date(zone).split('-').map(Number);
    let year = y;
    let q = Math.floor((m - 1) / 3) + 1;
    const out = [];
    for (let i = 0; i < 8; i++) {
      out.push(`${year}Q${q}`);
      q -= 1;
      if (q === 0) { q = 4; year -= 1; }
    }
    return out;
  }

  function pct(v) {
    return v == null ? '—' : `${v} %`;
  }

  function num(v) {
    return v == null ? '—' : String(v);
  }

  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }

  function gradeCell(grade) {
    const td = document.createElement('td');
    const span = document.createElement('span');
    span.className = `grade grade-${grade || 'none'}`;
    span.textContent = grade ? (grade === 'D' ? `D · ${g('flag')}` : grade) : g('noVisits');
    td.appendChild(span);
    return td;
  }

  // The figures of one provider's quarter, from the grade column on.
  function figures(x) {
    return [
      gradeCell(x.grade),
      cell(num(x.score)),
      cell(String(x.visits)),
      cell(`${pct(x.onTimePercent)} (${x.onTime})`),
      cell(`${pct(x.verifiedPercent)} (${x.verified})`),
      cell(`${x.anomalies} / ${x.flaggedVisits}`),
      cell(x.meanRating == null ? `— (0)` : `${x.meanRating} (${x.ratings})`),
      cell(String(x.complaints)),
      cell(x.meanSatisfaction == null ? `— (${x.followUps})` : `${x.meanSatisfaction} (${x.followUps})`)
    ];
  }

  function render() {
    if (!last) return;
    document.getElementById('grading-note').textContent =
      `${last.quarter}${last.provisional ? ` · ${g('provisional')}` : ''} · ${g('weightsNow')} `
      + `${g('onTime')} ${last.weights.onTime} · ${g('verified')} ${last.weights.verified} · `
      + `${g('anomalyFree')} ${last.weights.anomalyFree} · ${g('rating')} ${last.weights.rating} · `
      + `${g('complaints')} ${last.weights.complaints} · ${g('followUps')} ${last.weights.followUp} · `
      + `A ≥ ${last.weights.gradeA}, B ≥ ${last.weights.gradeB}, C ≥ ${last.weights.gradeC}`;
    const body = document.querySelector('#grades tbody');
    body.replaceChildren(...last.grades.map((x) => {
      const tr = document.createElement('tr');
      tr.dataset.provider = x.providerId;
      if (x.flagged) tr.classList.add('flagged');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'show-trend';
      button.textContent = g('trend');
      button.addEventListener('click', () => loadTrend(x.providerId));
      const action = document.createElement('td');
      action.appendChild(button);
      tr.append(cell(x.providerName), ...figures(x), action);
      return tr;
    }));
    if (!last.grades.length) {
      const tr = document.createElement('tr');
      const td = cell(g('none'));
      td.colSpan = 11;
      tr.appendChild(td);
      body.appendChild(tr);
    }
    renderTrend();
  }

  function renderTrend() {
    if (!trend) return;
    const section = document.getElementById('trend');
    section.hidden = false;
    document.getElementById('trend-title').textContent = `${g('trendOf')} ${trend.providerName}`;
    document.querySelector('#trend-table tbody').replaceChildren(...trend.quarters.map((x) => {
      const tr = document.createElement('tr');
      if (x.flagged) tr.classList.add('flagged');
      tr.append(cell(x.provisional ? `${x.quarter} (${g('provisional')})` : x.quarter), ...figures(x));
      return tr;
    }));
    const el = document.getElementById('chart-trend');
    if (!chart) chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 32 },
      xAxis: { type: 'category', data: trend.quarters.map((x) => x.quarter) },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        { name: g('score'), type: 'line', connectNulls: false, data: trend.quarters.map((x) => x.score) },
        { name: g('onTime'), type: 'line', data: trend.quarters.map((x) => x.onTimePercent) },
        { name: g('verified'), type: 'line', data: trend.quarters.map((x) => x.verifiedPercent) }
      ]
    }, true);
  }

  function failed(e) {
    const error = document.getElementById('grading-error');
    error.textContent = `${Anxin.t('actionFailed')}（${e.status || '—'}）：${e.message}`;
    error.hidden = false;
  }

  function load() {
    const quarter = document.getElementById('quarter').value;
    const params = new URLSearchParams(window.location.search);
    params.set('quarter', quarter);
    window.history.replaceState(null, '', `?${params}`);
    return Portal.send('GET', `/api/provider-grades?quarter=${encodeURIComponent(quarter)}`)
      .then((grades) => { last = grades; document.getElementById('grading-error').hidden = true; render(); fillWeights(grades.weights); })
      .catch(failed);
  }

  // The provider's trend; its link (?quarter=…&provider=…) opens the page on it.
  function loadTrend(providerId) {
    const params = new URLSearchParams(window.location.search);
    params.set('provider', providerId);
    window.history.replaceState(null, '', `?${params}`);
    return Portal.send('GET', `/api/providers/${encodeURIComponent(providerId)}/grades`)
      .then((t) => { trend = t; renderTrend(); })
      .catch(failed);
  }

  function fillWeights(w) {
    const form = document.getElementById('weights-form');
    Object.keys(w).forEach((k) => { if (form.elements[k]) form.elements[k].value = w[k]; });
  }

  function saveWeights(event) {
    event.preventDefault();
    const form = event.target;
    const body = {};
    ['onTime', 'verified', 'anomalyFree', 'rating', 'complaints', 'followUp', 'gradeA', 'gradeB', 'gradeC']
      .forEach((k) => { body[k] = Number(form.elements[k].value); });
    const result = document.getElementById('weights-result');
    Portal.send('PUT', '/api/provider-grading/weights', body)
      .then(() => { result.textContent = g('saved'); return load(); })
      .catch((e) => { result.textContent = `${Anxin.t('actionFailed')}（${e.status || '—'}）：${e.message}`; });
  }

  function start() {
    Promise.all([Portal.me(), Portal.send('GET', '/api/portal/config').catch(() => ({}))])
      .then(([user, config]) => {
        me = user;
        zone = config.zone || zone;
        const select = document.getElementById('quarter');
        const list = quarters();
        select.replaceChildren(...list.map((q, i) => Portal.option(q, i === 0 ? `${q} (${g('provisional')})` : q)));
        const asked = new URLSearchParams(window.location.search).get('quarter');
        select.value = asked && list.includes(asked) ? asked : list[1];
        const provider = new URLSearchParams(window.location.search).get('provider');
        return Promise.all([load(), /^\d+$/.test(provider || '') ? loadTrend(provider) : null]);
      })
      .catch(failed);
  }

  document.getElementById('grading-form').addEventListener('submit', (event) => { event.preventDefault(); load(); });
  document.getElementById('weights-form').addEventListener('submit', saveWeights);
  window.addEventListener('resize', () => { if (chart) chart.resize(); });
  Anxin.apply();
  Anxin.bindSwitch(() => render());
  start();
})();
