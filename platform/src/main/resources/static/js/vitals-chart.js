// A senior's vitals as small time charts (uPlot, served from the platform): one per kind that has
// readings in the period, with the senior's limits drawn as dashed lines and the latest value in
// the title. Used by the family card and the desk's record panel.
(function () {
  'use strict';

  let zone = null;

  function cityZone() {
    if (!zone) zone = Portal.send('GET', '/api/portal/config').then((c) => c.zone || 'Asia/Shanghai');
    return zone;
  }

  function number(v) {
    return Number.isInteger(v) ? String(v) : v.toFixed(1);
  }

  function title(series) {
    const last = series.points[series.points.length - 1];
    const limits = [series.low != null ? `≥ ${number(series.low)}` : null, series.high != null ? `≤ ${number(series.high)}` : null]
      .filter(Boolean).join(' · ');
    return `${Anxin.t(`vitals.kinds.${series.kind}`)} ${number(last.value)} ${series.unit}${limits ? ` (${Anxin.t('vitals.limits')} ${limits})` : ''}`;
  }

  function chart(box, series, tz) {
    const figure = document.createElement('figure');
    figure.className = 'vital-chart';
    figure.dataset.kind = series.kind;
    const caption = document.createElement('figcaption');
    caption.textContent = title(series);
    if (series.points[series.points.length - 1].abnormal) caption.classList.add('abnormal');
    figure.appendChild(caption);
    box.appendChild(figure);
    if (typeof uPlot === 'undefined') return;
    const xs = series.points.map((p) => Date.parse(p.at) / 1000);
    const data = [xs, series.points.map((p) => p.value)];
    const lines = [{}, { stroke: '#1565c0', width: 2, points: { show: true, size: 4 } }];
    [series.low, series.high].forEach((limit) => {
      if (limit == null) return;
      data.push(xs.map(() => limit));
      lines.push({ stroke: '#c62828', width: 1, dash: [4, 4], points: { show: false } });
    });
    // eslint-disable-next-line no-new
    new uPlot({
      width: Math.max(240, Math.min(box.clientWidth || 320, 680)),
      height: 120,
      legend: { show: false },
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), tz),
      scales: { x: { time: true } },
      series: lines
    }, data, figure);
  }

  // Draws the last `days` days (default 1) of the senior's vitals into `box`.
  function show(box, seniorId, days) {
    const to = new Date();
    const from = new Date(to.getTime() - (days || 1) * 86400000);
    return Promise.all([cityZone(), Portal.send('GET', `/api/seniors/${seniorId}/vitals?from=${from.toISOString()}&to=${to.toISOString()}`)])
      .then(([tz, vitals]) => {
        box.replaceChildren();
        const shown = vitals.series.filter((s) => s.points.length);
        if (!shown.length) {
          const empty = document.createElement('p');
          empty.className = 'empty';
          empty.textContent = Anxin.t('vitals.none');
          box.appendChild(empty);
        }
        shown.forEach((s) => chart(box, s, tz));
      });
  }

  window.VitalsChart = { show };
})();
