// The audit log (ADMIN): filters, newest first, CSV of the same filter; and the user names locked
// after failed sign-ins, each with an unlock button. Every value is set as text.
(function () {
  'use strict';
  const ACTIONS = ['SIGN_IN', 'SIGN_IN_FAILED', 'ACCOUNT_LOCKED', 'ACCOUNT_UNLOCKED', 'USER_CREATED', 'PASSWORD_RESET',
    'PASSWORD_CHANGED', 'DEVICE_REGISTERED', 'DEVICE_SECRET_ROTATED', 'DEVICE_REVOKED', 'DEVICE_GROUP_CHANGED',
    'DEVICE_COMMAND',
    'SENIOR_CREATED', 'SENIOR_UPDATED', 'SENIOR_VIEWED', 'SETTLEMENT_CLOSED'];
  const status = Portal.messages('audit-error', 'audit-notice');
  const actionSelect = document.getElementById('action');
  ACTIONS.forEach((a) => actionSelect.appendChild(Portal.option(a, a)));

  function cell(text) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    return td;
  }

  function query() {
    const params = new URLSearchParams();
    const put = (name, value) => { if (value && value.trim()) params.set(name, value.trim()); };
    put('actor', document.getElementById('actor').value);
    put('action', actionSelect.value);
    put('objectType', document.getElementById('object-type').value);
    put('objectId', document.getElementById('object-id').value);
    const from = document.getElementById('from').value;
    const to = document.getElementById('to').value;
    if (from) params.set('from', new Date(from).toISOString());
    if (to) params.set('to', new Date(to).toISOString());
    return params.toString();
  }

  function load() {
    const q = query();
    document.getElementById('csv-link').href = `/api/audit.csv${q ? `?${q}` : ''}`;
    Portal.send('GET', `/api/audit${q ? `?${q}` : ''}`).then((entries) => {
      const body = document.querySelector('#entries tbody');
      if (!entries.length) {
        const tr = document.createElement('tr');
        const td = cell(Anxin.t('audit.empty'));
        td.colSpan = 8;
        tr.appendChild(td);
        body.replaceChildren(tr);
        return;
      }
      body.replaceChildren(...entries.map((e) => {
        const tr = document.createElement('tr');
        tr.dataset.action = e.action;
        tr.append(cell(new Date(e.at).toLocaleString()), cell(e.actor), cell(e.address), cell(e.action),
          cell(e.objectType), cell(e.objectId), cell(e.before == null ? '' : JSON.stringify(e.before)),
          cell(e.after == null ? '' : JSON.stringify(e.after)));
        return tr;
      }));
    }).catch(status.fail);
  }

  function loadLocked() {
    Portal.send('GET', '/api/users/locked').then((locked) => {
      const body = document.querySelector('#locked tbody');
      if (!locked.length) {
        const tr = document.createElement('tr');
        const td = cell(Anxin.t('audit.noLocked'));
        td.colSpan = 3;
        tr.appendChild(td);
        body.replaceChildren(tr);
        return;
      }
      body.replaceChildren(...locked.map((l) => {
        const tr = document.createElement('tr');
        tr.dataset.username = l.username;
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'unlock';
        button.textContent = Anxin.t('audit.unlock');
        button.addEventListener('click', () => Portal.send('DELETE', `/api/users/${encodeURIComponent(l.username)}/lock`)
          .then(() => { status.notice(`${Anxin.t('audit.unlocked')}: ${l.username}`); loadLocked(); load(); })
          .catch(status.fail));
        const action = document.createElement('td');
        action.appendChild(button);
        tr.append(cell(l.username), cell(new Date(l.since).toLocaleString()), action);
        return tr;
      }));
    }).catch(status.fail);
  }

  document.getElementById('audit-form').addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  Anxin.apply();
  Anxin.bindSwitch();
  loadLocked();
  load();
})();
