// Device groups (ADMIN): each group's source networks (private APN ranges, CIDR), its devices,
// and bulk moves of devices into a group or out of every group. The gateways refuse a grouped
// device's login from any other address. Every value is set as text.
(function () {
  'use strict';

  const { send } = Portal;
  const messages = Portal.messages('groups-error', 'groups-notice');
  const form = document.getElementById('group-form');
  const idField = document.getElementById('group-id');
  const nameField = document.getElementById('group-name');
  const networksField = document.getElementById('group-networks');
  const assignGroup = document.getElementById('assign-group');
  let groups = [];

  function el(tag, text) {
    const node = document.createElement(tag);
    if (text != null) node.textContent = text;
    return node;
  }

  function lines(text) {
    return text.split(/[\n,]/).map((s) => s.trim()).filter((s) => s !== '');
  }

  let editing = null;

  function title() {
    document.getElementById('group-form-title').textContent =
      editing ? `${Anxin.t('deviceGroups.edit')} · ${editing.name}` : Anxin.t('deviceGroups.create');
  }

  function edit(group) {
    editing = group;
    idField.value = group ? String(group.id) : '';
    nameField.value = group ? group.name : '';
    networksField.value = group ? group.networks.join('\n') : '';
    title();
    document.getElementById('group-new').hidden = !group;
  }

  function showMembers(group) {
    document.getElementById('members-of').textContent = `· ${group.name}`;
    const list = document.getElementById('members');
    return send('GET', `/api/device-groups/${group.id}/devices`).then((ids) => {
      list.replaceChildren(...(ids.length ? ids.map((id) => el('li', id)) : [el('li', Anxin.t('deviceGroups.empty'))]));
    }).catch(messages.fail);
  }

  function draw() {
    const body = document.querySelector('#groups tbody');
    if (!groups.length) {
      const row = el('tr');
      const cell = el('td', Anxin.t('deviceGroups.none'));
      cell.colSpan = 4;
      row.append(cell);
      body.replaceChildren(row);
    } else {
      body.replaceChildren(...groups.map((g) => {
        const row = el('tr');
        row.dataset.group = String(g.id);
        const actions = el('td');
        const editButton = el('button', Anxin.t('deviceGroups.edit'));
        editButton.type = 'button';
        editButton.addEventListener('click', () => edit(g));
        const membersButton = el('button', Anxin.t('deviceGroups.members'));
        membersButton.type = 'button';
        membersButton.addEventListener('click', () => showMembers(g));
        actions.append(editButton, ' ', membersButton);
        if (g.devices === 0) {
          const deleteButton = el('button', Anxin.t('deviceGroups.delete'));
          deleteButton.type = 'button';
          deleteButton.addEventListener('click', () => {
            if (!window.confirm(Anxin.t('deviceGroups.deleteConfirm').replace('{name}', g.name))) return;
            send('DELETE', `/api/device-groups/${g.id}`).then(() => {
              messages.notice(Anxin.t('deviceGroups.deleted'));
              if (editing && editing.id === g.id) edit(null);
              return load();
            }).catch(messages.fail);
          });
          actions.append(' ', deleteButton);
        }
        row.append(el('td', g.name),
          el('td', g.networks.length ? g.networks.join(', ') : Anxin.t('deviceGroups.anywhere')),
          el('td', String(g.devices)), actions);
        return row;
      }));
    }
    const chosen = assignGroup.value;
    assignGroup.replaceChildren(Portal.option('none', Anxin.t('deviceGroups.noGroup')),
      ...groups.map((g) => Portal.option(String(g.id), g.name)));
    if (chosen && [...assignGroup.options].some((o) => o.value === chosen)) assignGroup.value = chosen;
  }

  function load() {
    return send('GET', '/api/device-groups').then((list) => { groups = list; draw(); }).catch(messages.fail);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { name: nameField.value.trim(), networks: lines(networksField.value) };
    const request = idField.value
      ? send('PUT', `/api/device-groups/${encodeURIComponent(idField.value)}`, body)
      : send('POST', '/api/device-groups', body);
    request.then((saved) => {
      messages.notice(Anxin.t('deviceGroups.saved'));
      edit(saved);
      return load();
    }).catch(messages.fail);
  });

  document.getElementById('group-new').addEventListener('click', () => edit(null));

  document.getElementById('assign-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const deviceIds = lines(document.getElementById('assign-ids').value);
    const target = assignGroup.value;
    send('POST', `/api/device-groups/${encodeURIComponent(target)}/devices`, { deviceIds })
      .then((moved) => {
        messages.notice(Anxin.t('deviceGroups.assigned').replace('{n}', String(moved.length)));
        document.getElementById('assign-ids').value = '';
        return load().then(() => {
          const group = groups.find((g) => String(g.id) === target);
          if (group) showMembers(group);
        });
      })
      .catch(messages.fail);
  });

  Anxin.apply();
  Anxin.bindSwitch(() => { title(); draw(); });
  load();
})();
