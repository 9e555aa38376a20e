// A senior's emergency contacts on the family's card: edit each one's details and the order in
// which the desk calls them (top first). Saved as a whole (PUT /api/seniors/{id}/contacts); the
// desk sees the change on the senior's audit and on any open alarm's timeline.
(function () {
  'use strict';

  const { send } = Portal;
  const status = Portal.messages('family-error', 'family-notice');

  function input(cls, value, placeholderKey) {
    const el = document.createElement('input');
    el.className = cls;
    el.value = value || '';
    el.placeholder = Anxin.t(placeholderKey);
    return el;
  }

  function button(cls, key, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.textContent = Anxin.t(key);
    b.addEventListener('click', onClick);
    return b;
  }

  function bind(cardEl, seniorId) {
    const panel = cardEl.querySelector('.s-contacts');
    const list = panel.querySelector('.contact-list');
    let rows = [];

    function read() {
      return [...list.querySelectorAll('li.contact')].map((li) => ({
        name: li.querySelector('.c-name').value.trim(),
        relation: li.querySelector('.c-relation').value.trim() || null,
        phone: li.querySelector('.c-phone').value.trim()
      }));
    }

    function draw() {
      list.replaceChildren(...rows.map((c, i) => {
        const li = document.createElement('li');
        li.className = 'contact';
        li.append(
          input('c-name', c.name, 'familyContacts.name'),
          input('c-relation', c.relation, 'familyContacts.relation'),
          input('c-phone', c.phone, 'familyContacts.phone'),
          button('c-up', 'familyContacts.up', () => { rows = read(); if (i > 0) { [rows[i - 1], rows[i]] = [rows[i], rows[i - 1]]; } draw(); }),
          button('c-remove', 'familyContacts.remove', () => { rows = read(); rows.splice(i, 1); draw(); }));
        li.querySelector('.c-phone').type = 'tel';
        return li;
      }));
    }

    function load() {
      return send('GET', `/api/seniors/${seniorId}/contacts`).then((contacts) => { rows = contacts; draw(); });
    }

    cardEl.querySelector('.show-contacts').addEventListener('click', () => {
      panel.hidden = !panel.hidden;
      if (!panel.hidden) load().catch(status.fail);
    });
    panel.querySelector('.add-contact').addEventListener('click', () => { rows = read().concat([{}]); draw(); });
    panel.querySelector('.save-contacts').addEventListener('click', () => {
      send('PUT', `/api/seniors/${seniorId}/contacts`, read())
        .then((saved) => { rows = saved; draw(); status.notice(Anxin.t('familyContacts.saved')); })
        .catch(status.fail);
    });
  }

  window.FamilyContacts = { bind };
})();
