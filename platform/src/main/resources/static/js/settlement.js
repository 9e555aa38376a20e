// The monthly settlement: every provider's figures for a month, then one provider's statement
// (payable visits with totals, visits held back with their anomalies), printable, as CSV, and
// closed (frozen) once the month has ended. Times are shown in the city's zone, as on the CSV.
(function () {
  'use strict';

  const STRINGS = {
    'zh-CN': {
      title: '上门服务月度结算', month: '月份', show: '查询', providers: '各服务机构', provider: '服务机构',
      status: '状态', OPEN: '未结账（随数据变化）', CLOSED: '已结账', payableVisits: '应付单数', heldBackVisits: '暂缓单数',
      price: '价格(元)', subsidy: '补贴(元)', seniorPays: '老人自付(元)', print: '打印', csv: '导出 CSV', close: '结账（冻结）',
      closeConfirm: '结账后本月结算单不再变化。确定结账？', payable: '应付（已核实）', heldBack: '暂缓（异常）',
      order: '订单号', senior: '老人', item: '服务项目', worker: '服务人员', checkIn: '签到', checkOut: '签退',
      minutes: '时长(分钟)', carriedFrom: '结转自', anomalies: '异常', total: '合计', none: '无',
      closedBy: '结账人', signProvider: '服务机构（盖章）：', signBureau: '民政部门审核：',
      statementOf: '结算单',
    },
    en: {
      title: 'Home services: monthly settlement', month: 'Month', show: 'Show', providers: 'Providers', provider: 'Provider',
      status: 'Status', OPEN: 'open (follows the visits)', CLOSED: 'closed', payableVisits: 'Payable', heldBackVisits: 'Held back',
      price: 'Price (¥)', subsidy: 'Subsidy (¥)', seniorPays: 'Senior pays (¥)', print: 'Print', csv: 'Download CSV',
      close: 'Close (freeze)', closeConfirm: 'A closed statement never changes again. Close it?',
      payable: 'Payable (verified)', heldBack: 'Held back (anomalies)', order: 'Order', senior: 'Senior', item: 'Item',
      worker: 'Worker', checkIn: 'Check-in', checkOut: 'Check-out', minutes: 'Minutes', carriedFrom: 'Carried from',
      anomalies: 'Anomalies', total: 'Total', none: 'none', closedBy: 'closed by', signProvider: 'Provider (seal):',
      signBureau: 'Civil-affairs bureau:', statementOf: 'Statement',
    },
  };

  let summary = null;
  let statement = null;

  function s(key) {
    const table = STRINGS[Anxin.lang()] || STRINGS['zh-CN'];
    return table[key] == null ? key : table[key];
  }

  function texts() {
    document.querySelectorAll('[data-s]').forEach((el) => { el.textContent = s(el.dataset.s); });
  }

  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    if (className) td.className = className;
    return td;
  }

  function local(instant, zone) {
    return instant ? CityTime.timeText(zone, instant) : '—';
  }

  const messages = Portal.messages('error', 'notice');

  function renderSummary() {
    if (!summary) return;
    document.querySelector('#providers tbody').replaceChildren(...summary.providers.map((p) => {
      const tr = document.createElement('tr');
      const name = document.createElement('td');
      const link = document.createElement('a');
      link.href = '#';
      link.textContent = p.providerName;
      link.addEventListener('click', (event) => { event.preventDefault(); loadStatement(p.providerId); });
      name.append(link);
      tr.append(name, cell(s(p.status), 'text'), cell(p.payableVisits), cell(p.heldBackVisits), cell(Portal.money(p.price)),
        cell(Portal.money(p.subsidy)), cell(Portal.money(p.seniorPays)));
      return tr;
    }));
  }

  function visitCells(line, zone) {
    return [cell(line.orderId), cell(line.seniorName, 'text'), cell(line.itemName, 'text'), cell(line.workerName, 'text'),
      cell(local(line.checkedInAt, zone)), cell(local(line.checkedOutAt, zone)), cell(line.minutes), cell(Portal.money(line.price))];
  }

  function renderStatement() {
    if (!statement) return;
    const st = statement;
    document.getElementById('statement').hidden = false;
    document.getElementById('statement-title').textContent = `${st.providerName} · ${st.month} · ${s('statementOf')}`;
    document.getElementById('statement-status').textContent = st.status === 'CLOSED'
      ? `${s('CLOSED')} ${local(st.closedAt, st.zone)}, ${s('closedBy')} ${st.closedBy}`
      : s('OPEN');
    document.getElementById('close').hidden = st.status === 'CLOSED';
    document.getElementById('csv').href = `/api/settlements/${st.month}/providers/${st.providerId}.csv`;
    document.querySelector('#payable tbody').replaceChildren(...st.payable.map((line) => {
      const tr = document.createElement('tr');
      tr.append(...visitCells(line, st.zone), cell(Portal.money(line.subsidy)), cell(Portal.money(line.seniorPays)),
        cell(line.carriedFrom || ''));
      return tr;
    }));
    const total = document.createElement('tr');
    total.append(cell(s('total')), cell(String(st.payableVisits), 'text'), cell(''), cell(''), cell(''), cell(''), cell(''),
      cell(Portal.money(st.price)), cell(Portal.money(st.subsidy)), cell(Portal.money(st.seniorPays)), cell(''));
    document.querySelector('#payable tfoot').replaceChildren(total);
    document.querySelector('#held-back tbody').replaceChildren(...st.heldBack.map((line) => {
      const tr = document.createElement('tr');
      const anomalies = line.anomalies.map((a) => `${a.kind}: ${a.reason}`).join('\n');
      const td = cell(anomalies, 'text');
      td.style.whiteSpace = 'pre-line';
      tr.append(...visitCells(line, st.zone), td);
      return tr;
    }));
  }

  function month() {
    return document.getElementById('month').value;
  }

  function loadSummary() {
    messages.clear();
    document.getElementById('statement').hidden = true;
    statement = null;
    return Portal.send('GET', `/api/settlements/${month()}`)
      .then((body) => { summary = body; renderSummary(); })
      .catch(messages.fail);
  }

  function loadStatement(providerId) {
    return Portal.send('GET', `/api/settlements/${month()}/providers/${providerId}`)
      .then((body) => { statement = body; renderStatement(); })
      .catch(messages.fail);
  }

  document.getElementById('month-form').addEventListener('submit', (event) => { event.preventDefault(); loadSummary(); });
  document.getElementById('print').addEventListener('click', () => window.print());
  document.getElementById('close').addEventListener('click', () => {
    if (!statement || !window.confirm(s('closeConfirm'))) return;
    Portal.send('POST', `/api/settlements/${statement.month}/providers/${statement.providerId}/close`)
      .then((body) => { statement = body; renderStatement(); return loadSummary().then(() => loadStatement(body.providerId)); })
      .catch(messages.fail);
  });

  // the previous month on the city's calendar is the one usually settled
  function previousMonth(zone) {
    const [y, m] = CityTime.date(zone).split('-').map(Number);
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  }

  Anxin.apply();
  texts();
  Anxin.bindSwitch(() => { texts(); renderSummary(); renderStatement(); });
  Portal.send('GET', '/api/portal/config')
    .then((config) => config.zone || 'Asia/Shanghai', () => 'Asia/Shanghai')
    .then((zone) => {
      // the dashboard links here with ?month=2026-11
      const asked = new URLSearchParams(window.location.search).get('month');
      document.getElementById('month').value = /^\d{4}-\d{2}$/.test(asked || '') ? asked : previousMonth(zone);
      return loadSummary();
    });
})();
