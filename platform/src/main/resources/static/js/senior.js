// The desk's senior page (senior.html?id=…; without id: enrol a new senior). The record and its
// health facts (PUT /api/seniors/{id}, audited), medicines with their reminder times, contacts in
// call order, devices (registration shows the secret once, with a QR code for the installer),
// recent care checks and calls, vitals and the audit of every change.
(function () {
  'use strict';

  const { send } = Portal;
  const messages = Portal.messages('senior-error', 'senior-notice');
  const id = new URLSearchParams(window.location.search).get('id');
  const form = document.getElementById('record-form');
  const TEXT_FIELDS = ['name', 'phone', 'idCardLast4', 'address', 'community', 'livingSituation', 'healthNotes',
    'chronicConditions', 'allergies', 'familyDoctor', 'clinic', 'bloodType'];
  const door = document.getElementById('f-doorNotes');
  let doorTouched = false;
  let profile = null;

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text != null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function when(iso) {
    return iso ? new Date(iso).toLocaleString(Anxin.lang()) : '—';
  }

  function list(box, items, render, emptyKey) {
    box.replaceChildren(...(items.length ? items.map(render) : [el('li', Anxin.t(emptyKey || 'seniorPage.none'), 'empty')]));
  }

  // --- the record ---

  function fill(p) {
    profile = p;
    document.getElementById('senior-title').textContent = `· ${p.name}`;
    document.title = `安心 · ${p.name}`;
    TEXT_FIELDS.forEach((f) => { form.elements[f].value = p[f] == null ? '' : p[f]; });
    form.elements.birthDate.value = p.birthDate || '';
    form.elements.lat.value = p.lat == null ? '' : p.lat;
    form.elements.lon.value = p.lon == null ? '' : p.lon;
    door.value = '';
    doorTouched = false;
    door.placeholder = p.doorNotesSet ? Anxin.t('seniorPage.doorHidden') : '';
    document.getElementById('show-door').hidden = !p.doorNotesSet;
    drawMedicines(p.medicines);
    document.getElementById('medicines-summary').textContent = p.medicinesSummary || '';
    drawContacts(p.contacts);
  }

  function recordChange() {
    const change = {};
    TEXT_FIELDS.forEach((f) => { change[f] = form.elements[f].value.trim(); });
    change.birthDate = form.elements.birthDate.value || null;
    const lat = form.elements.lat.value;
    const lon = form.elements.lon.value;
    if (lat !== '' || lon !== '') { change.lat = Number(lat); change.lon = Number(lon); }
    if (doorTouched) change.doorNotes = door.value.trim();
    return change;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const change = recordChange();
    if (id) {
      send('PUT', `/api/seniors/${encodeURIComponent(id)}`, change)
        .then((p) => { fill(p); messages.notice(Anxin.t('seniorPage.saved')); loadAudit(); })
        .catch(messages.fail);
      return;
    }
    // enrol: the basic record first, then every other field through the audited edit
    const basic = { name: change.name, phone: change.phone || null, address: change.address || null,
      community: change.community || null, lat: change.lat, lon: change.lon };
    send('POST', '/api/seniors', basic)
      .then((created) => send('PUT', `/api/seniors/${created.id}`, change).then(() => created))
      .then((created) => window.location.assign(`/senior.html?id=${created.id}&new=1`))
      .catch(messages.fail);
  });

  door.addEventListener('input', () => { doorTouched = true; });
  document.getElementById('show-door').addEventListener('click', () => {
    send('GET', `/api/seniors/${encodeURIComponent(id)}/door-notes`)
      .then((body) => { door.value = body.doorNotes || ''; doorTouched = false; loadAudit(); })
      .catch(messages.fail);
  });

  // --- medicines ---

  function rowFrom(templateId) {
    const li = document.getElementById(templateId).content.firstElementChild.cloneNode(true);
    Anxin.apply(li);
    li.querySelector('.remove').addEventListener('click', () => li.remove());
    return li;
  }

  function medicineRow(m) {
    const li = rowFrom('medicine-row');
    li.querySelector('.m-name').value = m ? m.name : '';
    li.querySelector('.m-dose').value = m && m.dose ? m.dose : '';
    li.querySelector('.m-times').value = m ? m.times.map((t) => t.slice(0, 5)).join(' ') : '';
    return li;
  }

  function drawMedicines(medicines) {
    document.getElementById('medicines').replaceChildren(...medicines.map(medicineRow));
  }

  document.getElementById('add-medicine').addEventListener('click', () => {
    document.getElementById('medicines').appendChild(medicineRow(null));
  });

  document.getElementById('save-medicines').addEventListener('click', () => {
    const medicines = Array.from(document.querySelectorAll('#medicines li')).map((li) => ({
      name: li.querySelector('.m-name').value.trim(),
      dose: li.querySelector('.m-dose').value.trim() || null,
      times: li.querySelector('.m-times').value.split(/[\s,，、]+/).filter(Boolean)
        .map((t) => (/^\d:\d\d$/.test(t) ? `0${t}` : t))
    }));
    send('PUT', `/api/seniors/${encodeURIComponent(id)}`, { medicines })
      .then((p) => { fill(p); messages.notice(Anxin.t('seniorPage.saved')); loadAudit(); })
      .catch(messages.fail);
  });

  // How a medication reminder went: by SMS, or on the watch with whether the watch confirmed it.
  function reminderWay(r) {
    if (r.channel !== 'WATCH') return Anxin.t('seniorPage.bySms');
    const state = r.acknowledgedAt
      ? `${Anxin.t('seniorPage.watchAck')} ${new Date(r.acknowledgedAt).toLocaleTimeString(Anxin.lang())}`
      : Anxin.t(r.commandStatus === 'FAILED' || r.commandStatus === 'EXPIRED' ? 'seniorPage.watchMissed' : 'seniorPage.watchWaiting');
    return `${Anxin.t('seniorPage.byWatch')} · ${state}`;
  }

  function loadReminders() {
    return send('GET', `/api/medication-reminders?seniorId=${encodeURIComponent(id)}&limit=20`).then((items) => list(
      document.getElementById('reminders'), items,
      (r) => el('li', `${when(r.dueAt)} · ${r.medicine}${r.dose ? ` ${r.dose}` : ''} · ${reminderWay(r)}`)));
  }

  // --- contacts ---

  function contactRow(c) {
    const li = rowFrom('contact-row');
    li.querySelector('.c-name').value = c ? c.name : '';
    li.querySelector('.c-relation').value = c && c.relation ? c.relation : '';
    li.querySelector('.c-phone').value = c ? c.phone : '';
    li.querySelector('.up').addEventListener('click', () => { if (li.previousElementSibling) li.after(li.previousElementSibling); });
    li.querySelector('.down').addEventListener('click', () => { if (li.nextElementSibling) li.before(li.nextElementSibling); });
    return li;
  }

  function drawContacts(contacts) {
    document.getElementById('contacts').replaceChildren(...contacts.map(contactRow));
  }

  document.getElementById('add-contact').addEventListener('click', () => {
    document.getElementById('contacts').appendChild(contactRow(null));
  });

  document.getElementById('save-contacts').addEventListener('click', () => {
    const contacts = Array.from(document.querySelectorAll('#contacts li')).map((li) => ({
      name: li.querySelector('.c-name').value.trim(),
      relation: li.querySelector('.c-relation').value.trim() || null,
      phone: li.querySelector('.c-phone').value.trim()
    }));
    send('PUT', `/api/seniors/${encodeURIComponent(id)}/contacts`, contacts)
      .then((stored) => {
        drawContacts(stored);
        messages.notice(Anxin.t('seniorPage.saved'));
        loadAudit();
        DeskContactPrefs.load().catch(messages.fail);
      })
      .catch(messages.fail);
  });

  // --- devices ---

  function loadDevices() {
    return send('GET', `/api/devices?seniorId=${encodeURIComponent(id)}`).then((devices) => list(
      document.getElementById('devices'), devices,
      (d) => watchPasswordButton(el('li', `${d.id} · ${Anxin.t(`seniorPage.protocols.${d.protocol}`)} · `
        + `${Anxin.t(d.online ? 'seniorPage.online' : 'seniorPage.offline')}`
        + `${d.battery == null ? '' : ` · ${d.battery}%`} · ${when(d.lastSeenAt)}`
        + `${d.groupId == null ? '' : ` · ${Anxin.t('deviceGroups.group')} ${groupName(d.groupId)}`}`), d)));
  }

  // An ADMIN gives a watch a new SMS control password (PW command); it is shown here this once.
  function watchPasswordButton(li, d) {
    if (!isAdmin || d.protocol !== 'watch' || d.revokedAt) return li;
    const button = el('button', Anxin.t('seniorPage.watchPassword'));
    button.type = 'button';
    button.addEventListener('click', () => send('POST', `/api/devices/${encodeURIComponent(d.id)}/watch-password`)
      .then((set) => {
        document.getElementById('watch-password-device').textContent = d.id;
        document.getElementById('watch-password').textContent = set.password;
        document.getElementById('watch-password-card').hidden = false;
        messages.notice(Anxin.t('seniorPage.watchPasswordSet'));
      })
      .catch(messages.fail));
    li.append(' ', button);
    return li;
  }

  // An ADMIN may put a new device in a device group (the groups' API is theirs alone).
  let deviceGroups = [];
  let isAdmin = false;
  function groupName(groupId) {
    const group = deviceGroups.find((g) => g.id === groupId);
    return group ? group.name : `#${groupId}`;
  }
  function loadDeviceGroups() {
    return Portal.me().then((user) => {
      isAdmin = user.role === 'ADMIN';
      if (!isAdmin) return null;
      return send('GET', '/api/device-groups').then((groups) => {
        deviceGroups = groups;
        const select = document.getElementById('device-group');
        select.replaceChildren(Portal.option('', Anxin.t('deviceGroups.noGroup')),
          ...groups.map((g) => Portal.option(String(g.id), g.name)));
        document.getElementById('device-group-label').hidden = false;
      });
    });
  }

  // The installer's QR: an SOS page's personal link, else the device's id, protocol and secret.
  function showRegistered(device) {
    document.getElementById('card-device').textContent = `${device.id} (${device.protocol})`;
    document.getElementById('card-secret').textContent = device.secret || '';
    document.getElementById('card-secret-row').hidden = !device.secret;
    const linkRow = document.getElementById('card-link-row');
    let qrText = `anxin-device:${device.id};protocol=${device.protocol}${device.secret ? `;secret=${device.secret}` : ''}`;
    if (device.protocol === 'app') {
      qrText = `${window.location.origin}/sos.html#d=${encodeURIComponent(device.id)}&k=${encodeURIComponent(device.secret)}`;
      document.getElementById('card-link').value = qrText;
    }
    linkRow.hidden = device.protocol !== 'app';
    Portal.drawQr(document.getElementById('device-qr'), qrText);
    document.getElementById('device-card').hidden = false;
  }

  document.getElementById('device-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { id: document.getElementById('device-id').value.trim(),
      protocol: document.getElementById('device-protocol').value, seniorId: Number(id) };
    const group = document.getElementById('device-group').value;
    if (group) body.groupId = Number(group);
    send('POST', '/api/devices', body)
      .then((device) => {
        showRegistered(device);
        document.getElementById('device-id').value = '';
        messages.notice(Anxin.t('seniorPage.deviceRegistered'));
        return loadDevices();
      })
      .catch(messages.fail);
  });

  // --- care checks, calls, vitals, audit ---

  function loadCare() {
    const checks = send('GET', `/api/care-calls/checks?seniorId=${encodeURIComponent(id)}&limit=10`).then((items) => list(
      document.getElementById('care-checks'), items,
      (c) => el('li', `${when(c.calledAt || c.createdAt)} · ${c.status}${c.digits ? ` · ${Anxin.t('seniorPage.pressed')} ${c.digits}` : ''}`
        + `${c.alarmId ? ` · #${c.alarmId}` : ''}`)));
    const calls = send('GET', `/api/calls?seniorId=${encodeURIComponent(id)}&limit=10`).then((items) => list(
      document.getElementById('calls'), items,
      (c) => el('li', `${when(c.startedAt)} · ${c.direction} · ${c.from} → ${c.to} · ${c.status}`
        + `${c.durationSeconds == null ? '' : ` · ${c.durationSeconds}s`}${c.answeredBy ? ` · ${c.answeredBy}` : ''}`)));
    return Promise.all([checks, calls]);
  }

  function loadAudit() {
    return send('GET', `/api/seniors/${encodeURIComponent(id)}/changes`).then((changes) => list(
      document.getElementById('audit'), changes,
      (c) => {
        const li = el('li');
        li.appendChild(el('strong', `${when(c.at)} · ${c.actor} (${c.role}) · ${Anxin.t(`seniorPage.kinds.${c.kind}`)}`));
        if (c.before != null) li.appendChild(el('div', `${Anxin.t('seniorPage.before')}: ${c.before}`));
        if (c.after != null) li.appendChild(el('div', `${Anxin.t('seniorPage.after')}: ${c.after}`));
        return li;
      }));
  }

  function load() {
    send('GET', `/api/seniors/${encodeURIComponent(id)}/profile`).then(fill).catch(messages.fail);
    loadReminders().catch(messages.fail);
    loadDeviceGroups().catch(() => {}).then(loadDevices).catch(messages.fail);
    loadCare().catch(messages.fail);
    loadAudit().catch(messages.fail);
    DeskContactPrefs.load().catch(messages.fail);
    if (window.VitalsChart) VitalsChart.show(document.getElementById('vitals'), id, 7).catch(() => {});
  }

  Anxin.apply();
  Anxin.bindSwitch(() => { if (id) load(); });
  if (id) {
    if (new URLSearchParams(window.location.search).get('new')) messages.notice(Anxin.t('seniorPage.created'));
    load();
  } else {
    document.querySelectorAll('[data-needs-senior]').forEach((section) => { section.hidden = true; });
    document.getElementById('senior-title').textContent = `· ${Anxin.t('seniorPage.new')}`;
  }
})();
