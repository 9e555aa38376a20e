// The answer-time report: share of alarms answered within 60 s and 180 s against the audit
// targets (97.5 % and 99 %), overall, per operator and per day.
(function () {
  'use strict';

  let last = null;

  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }

  function pct(value, target) {
    if (value == null) return cell('—');
    return cell(`${value.toFixed(1)} %`, value >= target ? 'meet' : 'miss');
  }

  function row(label, f, targets) {
    const tr = document.createElement('tr');
    tr.append(cell(label), cell(String(f.count)), cell(String(f.answered)),
      pct(f.within60sPercent, targets.within60sPercent), pct(f.within180sPercent, targets.within180sPercent),
      cell(f.medianSeconds == null ? '—' : String(f.medianSeconds)),
      cell(f.p90Seconds == null ? '—' : String(f.p90Seconds)));
    return tr;
  }

  function render() {
    if (!last) return;
    const targets = last.targets;
    const summary = row(Anxin.t('total'), last, targets);
    const target = document.createElement('tr');
    target.append(cell(Anxin.t('target')), cell(''), cell(''), cell(`${targets.within60sPercent} %`),
      cell(`${targets.within180sPercent} %`), cell(''), cell(''));
    document.querySelector('#summary tbody').replaceChildren(summary, target);
    document.querySelector('#per-operator tbody')
      .replaceChildren(...last.perOperator.map((o) => row(o.operator, o, targets)));
    document.querySelector('#per-day tbody').replaceChildren(...last.perDay.map((d) => row(d.day, d, targets)));
  }

  function load() {
    const from = document.getElementById('from').value;
    const to = document.getElementById('to').value;
    const error = document.getElementById('report-error');
    // no dates: the server's default, the last 7 days up to now (dates are the city's, not the browser's)
    const params = new URLSearchParams();
    if (from) params.set('from', from);
    if (to) params.set('to', to);
    Portal.send('GET', `/api/reports/answer-times?${params}`)
      .then((report) => { last = report; error.hidden = true; render(); })
      .catch((e) => { error.textContent = `${Anxin.t('actionFailed')}: ${e.message}`; error.hidden = false; });
  }

  document.getElementById('report-form').addEventListener('submit', (event) => { event.preventDefault(); load(); });
  Anxin.apply();
  Anxin.bindSwitch(render);
  load();
})();
