// On the desk's senior page, under the contacts: how alarms reach each contact as they (or their
// family) chose it — the kinds they changed from the defaults, their quiet hours — and the desk's
// limit, which the desk may grant or take back (PUT /api/seniors/{id}/contacts/{position}/limits).
(function () {
  'use strict';

  const { send } = Portal;
  const messages = Portal.messages('senior-error', 'senior-notice');
  const id = new URLSearchParams(window.location.search).get('id');
  const DEFAULT_CALL = new Set(['SOS', 'FALL', 'PHONE_SOS', 'VITALS_ABNORMAL', 'GEOFENCE_EXIT']);

  function hm(time) {
    return String(time).slice(0, 5);
  }

  function changed(contact) {
    return Object.entries(contact.channels)
      .filter(([kind, channel]) => channel !== (DEFAULT_CALL.has(kind) ? 'CALL' : 'SMS'))
      .map(([kind, channel]) => `${Anxin.t(`type.${kind}`)}: ${Anxin.t(`contactPrefs.channels.${channel}`)}`);
  }

  function item(contact) {
    const li = document.createElement('li');
    li.className = 'desk-pref';
    li.dataset.position = contact.position;
    const parts = [
      `${contact.position}. ${contact.name}${contact.relation ? ` (${contact.relation})` : ''}`,
      Anxin.t(contact.mayDeclineCalls ? 'contactPrefs.smsAllowed' : 'contactPrefs.callAlways'),
      `${Anxin.t('contactPrefs.quiet')} ${hm(contact.quietFrom)}–${hm(contact.quietTo)}`
        + (contact.ownQuietHours ? ` (${Anxin.t('contactPrefs.ownQuiet')})` : ''),
      ...changed(contact)
    ];
    const text = document.createElement('span');
    text.className = 'desk-pref-text';
    text.textContent = parts.join(' · ');
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'toggle-limit';
    toggle.textContent = Anxin.t(contact.mayDeclineCalls ? 'contactPrefs.requireCall' : 'contactPrefs.allowSms');
    toggle.addEventListener('click', () => {
      send('PUT', `/api/seniors/${encodeURIComponent(id)}/contacts/${contact.position}/limits`,
        { mayDeclineCalls: !contact.mayDeclineCalls })
        .then(() => { messages.notice(Anxin.t('seniorPage.saved')); return load(); })
        .catch(messages.fail);
    });
    li.append(text, document.createTextNode(' '), toggle);
    return li;
  }

  function load() {
    return send('GET', `/api/seniors/${encodeURIComponent(id)}/contacts/preferences`).then((prefs) => {
      document.getElementById('contact-prefs').replaceChildren(...prefs.contacts.map(item));
    });
  }

  window.DeskContactPrefs = { load };
})();
