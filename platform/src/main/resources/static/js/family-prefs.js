// How alarms reach each of a senior's contacts, on the family's card (under 紧急联系人): per alarm
// kind a call, an SMS or the page only (the choices the API offers for the contact, within the
// desk's limits), and quiet hours of their own or the city's. Saved per contact
// (PUT /api/seniors/{id}/contacts/{position}/preferences); a refusal shows the problem's detail.
(function () {
  'use strict';

  const { send } = Portal;
  const status = Portal.messages('family-error', 'family-notice');

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  function timeInput(cls, value) {
    const input = el('input', cls);
    input.type = 'time';
    input.value = value ? String(value).slice(0, 5) : '';
    return input;
  }

  function kindRow(kind, contact) {
    const row = el('label', 'pref-kind');
    const select = el('select', 'pref-channel');
    select.dataset.kind = kind;
    contact.choices[kind].forEach((c) => select.appendChild(Portal.option(c, Anxin.t(`contactPrefs.channels.${c}`))));
    select.value = contact.channels[kind];
    select.disabled = contact.choices[kind].length < 2;
    row.append(el('span', 'pref-kind-name', Anxin.t(`type.${kind}`)), select);
    return row;
  }

  function contactItem(seniorId, prefs, contact, redraw) {
    const li = el('li', 'pref-contact');
    li.dataset.position = contact.position;
    const who = `${contact.name}${contact.relation ? ` (${contact.relation})` : ''} ${contact.phone}`;
    li.append(el('div', 'pref-who', who));
    if (contact.mayDeclineCalls) li.append(el('p', 'muted pref-desk', Anxin.t('contactPrefs.deskAllows')));
    const kinds = el('div', 'pref-kinds');
    Object.keys(contact.channels).forEach((kind) => kinds.append(kindRow(kind, contact)));
    li.append(kinds);

    const own = el('input', 'pref-own-quiet');
    own.type = 'checkbox';
    own.checked = contact.ownQuietHours;
    const from = timeInput('pref-quiet-from', contact.quietFrom);
    const to = timeInput('pref-quiet-to', contact.quietTo);
    const quiet = el('div', 'pref-quiet');
    const ownLabel = el('label');
    ownLabel.append(own, document.createTextNode(` ${Anxin.t('contactPrefs.ownQuiet')}`));
    quiet.append(ownLabel, from, document.createTextNode(' – '), to);
    const cityHint = el('p', 'muted',
      `${Anxin.t('contactPrefs.cityQuiet')} ${String(prefs.cityQuietFrom).slice(0, 5)}–${String(prefs.cityQuietTo).slice(0, 5)}`);
    function syncQuiet() { from.disabled = !own.checked; to.disabled = !own.checked; }
    own.addEventListener('change', syncQuiet);
    syncQuiet();
    li.append(quiet, cityHint);

    const save = el('button', 'save-prefs', Anxin.t('contactPrefs.save'));
    save.type = 'button';
    save.addEventListener('click', () => {
      const channels = {};
      li.querySelectorAll('select.pref-channel').forEach((s) => { channels[s.dataset.kind] = s.value; });
      const body = { channels };
      if (own.checked) { body.quietFrom = from.value || null; body.quietTo = to.value || null; }
      send('PUT', `/api/seniors/${seniorId}/contacts/${contact.position}/preferences`, body)
        .then(() => { status.notice(`${Anxin.t('contactPrefs.saved')}${contact.name}`); redraw(); })
        .catch(status.fail);
    });
    const actions = el('div', 'card-actions');
    actions.append(save);
    li.append(actions);
    return li;
  }

  function bind(cardEl, seniorId) {
    const box = cardEl.querySelector('.s-contact-prefs');
    const list = box.querySelector('.pref-list');
    function load() {
      return send('GET', `/api/seniors/${seniorId}/contacts/preferences`).then((prefs) => {
        list.replaceChildren(...prefs.contacts.map((c) => contactItem(seniorId, prefs, c, () => load().catch(status.fail))));
        box.querySelector('.pref-none').hidden = prefs.contacts.length > 0;
      });
    }
    cardEl.querySelector('.show-contact-prefs').addEventListener('click', () => {
      box.hidden = !box.hidden;
      if (!box.hidden) load().catch(status.fail);
    });
  }

  window.FamilyPrefs = { bind };
})();
