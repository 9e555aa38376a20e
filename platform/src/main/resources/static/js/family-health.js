// A senior's health record on the family's card: the family changes the fields the desk allows
// (GET /api/seniors/family-editable; PUT /api/seniors/{id}, audited for the desk), sees the others
// read-only, and sees the medication reminders sent to the senior.
(function () {
  'use strict';

  const { send } = Portal;
  const status = Portal.messages('family-error', 'family-notice');
  const FIELDS = ['chronicConditions', 'allergies', 'healthNotes', 'familyDoctor', 'clinic', 'bloodType'];
  let allowed = null;

  // How a medication reminder went: by SMS, or on the watch with whether the watch confirmed it.
  function reminderWay(r) {
    if (r.channel !== 'WATCH') return Anxin.t('seniorPage.bySms');
    const state = r.acknowledgedAt
      ? `${Anxin.t('seniorPage.watchAck')} ${new Date(r.acknowledgedAt).toLocaleTimeString(Anxin.lang())}`
      : Anxin.t(r.commandStatus === 'FAILED' || r.commandStatus === 'EXPIRED' ? 'seniorPage.watchMissed' : 'seniorPage.watchWaiting');
    return `${Anxin.t('seniorPage.byWatch')} · ${state}`;
  }

  function allowList() {
    if (!allowed) allowed = send('GET', '/api/seniors/family-editable').then((body) => new Set(body.fields));
    return allowed;
  }

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text != null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function medicineRow(m) {
    const li = el('li', null, 'medicine');
    const name = el('input', null, 'm-name');
    name.value = m ? m.name : '';
    name.placeholder = Anxin.t('seniorPage.medicineName');
    const dose = el('input', null, 'm-dose');
    dose.value = m && m.dose ? m.dose : '';
    dose.placeholder = Anxin.t('seniorPage.dose');
    const times = el('input', null, 'm-times');
    times.value = m ? m.times.map((t) => t.slice(0, 5)).join(' ') : '';
    times.placeholder = Anxin.t('seniorPage.times');
    const remove = el('button', Anxin.t('seniorPage.remove'));
    remove.type = 'button';
    remove.addEventListener('click', () => li.remove());
    li.append(name, dose, times, remove);
    return li;
  }

  function draw(panel, profile, may) {
    const form = panel.querySelector('.health-fields');
    form.replaceChildren();
    FIELDS.forEach((field) => {
      const label = el('label');
      label.append(el('span', Anxin.t(`seniorPage.f.${field}`)), ' ');
      const input = el(field === 'bloodType' ? 'select' : 'input');
      input.dataset.field = field;
      if (field === 'bloodType') {
        ['', 'A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'].forEach((v) => input.appendChild(Portal.option(v, v)));
      }
      input.value = profile[field] || '';
      input.disabled = !may.has(field);
      label.appendChild(input);
      form.appendChild(label);
    });
    const medicines = panel.querySelector('.medicine-list');
    medicines.replaceChildren(...profile.medicines.map(medicineRow));
    panel.querySelector('.health-medicines').hidden = !may.has('medicines');
    panel.querySelector('.medicines-summary').textContent = profile.medicinesSummary || '';
  }

  function change(panel, may) {
    const body = {};
    panel.querySelectorAll('.health-fields [data-field]').forEach((input) => {
      if (may.has(input.dataset.field)) body[input.dataset.field] = input.value.trim();
    });
    if (may.has('medicines')) {
      body.medicines = [...panel.querySelectorAll('.medicine-list li')].map((li) => ({
        name: li.querySelector('.m-name').value.trim(),
        dose: li.querySelector('.m-dose').value.trim() || null,
        times: li.querySelector('.m-times').value.split(/[\s,，、]+/).filter(Boolean)
          .map((t) => (/^\d:\d\d$/.test(t) ? `0${t}` : t))
      }));
    }
    return body;
  }

  function bind(cardEl, seniorId) {
    const panel = cardEl.querySelector('.s-health');
    const button = cardEl.querySelector('.show-health');
    if (!panel || !button) return;

    function load() {
      return Promise.all([allowList(), send('GET', `/api/seniors/${seniorId}/profile`),
        send('GET', `/api/medication-reminders?seniorId=${seniorId}&limit=10`)])
        .then(([may, profile, reminders]) => {
          draw(panel, profile, may);
          panel.querySelector('.reminder-list').replaceChildren(...reminders.map((r) => el('li',
            `${new Date(r.dueAt).toLocaleString(Anxin.lang())} · ${r.medicine}${r.dose ? ` ${r.dose}` : ''} · ${reminderWay(r)}`)));
        });
    }

    button.addEventListener('click', () => {
      panel.hidden = !panel.hidden;
      if (!panel.hidden) load().catch(status.fail);
    });
    panel.querySelector('.add-medicine').addEventListener('click', () => {
      panel.querySelector('.medicine-list').appendChild(medicineRow(null));
    });
    panel.querySelector('.save-health').addEventListener('click', () => {
      allowList()
        .then((may) => send('PUT', `/api/seniors/${seniorId}`, change(panel, may)).then((p) => draw(panel, p, may)))
        .then(() => status.notice(Anxin.t('seniorPage.saved')))
        .catch(status.fail);
    });
  }

  window.FamilyHealth = { bind };
})();
