// The 12349 line's report: calls per day and hour, answer speed, abandonment, work orders,
// referral acceptance and evaluation scores (GET /api/reports/calls), and its CSV.
(function () {
  'use strict';

  const { send } = Portal;
  const status = Portal.messages('cr-error', 'cr-notice');
  let last = null;

  function cell(value) {
    const td = document.createElement('td');
    td.textContent = value == null ? '—' : String(value);
    return td;
  }

  function row(values, className) {
    const tr = document.createElement('tr');
    if (className) tr.className = className;
    tr.append(...values.map(cell));
    return tr;
  }

  function pct(v) { return v == null ? null : `${v} %`; }

  function figures(f, label) {
    return [label, f.inbound, f.outbound, f.queued, f.answered, f.abandoned, pct(f.abandonmentPercent),
      pct(f.answeredWithin20sPercent), f.averageAnswerSeconds, f.p90AnswerSeconds];
  }

  function render() {
    if (!last) return;
    const r = last;
    document.querySelector('#call-figures tbody').replaceChildren(
      row(figures(r.total, Anxin.t('total')), 'total'), ...r.perDay.map((d) => row(figures(d, d.day))));
    document.querySelector('#per-hour tbody').replaceChildren(...r.perHour.map((h) => row([`${h.hour}:00`, h.inbound])));
    document.querySelector('#ticket-counts tbody').replaceChildren(...r.ticketsByKindCategoryStatus.map((t) => row([
      Anxin.t(`calls.kinds.${t.kind}`), Anxin.t(`calls.categories.${t.category}`),
      Anxin.t(`calls.ticketStatuses.${t.status}`), t.count])));
    const f = r.referrals;
    document.getElementById('referrals').textContent = `${Anxin.t('callReport.referred')} ${f.referred} · `
      + `${Anxin.t('callReport.acceptedCount')} ${f.accepted} · ${Anxin.t('callReport.late')} ${f.acceptedLate} · `
      + `${Anxin.t('callReport.overdueNow')} ${f.overdueNow} · ${Anxin.t('callReport.acceptMinutes')} `
      + `${f.averageAcceptMinutes == null ? '—' : f.averageAcceptMinutes}`;
    const e = r.evaluations;
    document.getElementById('evaluations').textContent = `${Anxin.t('callReport.count')} ${e.count} · `
      + `${Anxin.t('callReport.averageScore')} ${e.averageScore == null ? '—' : e.averageScore} · `
      + e.perScore.map((n, i) => `${i + 1}★ ${n}`).join(' · ');
  }

  function load() {
    const from = document.getElementById('from').value;
    const to = document.getElementById('to').value;
    const query = new URLSearchParams();
    if (from) query.set('from', from);
    if (to) query.set('to', to);
    document.getElementById('csv-link').href = `/api/reports/calls.csv?${query}`;
    send('GET', `/api/reports/calls?${query}`).then((report) => {
      last = report;
      document.getElementById('from').value = report.from;
      document.getElementById('to').value = report.to;
      status.clear();
      render();
    }).catch(status.fail);
  }

  Anxin.apply();
  Anxin.bindSwitch(render);
  document.getElementById('range-form').addEventListener('submit', (event) => { event.preventDefault(); load(); });
  load();
})();
