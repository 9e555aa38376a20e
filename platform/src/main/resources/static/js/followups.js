// The follow-up queue (回访): completed visits sampled for a call. An operator claims one, calls
// the senior or the family, and records whether the call reached them and how satisfied they are.
(function () {
  'use strict';

  const { send } = Portal;
  const status = Portal.messages('fu-error', 'fu-notice');
  let last = [];

  function cell(text) {
    const td = document.createElement('td');
    td.textContent = text == null ? '—' : String(text);
    return td;
  }

  function resultText(f) {
    if (f.reached == null) return '—';
    const text = f.reached ? `${f.satisfied}/5` : Anxin.t('followUp.unreached');
    return f.note ? `${text} · ${f.note}` : text;
  }

  // reached? satisfied 1–5, note, and the button that records it
  function resultForm(f) {
    const form = document.createElement('form');
    form.className = 'fu-result';
    const reached = document.createElement('input');
    reached.type = 'checkbox';
    reached.checked = true;
    const reachedLabel = document.createElement('label');
    reachedLabel.append(reached, ` ${Anxin.t('followUp.reached')}`);
    const satisfied = document.createElement('select');
    [5, 4, 3, 2, 1].forEach((n) => satisfied.append(new Option(`${n}/5`, String(n))));
    reached.addEventListener('change', () => { satisfied.disabled = !reached.checked; });
    const note = document.createElement('input');
    note.type = 'text';
    note.maxLength = 2000;
    note.placeholder = Anxin.t('notePlaceholder');
    const submit = document.createElement('button');
    submit.type = 'submit';
    submit.textContent = Anxin.t('followUp.record');
    form.append(reachedLabel, satisfied, note, submit);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const body = { reached: reached.checked, note: note.value || null };
      if (reached.checked) body.satisfied = Number(satisfied.value);
      send('POST', `/api/follow-ups/${f.id}/result`, body).then(load).catch(status.fail);
    });
    return form;
  }

  function row(f) {
    const o = f.order;
    const contact = f.contacts && f.contacts.length ? ` / ${f.contacts[0].name} ${f.contacts[0].phone}` : '';
    const tr = document.createElement('tr');
    tr.append(cell(o.id), cell(o.seniorName), cell(`${f.seniorPhone || ''}${contact}`), cell(o.itemName),
      cell(o.completedAt ? new Date(o.completedAt).toLocaleString(Anxin.lang()) : null), cell(o.responderName),
      cell(`${Anxin.t(`followUp.statuses.${f.status}`)}${f.claimedBy ? ` (${f.claimedBy})` : ''}`),
      cell(f.attempts), cell(resultText(f)));
    const actions = document.createElement('td');
    if (f.status === 'PENDING') {
      const claim = document.createElement('button');
      claim.type = 'button';
      claim.textContent = Anxin.t('followUp.claim');
      claim.addEventListener('click', () => send('POST', `/api/follow-ups/${f.id}/claim`).then(load).catch(status.fail));
      actions.append(claim);
    }
    if (f.status !== 'DONE') actions.append(resultForm(f));
    tr.append(actions);
    return tr;
  }

  function render() {
    document.querySelector('#follow-ups tbody').replaceChildren(...last.map(row));
    document.getElementById('fu-empty').hidden = last.length > 0;
  }

  function load() {
    const status = document.getElementById('status').value;
    send('GET', `/api/follow-ups?status=${encodeURIComponent(status)}`)
      .then((list) => { last = list; status.clear(); render(); })
      .catch(status.fail);
  }

  document.getElementById('filter-form').addEventListener('submit', (event) => { event.preventDefault(); load(); });
  Anxin.apply();
  Anxin.bindSwitch(render);
  Portal.me().then((me) => {
    document.getElementById('whoami').textContent = me.displayName || me.username;
  }).catch(() => {});
  // the first POST needs the XSRF-TOKEN cookie, which this sets
  send('GET', '/api/csrf').catch(() => {}).then(load);
})();
