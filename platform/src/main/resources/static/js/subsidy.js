// Subsidy reviews for community officers, the bureau and the admin: open allowance proposals and
// eligibility applications with approve/reject (each shown only to the role whose step it is),
// the seniors holding categories, and a senior's wallet for a month with its ledger.
(function () {
  'use strict';

  const { send, option } = Portal;
  const status = Portal.messages('subsidy-error', 'subsidy-notice');
  const fail = status.fail;
  const TURN = { PENDING_COMMUNITY: 'COMMUNITY', PENDING_BUREAU: 'BUREAU' };
  let me = { role: null };

  function cell(text) {
    const td = document.createElement('td');
    td.textContent = text == null ? '—' : String(text);
    return td;
  }

  function allowanceText(a) {
    if (!a) return '—';
    if (a.amount != null) return `${Portal.money(a.amount)} ${Anxin.t('subsidy.perMonth')}`;
    if (a.hours != null) return `${a.hours} ${Anxin.t('subsidy.hoursMonth')}`;
    return Anxin.t('subsidy.none');
  }

  function when(instant) {
    return instant ? new Date(instant).toLocaleString(Anxin.lang()) : '—';
  }

  function statusText(request) {
    const text = Anxin.t(`subsidy.statuses.${request.status}`);
    return request.rejected ? `${text}: ${request.rejected.reason}` : text;
  }

  // approve / reject buttons when it is this user's step
  function actions(path, request) {
    const td = document.createElement('td');
    if (TURN[request.status] !== me.role) return td;
    const approve = document.createElement('button');
    approve.className = 'approve';
    approve.textContent = Anxin.t('subsidy.approve');
    approve.addEventListener('click', () => decide(`${path}/${request.id}/approve`));
    const reject = document.createElement('button');
    reject.className = 'reject';
    reject.textContent = Anxin.t('subsidy.reject');
    reject.addEventListener('click', () => {
      const reason = window.prompt(Anxin.t('subsidy.reasonPrompt'));
      if (reason) decide(`${path}/${request.id}/reject`, { reason });
    });
    td.append(approve, ' ', reject);
    return td;
  }

  function decide(url, body) {
    send('POST', url, body).then(() => { status.clear(); load(); }).catch(fail);
  }

  function who(request) {
    return `${request.proposedBy} · ${when(request.proposedAt)}`;
  }

  function row(request) {
    const tr = document.createElement('tr');
    tr.dataset.id = request.id;
    tr.dataset.status = request.status;
    return tr;
  }

  function renderProposals(list) {
    document.querySelector('#proposals tbody').replaceChildren(...list.map((p) => {
      const tr = row(p);
      tr.append(cell(p.id), cell(p.categoryName), cell(allowanceText(p.allowance)), cell(allowanceText(p.inForce)),
        cell(who(p)), cell(statusText(p)), actions('/api/subsidy/allowance-proposals', p));
      return tr;
    }));
  }

  // What a 失能/半失能 or 高龄 application rests on: the current assessment's level and date, the age.
  function evidenceText(e) {
    if (!e) return '—';
    const parts = [];
    if (e.level) parts.push(`${Anxin.t('subsidy.assessed')} ${e.levelName} (${e.assessedOn}, ${Anxin.t('subsidy.dueOn')} ${e.assessmentDueOn})`);
    else parts.push(Anxin.t('subsidy.notAssessed'));
    parts.push(e.age != null ? `${Anxin.t('subsidy.age')} ${e.age} (${e.birthDate})` : Anxin.t('subsidy.noBirthDate'));
    if (e.meets === false) parts.push(`⚠ ${e.detail}`);
    return parts.join(' · ');
  }

  function renderApplications(list) {
    document.querySelector('#applications tbody').replaceChildren(...list.map((a) => {
      const tr = row(a);
      const evidence = cell(evidenceText(a.evidence));
      evidence.className = 'evidence';
      if (a.evidence && a.evidence.meets === false) evidence.classList.add('late');
      tr.append(cell(a.id), cell(`${a.seniorName} (#${a.seniorId})`), cell(a.seniorCommunity), cell(a.categoryName),
        evidence, cell(who(a)), cell(statusText(a)), actions('/api/subsidy/applications', a));
      return tr;
    }));
  }

  function renderHolders(list) {
    document.querySelector('#holders tbody').replaceChildren(...list.map((h) => {
      const tr = document.createElement('tr');
      tr.dataset.senior = h.seniorId;
      const name = cell(`${h.seniorName} (#${h.seniorId})`);
      name.className = 'link';
      name.addEventListener('click', () => {
        document.getElementById('wallet-senior').value = h.seniorId;
        loadWallet();
      });
      tr.append(name, cell(h.community), cell(h.categoryName),
        cell(h.lapsed ? `${when(h.since)} · ${Anxin.t('subsidy.lapsed')}` : when(h.since)));
      if (h.lapsed) tr.classList.add('late');
      return tr;
    }));
  }

  function renderWallet(w) {
    const parts = [`${w.seniorName} · ${w.month}`];
    if (w.allowance.fen > 0) {
      parts.push(`${Anxin.t('subsidy.moneyLeft')} ${Portal.money(w.remaining)} / ${Portal.money(w.allowance)}`);
    }
    if (w.allowanceMinutes > 0) {
      parts.push(`${Anxin.t('subsidy.minutesLeft')} ${w.remainingMinutes} / ${w.allowanceMinutes}`);
    }
    if (w.allowance.fen === 0 && w.allowanceMinutes === 0) parts.push(Anxin.t('subsidy.noWallet'));
    if (!w.opened) parts.push(Anxin.t('subsidy.notOpened'));
    document.getElementById('wallet-summary').textContent = parts.join(' · ');
    document.querySelector('#ledger tbody').replaceChildren(...w.ledger.map((e) => {
      const tr = document.createElement('tr');
      tr.append(cell(when(e.at)), cell(e.orderId), cell(Anxin.t(`subsidy.kinds.${e.kind}`)),
        cell(`${Portal.money(e.subsidy)}${e.minutes ? ` (${e.minutes} min)` : ''}`), cell(e.actor), cell(e.note));
      return tr;
    }));
    document.getElementById('wallet').hidden = false;
  }

  function loadWallet() {
    const senior = document.getElementById('wallet-senior').value;
    const month = document.getElementById('wallet-month').value;
    if (!senior) return;
    send('GET', `/api/seniors/${senior}/wallet${month ? `?month=${month}` : ''}`)
      .then((w) => { status.clear(); renderWallet(w); })
      .catch(fail);
  }

  function fillCategories(categories) {
    ['propose-category', 'apply-category'].forEach((id) => {
      document.getElementById(id).replaceChildren(
        ...categories.map((c) => option(c.code, `${c.name} (${allowanceText(c.allowance)})`)));
    });
  }

  function loadAreas() {
    send('GET', '/api/areas').then((list) => {
      document.querySelector('#areas tbody').replaceChildren(...list.map((a) => {
        const tr = document.createElement('tr');
        tr.dataset.code = a.code;
        tr.append(cell(a.code), cell(a.name), cell(Anxin.t(`subsidy.levels.${a.level}`)), cell(a.parent));
        return tr;
      }));
    }).catch(fail);
  }

  document.getElementById('area-form').addEventListener('submit', (event) => {
    event.preventDefault();
    send('POST', '/api/areas', {
      code: document.getElementById('area-code').value,
      name: document.getElementById('area-name').value,
      level: document.getElementById('area-level').value,
      parent: document.getElementById('area-parent').value || null
    }).then(() => { status.clear(); loadAreas(); }).catch(fail);
  });

  document.getElementById('birth-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const senior = document.getElementById('birth-senior').value;
    send('PUT', `/api/seniors/${senior}/birth-date`, { birthDate: document.getElementById('birth-date').value })
      .then((r) => { status.notice(`#${senior} · ${r.birthDate}`); load(); }).catch(fail);
  });

  function load() {
    loadAreas();
    send('GET', '/api/subsidy/categories').then(fillCategories).catch(fail);
    if (me.role !== 'FAMILY') {
      send('GET', '/api/subsidy/allowance-proposals?status=PENDING').then(renderProposals).catch(fail);
    }
    send('GET', '/api/subsidy/applications?status=PENDING').then(renderApplications).catch(fail);
    send('GET', '/api/subsidy/eligibility').then(renderHolders).catch(fail);
  }

  document.getElementById('propose-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = {
      category: document.getElementById('propose-category').value,
      note: document.getElementById('propose-note').value
    };
    const amount = document.getElementById('propose-amount').value;
    if (document.getElementById('propose-unit').value === 'hours') body.hours = Number(amount);
    else body.amount = Portal.moneyOf(amount);
    decide('/api/subsidy/allowance-proposals', body);
  });

  document.getElementById('apply-form').addEventListener('submit', (event) => {
    event.preventDefault();
    decide('/api/subsidy/applications', {
      seniorId: Number(document.getElementById('apply-senior').value),
      category: document.getElementById('apply-category').value,
      note: document.getElementById('apply-note').value
    });
  });

  document.getElementById('wallet-form').addEventListener('submit', (event) => {
    event.preventDefault();
    loadWallet();
  });

  Anxin.apply();
  Anxin.bindSwitch(load);
  Portal.me().then((user) => {
    me = user;
    document.getElementById('whoami').textContent =
      `${user.displayName || user.username}${user.community ? ` · ${user.community}` : ''}`;
    Portal.showForRole(user.role);
    load();
  }).catch(fail);
})();
